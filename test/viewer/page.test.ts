/**
 * Pins the viewer page in a real headless Chromium (Debian's /usr/bin/chromium):
 * the canvas is drawn, search opens the panel with quotes, filters hide nodes,
 * the path finder lists hops, article text is shown as text, exports download.
 * Skipped, saying so, when Chromium is not installed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, Browser, Page } from 'playwright-core';
import { startViewer, RunningViewer } from '../../src/viewer';
import { makeTestGraph, writeTestGraph, XSS_QUOTE } from './fixture';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts');
const VIEWPORT = { width: 1400, height: 850 };

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`viewer page tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);
const describeBrowser = haveChromium ? describe : describe.skip;

/** Counts pixels of a PNG that differ from white, decoding it in a blank page (no PNG library needed). */
async function inkPixels(browser: Browser, png: Buffer): Promise<number> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235) ink++;
      return ink;
    }, png.toString('base64'));
  } finally {
    await page.close();
  }
}

async function openViewer(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT, acceptDownloads: true });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForFunction(() => {
    const hook = (window as unknown as { __newsgraph?: { ready: boolean; error: string | null } }).__newsgraph;
    return hook && (hook.ready || hook.error);
  });
  const error = await page.evaluate(() => (window as unknown as { __newsgraph: { error: string | null } }).__newsgraph.error);
  if (error || errors.length) throw new Error(`viewer page failed: ${error ?? errors.join('; ')}`);
  return page;
}

function hook<T>(page: Page, read: (hook: Record<string, unknown>) => T): Promise<T> {
  return page.evaluate(`(${read.toString()})(window.__newsgraph)`) as Promise<T>;
}

async function searchAndChoose(page: Page, inputSelector: string, text: string): Promise<void> {
  await page.fill(inputSelector, text);
  const list = page.locator(`${inputSelector} + .suggestions`);
  await list.locator('li').first().waitFor();
  await page.press(inputSelector, 'Enter');
}

