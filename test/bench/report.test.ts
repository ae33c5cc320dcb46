// Contract: every measure of the benchmark runs in-process at tiny sizes, and the --json summary carries the keys issue 8 asks for, with values taken from the measures.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeEdgeList, randomEdgeList } from '../../bench/graphs';
import { runPeer, PYTHON } from '../../bench/peers';
import { reportTables } from '../../bench/report';
import { benchConfig, runBenchmark, summaryJson, type BenchConfig, type BenchReport } from '../../bench/run';

const TINY: BenchConfig = {
  quick: true,
  seed: 3,
  scaling: { factors: [1, 2], runs: 1 },
  workers: { factor: 1, runs: 1, workers: 2, freshProcessRuns: 1 },
  incremental: { articles: 6, runs: 2 },
  pagerank: { nodes: 300, edges: 1200, runs: 2, samples: 20 },
  betweenness: { nodes: 80, edges: 300, runs: 2 },
  peers: { runs: { networkx: 1, igraph: 1 }, betweennessRuns: { networkx: 1, igraph: 1 }, timeoutMs: 60_000 },
  cypher: { nodes: 60, edges: 150, runs: 1 },
  viewer: { nodes: 50, edges: 100, runs: 1 },
};

describe('benchmark at tiny sizes, in-process', () => {
  let report: BenchReport;
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-test-'));
  beforeAll(async () => {
    const steps = ['scaling', 'workers', 'incremental', 'pagerank', 'betweenness', 'cypher'] as const;
    report = await runBenchmark(TINY, { inProcess: true, skipPeers: true, only: [...steps], workDir });
  }, 300_000);
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  test('every step ran, and the summary has the required keys, from the measures', () => {
    expect(report.failures).toEqual({});
    const json = JSON.parse(JSON.stringify(summaryJson(report)));
    const points = report.scaling!.points;
    expect(json.extraction.mbPerSec).toBeCloseTo(points[points.length - 1].mbPerSec, 10);
    expect(json.extraction.scaling).toEqual(points.map((p) => ({ mb: p.mb, seconds: p.seconds })));
    expect(json.extraction.scaling[1].mb).toBeGreaterThan(json.extraction.scaling[0].mb);
    expect(json.incremental.seconds).toBe(report.incremental!.addOne.median);
    expect(json.incremental.articles).toBe(6);
    expect(json).toHaveProperty('centrality.vsNetworkx', null); // peers skipped
    expect(json).toHaveProperty('centrality.vsIgraph', null);
    expect(json.cypher.rowsPerSec).toBeGreaterThan(0);
    expect(json).toHaveProperty('viewer.firstFrameMs', null); // not run here
    expect(Object.keys(json.memory.peakRssMiB)).toEqual(expect.arrayContaining(['scaling', 'pagerank', 'cypher']));
  });

  test('the measures measure what they say', () => {
    expect(report.workers!.identicalGraph).toBe(true);
    // Without the pool's start-up the parallel build is shorter, so the speed-up after start is the larger one.
    expect(report.workers!.speedupAfterPoolStart).toBeGreaterThan(report.workers!.speedup);
    // The fresh-process builds ran, one of each, and their ratio is the one reported.
    const fresh = report.workers!.freshProcess!;
    expect([fresh.single.runs, fresh.parallel.runs]).toEqual([1, 1]);
    expect(fresh.speedup).toBeCloseTo(fresh.single.median / fresh.parallel.median, 10);
    expect(fresh.singleCpuPerWall).toBeGreaterThan(0);
    expect(report.workers!.singleCpuPerWall.first).toBeGreaterThan(0);
    expect(report.incremental!.cacheHits).toBe(6 + 1); // the corpus plus the article added before the last run
    expect(report.incremental!.identicalToFull).toBe(true);
    expect(report.incremental!.modes).toEqual({ unchanged: 2, incremental: 6 }); // every edit patched, none rebuilt in full
    expect(report.cypher!.rows).toBeGreaterThan(150);
    expect(report.cypher!.statementsLoad.runs).toBe(1); // the MERGE statements timed beside the default loader
    expect(report.betweenness!.betweenness.runs).toBe(2);
  });

  test('the tables name every measure and the goals', () => {
    const titles = reportTables(report).map((t) => t.title);
    expect(titles).toEqual(expect.arrayContaining([expect.stringMatching(/^Extraction, one core/), expect.stringMatching(/^Centrality/), 'Goals (issue 8)']));
    const goals = reportTables(report).find((t) => t.title === 'Goals (issue 8)')!;
    expect(goals.rows.find((r) => r[0] === 'Cypher load')![3]).toMatch(/^(yes|NO)$/);
  });

  test('a failing step is recorded and the others still run', async () => {
    const broken = await runBenchmark({ ...TINY, betweenness: { nodes: 3, edges: 10, runs: 1 } }, { inProcess: true, skipPeers: true, only: ['betweenness', 'cypher'] });
    expect(broken.failures.betweenness).toMatch(/cannot draw 10 distinct edges over 3 nodes/);
    expect(broken.cypher).toBeDefined();
    expect(summaryJson(broken)).toHaveProperty('centrality.vsIgraph', null);
  }, 60_000);
});

test('quick and full configurations keep the sizes issue 8 names', () => {
  const full = benchConfig(false, 1, 4);
  expect(full.pagerank).toMatchObject({ nodes: 100_000, edges: 1_000_000 });
  expect(full.betweenness).toMatchObject({ nodes: 5_000, edges: 50_000 });
  expect(full.incremental.articles).toBe(10_000);
  expect(full.scaling.factors).toEqual([1, 2, 4, 8, 16, 32, 64]);
  expect(full.viewer).toMatchObject({ nodes: 10_000, edges: 50_000 });
  const quick = benchConfig(true, 1, 4);
  expect(quick.pagerank.edges).toBeLessThan(full.pagerank.edges);
  expect(quick.workers.workers).toBe(4);
});

(existsSync(PYTHON) ? test : test.skip)('peers run on the written edge list, or say why not', () => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'newsgraph-peers-')), 'edges.txt');
  writeEdgeList(file, randomEdgeList(30, 90, 1));
  for (const lib of ['networkx', 'igraph'] as const) {
    const result = runPeer(lib, 'pagerank', file, 2, 60_000);
    if ('error' in result) expect(result.error.length).toBeGreaterThan(0);
    else expect(result.runs.runs).toBe(2);
  }
  writeFileSync(file, 'not an edge list\n');
  expect(runPeer('networkx', 'pagerank', file, 1, 60_000)).toHaveProperty('error');
});
