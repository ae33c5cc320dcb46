/**
 * Viewer: a synthetic graph of graph.json's shape served by src/viewer's
 * startViewer, opened in Debian's headless Chromium with `?bench=1`. The page
 * reports sigma's first frame (ms since navigation start) and, while
 * ForceAtlas2 runs, its iterations per second (see src/viewer/index.ts).
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { saveGraph } from '../src/graph';
import { startViewer } from '../src/viewer';
import { summarise, type Runs } from './measure';
import { syntheticNewsGraph } from './newsgraph';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
/** How long the layout runs before its rate is read. */
const LAYOUT_WINDOW_MS = 5000;
/** Longest wait for the first frame before the run counts as failed. */
const FIRST_FRAME_TIMEOUT_MS = 60_000;

export interface ViewerParams {
  nodes: number;
  edges: number;
  seed: number | string;
  runs: number;
  workDir: string;
}

export interface ViewerResult {
  nodes: number;
  edges: number;
  firstFrameMs: Runs;
  layoutIterationsPerSecond: Runs;
}

interface Hook {
  __newsgraph?: { firstFrameMs: number | null; layout: { iterations: number; iterationsPerSecond: number | null } };
}

export async function measureViewer(params: ViewerParams): Promise<ViewerResult | { unavailable: string }> {
  if (!existsSync(CHROMIUM)) return { unavailable: `${CHROMIUM} missing (apt-get install -y chromium)` };
  mkdirSync(params.workDir, { recursive: true });
  const file = path.join(params.workDir, `viewer-${params.nodes}-${params.edges}.json`);
  saveGraph(syntheticNewsGraph({ nodes: params.nodes, edges: params.edges, seed: params.seed }), file);
  const viewer = await startViewer({ graphFile: file, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const frames: number[] = [];
  const rates: number[] = [];
  try {
    for (let run = 0; run < params.runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${viewer.url}?bench=1`);
      await page.waitForFunction(() => (window as unknown as Hook).__newsgraph?.firstFrameMs != null, undefined, { timeout: FIRST_FRAME_TIMEOUT_MS });
      frames.push(await page.evaluate(() => (window as unknown as Hook).__newsgraph!.firstFrameMs!));
      await page.waitForTimeout(LAYOUT_WINDOW_MS);
      const rate = await page.evaluate(() => (window as unknown as Hook).__newsgraph!.layout.iterationsPerSecond);
      if (rate !== null) rates.push(rate);
      await context.close();
    }
  } finally {
    await browser.close();
    await viewer.close();
  }
  return { nodes: params.nodes, edges: params.edges, firstFrameMs: summarise(frames), layoutIterationsPerSecond: summarise(rates.length ? rates : [0]) };
}
