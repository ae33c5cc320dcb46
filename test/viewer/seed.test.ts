/**
 * Pins the viewer on the real seed corpus: the graph built from
 * graph-data/articles opens, and searching "Hwasong-20" shows its panel with
 * a sentence of the corpus quoted. Skipped when Chromium is missing.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, Browser } from 'playwright-core';
import { buildCorpusGraph } from '../../src/pipeline';
import { startViewer, RunningViewer } from '../../src/viewer';
import { writeTestGraph } from './fixture';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const ARTICLES = path.join(__dirname, '..', '..', 'graph-data', 'articles');
const describeBrowser = existsSync(CHROMIUM) ? describe : describe.skip;

describeBrowser('viewer on the seed corpus', () => {
  let browser: Browser;
  let viewer: RunningViewer;
  let fixture: ReturnType<typeof writeTestGraph>;
  let quotes: Set<string>;

  beforeAll(async () => {
    const { graph } = buildCorpusGraph({ articlesDir: ARTICLES });
    quotes = new Set();
    graph.forEachEdge((_edge, attributes) => attributes.claims.forEach((claim) => quotes.add(claim.quote)));
    fixture = writeTestGraph(graph);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    viewer = await startViewer({ graphFile: fixture.file, port: 0 });
  });
  afterAll(async () => {
    await browser?.close();
    await viewer?.close();
    fixture?.cleanup();
  });

  it('search "Hwasong-20" shows its panel with a quote from the corpus', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    await page.goto(`${viewer.url}?layout=off`);
    await page.waitForFunction(() => (window as unknown as { __newsgraph?: { ready: boolean } }).__newsgraph?.ready === true);
    await page.fill('#search', 'Hwasong-20');
    await page.locator('#search-suggestions li').first().waitFor();
    await page.press('#search', 'Enter');
    await page.locator('#panel').waitFor({ state: 'visible' });
    await expect(page.locator('#panel h1').textContent()).resolves.toBe('Hwasong-20');
    const shown = await page.locator('#panel blockquote').allTextContents();
    const corpusQuotes = shown.filter((text) => quotes.has(text) && text.includes('Hwasong'));
    expect(corpusQuotes.length).toBeGreaterThan(0);
    await page.close();
  });
});
