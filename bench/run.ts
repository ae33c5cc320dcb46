/**
 * The benchmark: which steps run at which sizes (full or quick), running
 * them (each in its own process by default), and turning the results into
 * the report — tables and the one-line JSON summary.
 */
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { peakRssMiB, runInChild, type ChildResult, type Runs } from './measure';
import { runPeer, setupPeers, type PeerAvailability, type PeerLibrary, type PeerResult } from './peers';
import { STEPS, type StepName, type StepParams, type StepResult } from './steps';

/** Sizes and repetitions of one benchmark run. */
export interface BenchConfig {
  quick: boolean;
  seed: number | string;
  scaling: { factors: number[]; runs: number };
  workers: { factor: number; runs: number; workers: number; freshProcessRuns: number };
  incremental: { articles: number; runs: number };
  pagerank: { nodes: number; edges: number; runs: number; samples: number };
  betweenness: { nodes: number; edges: number; runs: number };
  peers: { runs: { networkx: number; igraph: number }; betweennessRuns: { networkx: number; igraph: number }; timeoutMs: number };
  cypher: { nodes: number; edges: number; runs: number };
  viewer: { nodes: number; edges: number; runs: number };
}

export function benchConfig(quick: boolean, seed: number | string, cores = availableParallelism()): BenchConfig {
  return quick
    ? {
        quick,
        seed,
        scaling: { factors: [1, 4, 16], runs: 3 },
        workers: { factor: 16, runs: 1, workers: cores, freshProcessRuns: 1 },
        incremental: { articles: 500, runs: 3 },
        pagerank: { nodes: 20_000, edges: 200_000, runs: 3, samples: 100 },
        betweenness: { nodes: 1_000, edges: 10_000, runs: 3 },
        peers: { runs: { networkx: 1, igraph: 3 }, betweennessRuns: { networkx: 1, igraph: 3 }, timeoutMs: 120_000 },
        cypher: { nodes: 2_000, edges: 10_000, runs: 2 },
        viewer: { nodes: 10_000, edges: 50_000, runs: 1 },
      }
    : {
        quick,
        seed,
        scaling: { factors: [1, 2, 4, 8, 16, 32, 64], runs: 3 },
        workers: { factor: 256, runs: 3, workers: cores, freshProcessRuns: 3 },
        incremental: { articles: 10_000, runs: 7 },
        pagerank: { nodes: 100_000, edges: 1_000_000, runs: 5, samples: 500 },
        betweenness: { nodes: 5_000, edges: 50_000, runs: 3 },
        peers: { runs: { networkx: 3, igraph: 5 }, betweennessRuns: { networkx: 1, igraph: 3 }, timeoutMs: 1_800_000 },
        cypher: { nodes: 10_000, edges: 50_000, runs: 5 },
        viewer: { nodes: 10_000, edges: 50_000, runs: 3 },
      };
}

/** The goals of issue 8, checked against the report. */
export const GOALS = {
  extractionMbPerSec: 2,
  incrementalSeconds: 1,
  vsNetworkx: 10,
  vsIgraph: 1 / 3,
  cypherRowsPerSec: 50_000,
  viewerFirstFrameMs: 3000,
  largeRunRssMiB: 4096,
} as const;

export interface PeerComparison {
  ours: Runs;
  peers: Partial<Record<PeerLibrary, PeerResult | { lib: PeerLibrary; error: string }>>;
  /** Peer median / our median, per peer that ran. */
  ratio: Partial<Record<PeerLibrary, number>>;
}

export interface BenchReport {
  config: BenchConfig;
  machine: { cores: number; cpuModel: string; memoryGiB: number; node: string; loadAverage?: string };
  peersSetup: PeerAvailability;
  scaling?: StepResult<'scaling'>;
  workers?: StepResult<'workers'>;
  incremental?: StepResult<'incremental'>;
  pagerank?: StepResult<'pagerank'> & { comparison: PeerComparison };
  betweenness?: StepResult<'betweenness'> & { comparison: PeerComparison };
  cypher?: StepResult<'cypher'>;
  viewer?: StepResult<'viewer'>;
  /** Peak RSS of each step's process, MiB (ours), and of each peer process. */
  memory: Record<string, number>;
  /** Steps that failed, with the reason. */
  failures: Record<string, string>;
  totalSeconds: number;
}