describeBrowser('viewer page in Chromium', () => {
  let browser: Browser;
  let viewer: RunningViewer;
  let fixture: ReturnType<typeof writeTestGraph>;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    fixture = writeTestGraph();
    viewer = await startViewer({ graphFile: fixture.file, port: 0 });
  });
  afterAll(async () => {
    await browser?.close();
    await viewer?.close();
    fixture?.cleanup();
  });

  it('draws the graph on the canvas and keeps a screenshot', async () => {
    const page = await openViewer(browser, viewer.url);
    expect(await hook(page, (h) => [h.nodeCount, h.visibleNodes, h.edgeCount])).toEqual([12, 12, 13]);
    expect(await hook(page, (h) => h.firstFrameMs)).toBeGreaterThan(0);
    // Let ForceAtlas2 run in its worker, then stop it (noverlap runs at the stop).
    await page.waitForFunction(() => (window as unknown as { __newsgraph: { layout: { iterations: number } } }).__newsgraph.layout.iterations > 20);
    await page.click('#layout-toggle');
    expect(await hook(page, (h) => (h.layout as { running: boolean }).running)).toBe(false);
    const stage = await page.locator('#graph').screenshot();
    const ink = await inkPixels(browser, stage);
    expect(ink).toBeGreaterThan(2000);
    mkdirSync(ARTIFACTS, { recursive: true });
    await searchAndChoose(page, '#search', 'Hwasong-20');
    await page.waitForTimeout(700); // camera animation
    writeFileSync(path.join(ARTIFACTS, 'viewer.png'), await page.screenshot());
    await page.close();
  });

  it('search "Hwasong-20" opens its panel with a quote, the article title and date', async () => {
    const page = await openViewer(browser, `${viewer.url}?layout=off`);
    await searchAndChoose(page, '#search', 'hwasong 20');
    const panel = page.locator('#panel');
    await panel.waitFor({ state: 'visible' });
    await expect(panel.locator('h1').textContent()).resolves.toBe('Hwasong-20');
    expect(await hook(page, (h) => h.selectedNode)).toBe('hw20');
    const quote = await panel.locator('blockquote').first().textContent();
    expect(quote).toContain('Hwasong-20');
    const facts = await panel.locator('.claim .facts').first().textContent();
    // The article title holds markup-looking text: shown literally, with the article's date.
    expect(facts).toContain('Défilé à Pyongyang : un missile inédit <b>présenté</b>');
    expect(facts).toContain('2025-10-11');
    expect(await panel.locator('b').count()).toBe(0);
    await page.close();
  });

  it('suggests entities accent-insensitively and through aliases', async () => {
    const page = await openViewer(browser, `${viewer.url}?layout=off`);
    await page.fill('#search', 'coree du n');
    await expect(page.locator('#search-suggestions li').first().textContent()).resolves.toContain('Corée du Nord');
    await page.fill('#search', 'rpdc');
    await page.locator('#search-suggestions li').first().waitFor();
    await expect(page.locator('#search-suggestions li').first().textContent()).resolves.toContain('Corée du Nord');
    await page.press('#search', 'Enter');
    expect(await hook(page, (h) => h.selectedNode)).toBe('kp');
    // The panel groups relations by type, each with its claims; disagreeing numbers stay separate.
    const supplied = page.locator('#panel .relation[data-edge="kp|SUPPLIED_ARMS_TO|ru"] .claim');
    expect(await supplied.count()).toBe(2);
    await page.close();
  });

  it('hides nodes of an unticked entity type, and the edges touching them', async () => {
    const page = await openViewer(browser, `${viewer.url}?layout=off`);
    await page.locator('#type-filters label[data-value="WeaponSystem"] input').uncheck();
    expect(await hook(page, (h) => [h.visibleNodes, h.visibleEdges])).toEqual([10, 11]);
    await page.locator('#type-filters label[data-value="Country"] input').uncheck();
    const [nodes, edges] = await hook(page, (h) => [h.visibleNodes, h.visibleEdges] as number[]);
    expect(nodes).toBe(6);
    expect(edges).toBe(1); // only Kim Jong Un — Sergueï Choïgou is left
    await page.locator('#type-filters label[data-value="WeaponSystem"] input').check();
    await page.locator('#type-filters label[data-value="Country"] input').check();
    expect(await hook(page, (h) => h.visibleNodes)).toBe(12);
    await page.close();
  });

  it('the time slider shows the graph as it stood at a date; relation and degree filters apply', async () => {
    const page = await openViewer(browser, `${viewer.url}?layout=off`);
    await page.locator('#time-slider').fill('0'); // the earliest date: 2024-06
    await expect(page.locator('#time-label').textContent()).resolves.toContain('2024-06');
    const [nodes, edges] = await hook(page, (h) => [h.visibleNodes, h.visibleEdges] as number[]);
    expect(edges).toBeLessThan(13);
    expect(nodes).toBeLessThan(12);
    await page.locator('#time-slider').fill(await page.locator('#time-slider').getAttribute('max') as string);
    expect(await hook(page, (h) => h.visibleEdges)).toBe(13);
    await page.click('#relations-none');
    expect(await hook(page, (h) => h.visibleEdges)).toBe(0);
    await page.click('#relations-all');
    await page.locator('#min-degree').fill('3');
    expect(await hook(page, (h) => h.visibleNodes)).toBe(2);
    await page.close();
  });

  it('the path finder lights up the shortest path and lists each hop with its quote', async () => {
    const page = await openViewer(browser, `${viewer.url}?layout=off`);
    await searchAndChoose(page, '#path-from', 'kim jong');
    await searchAndChoose(page, '#path-to', 'hwasong');
    await page.click('#path-find');
    expect(await hook(page, (h) => h.pathNodes)).toEqual(['kim', 'kp', 'hw20']);
    const hops = page.locator('#panel .hop');
    expect(await hops.count()).toBe(2);
    await expect(hops.nth(0).locator('blockquote').textContent()).resolves.toContain('Kim Jong Un dirige');
    await expect(hops.nth(1).locator('blockquote').textContent()).resolves.toContain('Hwasong-20');
    await page.click('#path-clear');
    expect(await hook(page, (h) => h.pathNodes)).toEqual([]);
    await page.close();
  });

  it('shows a quote containing <img onerror> as text: no element, no script', async () => {
    const page = await openViewer(browser, `${viewer.url}?layout=off`);
    await searchAndChoose(page, '#search', 'KCNA');
    const quote = page.locator('#panel blockquote').first();
    await expect(quote.textContent()).resolves.toBe(XSS_QUOTE);
    expect(await page.locator('#panel img').count()).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
  });

  it('exports the view as a PNG with ink and the visible graph as GEXF', async () => {
    const page = await openViewer(browser, `${viewer.url}?layout=off`);
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    expect(png.suggestedFilename()).toBe('newsgraph.png');
    const pngBytes = readFileSync((await png.path())!);
    expect(await inkPixels(browser, pngBytes)).toBeGreaterThan(1000);
    await page.locator('#type-filters label[data-value="Person"] input').uncheck();
    const [gexf] = await Promise.all([page.waitForEvent('download'), page.click('#export-gexf')]);
    const xml = readFileSync((await gexf.path())!, 'utf8');
    expect(xml).toContain('<gexf');
    expect(xml).toContain('label="Hwasong-20"');
    expect(xml).not.toContain('label="Kim Jong Un"');
    await page.close();
  });

  it('opens a laid-out graph as stored, without running the layout', async () => {
    const laidOut = writeTestGraph(makeTestGraph({ positions: true }));
    const second = await startViewer({ graphFile: laidOut.file, port: 0 });
    try {
      const page = await openViewer(browser, second.url);
      expect(await hook(page, (h) => (h.layout as { running: boolean }).running)).toBe(false);
      await expect(page.locator('#layout-status').textContent()).resolves.toBe('stored layout');
      await page.close();
    } finally {
      await second.close();
      laidOut.cleanup();
    }
  });

  it('says plainly when the graph cannot be served', async () => {
    const broken = writeTestGraph();
    const second = await startViewer({ graphFile: broken.file, port: 0 });
    try {
      writeFileSync(broken.file, '{"truncated": ');
      const page = await browser.newPage();
      await page.goto(second.url);
      await page.waitForFunction(() => (window as unknown as { __newsgraph: { error: string | null } }).__newsgraph.error !== null);
      await expect(page.locator('#message').textContent()).resolves.toMatch(/cannot load the graph: .*not valid JSON/);
      await page.close();
    } finally {
      await second.close();
      broken.cleanup();
    }
  });
});
