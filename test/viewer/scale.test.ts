/**
 * Pins the viewer's interactions on a generated graph big enough for its
 * large-graph mode (more than 20 000 edges: no edge picking, edges outside a
 * highlight left out) in a real headless Chromium: a click on a node fills the
 * panel for that node, with long relation lists shown in part and on demand;
 * search selects and highlights the neighbourhood; a type filter hides that
 * type's nodes and every edge touching them. Behaviour only: speed is
 * measured by the benchmark. Skipped, saying so, when Chromium is missing.
 */
import { existsSync } from 'node:fs';
import { chromium, Browser, Page } from 'playwright-core';
import { generateBenchGraph, startViewer, RunningViewer } from '../../src/viewer';
import type { NewsGraph } from '../../src/graph';
import { writeTestGraph } from './fixture';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
/** A few thousand nodes, and just over the page's large-graph edge count. */
const NODES = 3000;
const EDGES = 21000;
/** Must match RELATIONS_SHOWN_PER_TYPE in src/viewer/page/panel.ts. */
const RELATIONS_SHOWN_PER_TYPE = 20;
const WAIT_MS = 120_000;

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`viewer scale tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);
const describeBrowser = haveChromium ? describe : describe.skip;

interface Facts {
  program: string;
  hidden: boolean;
  color: string;
  highlighted: boolean;
}

/** Reads the page hook; the page's CSP forbids eval, so polling happens from here. */
function hook<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate(`(() => { const h = window.__newsgraph; return ${expression}; })()`) as Promise<T>;
}

async function until(page: Page, expression: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!(await hook<boolean>(page, expression))) {
    if (Date.now() > deadline) throw new Error(`page never reached: ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The node of highest degree: drawn biggest, and with more relations of a type than the panel lists at once. */
function hub(graph: NewsGraph): string {
  let best = graph.nodes()[0];
  graph.forEachNode((node) => {
    if (graph.degree(node) > graph.degree(best)) best = node;
  });
  return best;
}