export interface RunOptions {
  /** Run the steps in this process (tests); peak RSS is then this process's. Default false. */
  inProcess?: boolean;
  /** Skip the peers (tests). Default false. */
  skipPeers?: boolean;
  /** Steps to run. Default: all. */
  only?: StepName[];
  /** Progress lines (stderr in the CLI). */
  log?: (line: string) => void;
  /** Scratch folder (removed at the end when created here). */
  workDir?: string;
}

function machine(): BenchReport['machine'] {
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    cpuModel = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpuModel;
  } catch {
    /* not Linux */
  }
  let loadAverage: string | undefined;
  try {
    loadAverage = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    /* not Linux */
  }
  return { cores: availableParallelism(), cpuModel, memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10, node: process.version, loadAverage };
}

function compare(ours: Runs, peers: PeerComparison['peers']): PeerComparison {
  const ratio: PeerComparison['ratio'] = {};
  for (const [lib, peer] of Object.entries(peers) as [PeerLibrary, PeerResult | { error: string }][]) {
    if ('runs' in peer) ratio[lib] = peer.runs.median / ours.median;
  }
  return { ours, peers, ratio };
}

/** Runs the benchmark; a failing step is recorded in `failures` and the others still run. */
export async function runBenchmark(config: BenchConfig, options: RunOptions = {}): Promise<BenchReport> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const ownWorkDir = !options.workDir;
  const workDir = options.workDir ?? mkdtempSync(path.join(tmpdir(), 'newsgraph-bench-'));
  const wanted = (step: StepName) => !options.only || options.only.includes(step);
  const report: BenchReport = {
    config,
    machine: machine(),
    peersSetup: options.skipPeers ? { available: false, reason: 'skipped', installed: [] } : setupPeers(),
    memory: {},
    failures: {},
    totalSeconds: 0,
  };
  if (!report.peersSetup.available) log(`peers unavailable: ${report.peersSetup.reason}`);

  const run = async <K extends StepName>(name: K, params: StepParams<K>): Promise<StepResult<K> | undefined> => {
    if (!wanted(name)) return undefined;
    log(`running ${name} …`);
    try {
      let out: ChildResult<StepResult<K>>;
      if (options.inProcess) {
        const result = (await (STEPS[name] as (p: StepParams<K>) => Promise<StepResult<K>>)(params)) as StepResult<K>;
        out = { result, peakRssMiB: peakRssMiB() };
      } else out = runInChild<StepResult<K>>(name, params);
      report.memory[name] = out.peakRssMiB;
      return out.result;
    } catch (error) {
      // The first line says what failed; a child's stack trace follows it.
      report.failures[name] = (error as Error).message.split('\n')[0];
      log(`${name} failed: ${(error as Error).message}`);
      return undefined;
    }
  };
  const peer = (lib: PeerLibrary, algo: 'pagerank' | 'betweenness', file: string, runs: number) => {
    log(`running ${lib} ${algo} …`);
    const result = runPeer(lib, algo, file, runs, config.peers.timeoutMs);
    if ('peakRssMiB' in result) report.memory[`${lib} ${algo}`] = result.peakRssMiB;
    else log(`${lib} ${algo} failed: ${result.error}`);
    return result;
  };

  try {
    const seed = config.seed;
    report.scaling = await run('scaling', { seed, factors: config.scaling.factors, runs: config.scaling.runs, workDir });
    report.workers = await run('workers', { seed, ...config.workers, workDir });
    report.incremental = await run('incremental', { seed, ...config.incremental, workers: config.workers.workers, workDir, primeInChild: !options.inProcess });
    if (report.incremental?.primePeakRssMiB) report.memory['incremental prime (full build)'] = report.incremental.primePeakRssMiB;

    const prFile = path.join(workDir, 'pagerank-edges.txt');
    const pr = await run('pagerank', { seed, ...config.pagerank, edgeFile: prFile });
    if (pr) {
      const peers: PeerComparison['peers'] = {};
      if (report.peersSetup.available) for (const lib of ['networkx', 'igraph'] as const) peers[lib] = peer(lib, 'pagerank', prFile, config.peers.runs[lib]);
      report.pagerank = { ...pr, comparison: compare(pr.pagerank, peers) };
    }
    const bcFile = path.join(workDir, 'betweenness-edges.txt');
    const bc = await run('betweenness', { seed, ...config.betweenness, edgeFile: bcFile });
    if (bc) {
      const peers: PeerComparison['peers'] = {};
      if (report.peersSetup.available) for (const lib of ['networkx', 'igraph'] as const) peers[lib] = peer(lib, 'betweenness', bcFile, config.peers.betweennessRuns[lib]);
      report.betweenness = { ...bc, comparison: compare(bc.betweenness, peers) };
    }
    report.cypher = await run('cypher', { seed, ...config.cypher });
    report.viewer = await run('viewer', { seed, ...config.viewer, workDir });
  } finally {
    if (ownWorkDir) rmSync(workDir, { recursive: true, force: true });
  }
  report.totalSeconds = (Date.now() - started) / 1000;
  return report;
}