describeBrowser('viewer on a generated graph of a few thousand nodes', () => {
  jest.setTimeout(300_000);
  let browser: Browser;
  let viewer: RunningViewer;
  let fixture: ReturnType<typeof writeTestGraph>;
  let graph: NewsGraph;
  let page: Page;

  beforeAll(async () => {
    graph = generateBenchGraph({ nodes: NODES, edges: EDGES, seed: 7 });
    fixture = writeTestGraph(graph);
    viewer = await startViewer({ graphFile: fixture.file, port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${viewer.url}?layout=off`);
    await until(page, 'h && (h.ready || h.error !== null)');
    expect(await hook(page, 'h.error')).toBeNull();
  });
  afterAll(async () => {
    await browser?.close();
    await viewer?.close();
    fixture?.cleanup();
  });

  it('loads every node and edge and draws a first frame', async () => {
    expect(await hook(page, '[h.nodeCount, h.edgeCount, h.visibleNodes, h.visibleEdges]')).toEqual([NODES, EDGES, NODES, EDGES]);
    expect(await hook<number>(page, 'h.firstFrameMs')).toBeGreaterThan(0);
    expect(await hook<number>(page, 'h.renderCount')).toBeGreaterThan(0);
  });

  it('hovering a node highlights it; a click fills the panel for the clicked node only', async () => {
    const target = hub(graph);
    const box = (await page.locator('#graph').boundingBox())!;
    const at = await hook<{ x: number; y: number } | null>(page, `h.viewportPosition(${JSON.stringify(target)})`);
    expect(at).not.toBeNull();
    await page.mouse.move(box.x + at!.x, box.y + at!.y);
    await until(page, 'h.hoveredNode !== null');
    await page.mouse.click(box.x + at!.x, box.y + at!.y);
    await until(page, `h.selectedNode !== null && !document.getElementById('panel').hidden`);
    // Nodes overlap at this density: whichever node was under the pointer, the panel is that node's.
    const selected = (await hook<string>(page, 'h.selectedNode'))!;
    const panel = page.locator('#panel');
    await expect(panel.locator('h1').textContent()).resolves.toBe(graph.getNodeAttribute(selected, 'label'));
    expect(await panel.locator('.entity').getAttribute('data-node')).toBe(selected);

    // Each relation type lists at most RELATIONS_SHOWN_PER_TYPE at first; "more" brings the rest.
    const byType = new Map<string, number>();
    graph.forEachEdge(selected, (_edge, attributes) => byType.set(attributes.type, (byType.get(attributes.type) ?? 0) + 1));
    const shown = [...byType.values()].reduce((sum, count) => sum + Math.min(count, RELATIONS_SHOWN_PER_TYPE), 0);
    expect(await panel.locator('.relation').count()).toBe(shown);
    const more = panel.locator('button[data-more]');
    expect(await more.count()).toBe([...byType.values()].filter((count) => count > RELATIONS_SHOWN_PER_TYPE).length);
    while ((await more.count()) > 0) await more.first().click();
    expect(await panel.locator('.relation').count()).toBe(graph.degree(selected));
    await page.click('#panel-close');
    await until(page, `h.selectedNode === null && document.getElementById('panel').hidden`);
    await page.mouse.move(2, 2);
    await until(page, 'h.hoveredNode === null');
  });

  it('search selects an entity and highlights its neighbourhood, leaving other edges out', async () => {
    const target = hub(graph);
    const label = graph.getNodeAttribute(target, 'label');
    await page.fill('#search', label.toLowerCase());
    await page.locator('#search-suggestions li').first().waitFor();
    await page.press('#search', 'Enter');
    await until(page, `h.selectedNode === ${JSON.stringify(target)}`);
    await expect(page.locator('#panel h1').textContent()).resolves.toBe(label);

    const neighbour = graph.neighbors(target)[0];
    const neighbourType = graph.getNodeAttribute(neighbour, 'type');
    const stranger = graph.findNode((node, attributes) => node !== target && attributes.type === neighbourType && !graph.areNeighbors(node, target))!;
    const incident = graph.edges(target)[0];
    const elsewhere = graph.findEdge((edge) => !graph.hasExtremity(edge, target))!;
    const [self, near, far] = await Promise.all([target, neighbour, stranger].map((node) => hook<Facts>(page, `h.nodeDisplay(${JSON.stringify(node)})`)));
    expect(self.highlighted).toBe(true);
    expect(near.hidden).toBe(false);
    expect(far.hidden).toBe(false);
    // Two nodes of one type: the neighbour keeps the type's colour, the stranger fades.
    expect(far.color).not.toBe(near.color);
    // The highlighted edges get back their arrows (or thick lines for symmetric relations).
    const incidentFacts = await hook<Facts>(page, `h.edgeDisplay(${JSON.stringify(incident)})`);
    expect(incidentFacts.hidden).toBe(false);
    expect(incidentFacts.program).toBe(graph.isUndirected(incident) ? 'line' : 'arrow');
    expect(await hook<Facts>(page, `h.edgeDisplay(${JSON.stringify(elsewhere)})`)).toMatchObject({ hidden: true });

    await page.click('#panel-close');
    await until(page, 'h.selectedNode === null');
    // With nothing highlighted, the mass of edges is drawn as thin lines.
    expect(await hook<Facts>(page, `h.edgeDisplay(${JSON.stringify(elsewhere)})`)).toMatchObject({ hidden: false, program: 'thin' });
    expect(await hook<Facts>(page, `h.edgeDisplay(${JSON.stringify(incident)})`)).toMatchObject({ hidden: false, program: 'thin' });
  });

  it('a type filter hides that type and every edge touching it, and the stats say so', async () => {
    const type = graph.getNodeAttribute(graph.nodes()[0], 'type');
    let typed = 0;
    graph.forEachNode((_node, attributes) => (typed += attributes.type === type ? 1 : 0));
    let kept = 0;
    graph.forEachEdge((_edge, _attributes, _source, _target, sourceAttributes, targetAttributes) => {
      if (sourceAttributes.type !== type && targetAttributes.type !== type) kept++;
    });
    await page.locator(`#type-filters label[data-value="${type}"] input`).uncheck();
    await until(page, `h.visibleNodes !== ${NODES}`);
    expect(await hook(page, '[h.visibleNodes, h.visibleEdges]')).toEqual([NODES - typed, kept]);
    await expect(page.locator('#stats').textContent()).resolves.toContain(`${NODES - typed} of ${NODES} entities`);
    const hiddenNode = graph.findNode((_node, attributes) => attributes.type === type)!;
    expect(await hook<Facts>(page, `h.nodeDisplay(${JSON.stringify(hiddenNode)})`)).toMatchObject({ hidden: true });
    const touching = graph.edges(hiddenNode)[0];
    expect(await hook<Facts>(page, `h.edgeDisplay(${JSON.stringify(touching)})`)).toMatchObject({ hidden: true });

    await page.locator(`#type-filters label[data-value="${type}"] input`).check();
    await until(page, `h.visibleNodes === ${NODES}`);
    expect(await hook(page, 'h.visibleEdges')).toBe(EDGES);
    expect(await hook<Facts>(page, `h.nodeDisplay(${JSON.stringify(hiddenNode)})`)).toMatchObject({ hidden: false });
  });
});