/** The smallest peer/ours ratio over the compared algorithms, or null when that peer never ran. */
function smallestRatio(report: BenchReport, lib: PeerLibrary): number | null {
  const ratios = [report.pagerank?.comparison.ratio[lib], report.betweenness?.comparison.ratio[lib]].filter((r): r is number => typeof r === 'number');
  return ratios.length ? Math.min(...ratios) : null;
}

/** The one-line JSON summary (`--json` prints it last). */
export function summaryJson(report: BenchReport): Record<string, unknown> {
  const points = report.scaling?.points ?? [];
  const largest = points[points.length - 1];
  const viewer = report.viewer && 'firstFrameMs' in report.viewer ? report.viewer : undefined;
  return {
    quick: report.config.quick,
    seed: report.config.seed,
    machine: report.machine,
    extraction: {
      mbPerSec: largest ? largest.mbPerSec : null,
      scaling: points.map((p) => ({ mb: p.mb, seconds: p.seconds })),
      linearity: report.scaling?.linearity ?? null,
      fixedSeconds: report.scaling?.fixed ?? null,
      workers: report.workers ? { workers: report.workers.workers, speedup: report.workers.speedup, speedupAfterPoolStart: report.workers.speedupAfterPoolStart, mbPerSec: report.workers.mbPerSec, freshProcessSpeedup: report.workers.freshProcess?.speedup ?? null, singleCpuPerWall: report.workers.singleCpuPerWall } : null,
    },
    incremental: {
      seconds: report.incremental ? report.incremental.addOne.median : null,
      articles: report.incremental?.articles ?? null,
      unchangedSeconds: report.incremental?.unchanged.median ?? null,
      changeOneSeconds: report.incremental?.changeOne.median ?? null,
      removeOneSeconds: report.incremental?.removeOne.median ?? null,
      identicalToFull: report.incremental?.identicalToFull ?? null,
    },
    centrality: {
      vsNetworkx: smallestRatio(report, 'networkx'),
      vsIgraph: smallestRatio(report, 'igraph'),
      pagerank: report.pagerank ? { seconds: report.pagerank.pagerank.median, ratio: report.pagerank.comparison.ratio } : null,
      betweenness: report.betweenness ? { seconds: report.betweenness.betweenness.median, ratio: report.betweenness.comparison.ratio } : null,
      sampledBetweennessSeconds: report.pagerank?.sampledBetweenness?.seconds ?? null,
    },
    cypher: { rowsPerSec: report.cypher?.rowsPerSec ?? null, statementsRowsPerSec: report.cypher?.statementsRowsPerSec ?? null },
    viewer: { firstFrameMs: viewer ? viewer.firstFrameMs.median : null, layoutIterationsPerSecond: viewer ? viewer.layoutIterationsPerSecond.median : null },
    memory: { peakRssMiB: report.memory, largeGraphFits4GB: report.memory.pagerank !== undefined ? report.memory.pagerank < GOALS.largeRunRssMiB : null },
    failures: report.failures,
    totalSeconds: report.totalSeconds,
  };
}

