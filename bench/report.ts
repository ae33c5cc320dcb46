/**
 * The benchmark report as tables: one per measure (median of the runs, min
 * and max, the peers beside ours with the ratio), the memory per step, and
 * the goals of issue 8 with whether each is met.
 */
import type { Runs } from './measure';
import type { PeerResult } from './peers';
import { GOALS, summaryJson, type BenchReport, type PeerComparison } from './run';

/** A titled table: the first row is the header. */
export interface ReportTable {
  title: string;
  rows: string[][];
  /** Lines printed under the table. */
  notes: string[];
}

const sec = (s: number) => (s >= 100 ? s.toFixed(0) : s >= 10 ? s.toFixed(1) : s >= 1 ? s.toFixed(2) : s.toFixed(3));
const num = (x: number, digits = 2) => x.toLocaleString('en-US', { maximumFractionDigits: digits });
const ratio = (x: number | undefined) => (x === undefined ? '–' : `${x >= 10 ? x.toFixed(0) : x.toFixed(2)}×`);
const range = (r: Runs) => `${sec(r.min)}–${sec(r.max)}`;
const yes = (met: boolean | null) => (met === null ? 'n/a' : met ? 'yes' : 'NO');

function peerCells(comparison: PeerComparison, lib: 'networkx' | 'igraph'): string[] {
  const peer = comparison.peers[lib];
  if (!peer) return ['–', '–'];
  if ('error' in peer) return [`failed: ${peer.error.slice(0, 40)}`, '–'];
  return [`${sec((peer as PeerResult).runs.median)} (${range((peer as PeerResult).runs)})`, ratio(comparison.ratio[lib])];
}

export function reportTables(report: BenchReport): ReportTable[] {
  const tables: ReportTable[] = [];
  const m = report.machine;
  tables.push({
    title: 'Machine',
    rows: [['cores', 'CPU', 'memory', 'node', 'load average at start'], [String(m.cores), m.cpuModel, `${m.memoryGiB} GiB`, m.node, m.loadAverage ?? '–']],
    notes: [`mode: ${report.config.quick ? 'quick' : 'full'}, seed ${report.config.seed}`],
  });
  if (report.scaling) {
    const s = report.scaling;
    tables.push({
      title: 'Extraction, one core, end to end (read → graph), no cache',
      rows: [
        ['size', 'articles', 'MB', 'median s', 'min–max s', 'MB/s'],
        ...s.points.map((p) => [`${p.factor}×`, String(p.articles), p.mb.toFixed(3), sec(p.seconds), `${sec(p.min)}–${sec(p.max)}`, p.mbPerSec.toFixed(3)]),
      ],
      notes: [
        `1× = the seed corpus (${num(s.seedBytes, 0)} bytes); generated articles recombine seed sentences and gazetteer names.`,
        `linearity: seconds = ${sec(s.linearity.fixedSeconds)} + ${sec(s.linearity.secondsPerMb)} × MB, R² = ${s.linearity.r2.toFixed(4)}; throughput largest/2nd-smallest size = ${s.linearity.throughputRatio.toFixed(2)}`,
        `fixed costs of a fresh process (not in the figures): start with ts-node and module loading ${sec(s.fixed.processStartSeconds)} s, first corpus load ${sec(s.fixed.firstCorpusLoadSeconds)} s, extractor build ${sec(s.fixed.extractorBuildSeconds)} s`,
      ],
    });
  }
  if (report.workers) {
    const w = report.workers;
    tables.push({
      title: 'Extraction with worker threads (same corpus, pool start-up included)',
      rows: [
        ['threads', 'articles', 'MB', '1 thread s', `${w.workers} threads s`, 'speed-up', 'MB/s', 'pool start s', 'speed-up after start', 'same graph'],
        [String(w.workers), String(w.articles), w.mb.toFixed(3), `${sec(w.single.median)} (${range(w.single)})`, `${sec(w.parallel.median)} (${range(w.parallel)})`, ratio(w.speedup), w.mbPerSec.toFixed(3), sec(w.poolStartSeconds), ratio(w.speedupAfterPoolStart), w.identicalGraph ? 'yes' : 'NO'],
      ],
      notes: [
        'speed-up after start: 1 thread s / (threads s − pool start s), the speed-up a build long enough to hide the pool start-up (each worker loads ts-node and the knowledge base) tends to.',
        `in this process the main thread is warm from the one-thread runs, the workers start cold; CPU s per wall s of the one-thread builds: first (cold) ${w.singleCpuPerWall.first.toFixed(2)}, median ${w.singleCpuPerWall.median.toFixed(2)} (above 1: V8's compiler and GC threads at work on the other cores)`,
        ...(w.freshProcess
          ? [`fresh process per build (as npm run build-graph; cold JIT on every thread): 1 thread ${sec(w.freshProcess.single.median)} s (${range(w.freshProcess.single)}), ${w.workers} threads ${sec(w.freshProcess.parallel.median)} s (${range(w.freshProcess.parallel)}), speed-up ${ratio(w.freshProcess.speedup)}; one-thread CPU s per wall s ${w.freshProcess.singleCpuPerWall.toFixed(2)}`]
          : []),
      ],
    });
  }
  if (report.incremental) {
    const i = report.incremental;
    tables.push({
      title: 'Incremental rebuild of graph.json (buildGraphFile, as npm run build-graph)',
      rows: [
        ['articles', 'MB', 'graph.json MB', 'prime s', 'add one: median s (min–max)', 'change one s', 'remove one s', 'unchanged s', 'same as full build'],
        [
          String(i.articles),
          i.mb.toFixed(1),
          i.graphFileMb.toFixed(1),
          sec(i.primeSeconds),
          `${sec(i.addOne.median)} (${range(i.addOne)})`,
          `${sec(i.changeOne.median)} (${range(i.changeOne)})`,
          `${sec(i.removeOne.median)} (${range(i.removeOne)})`,
          `${sec(i.unchanged.median)} (${range(i.unchanged)})`,
          i.identicalToFull === null ? '–' : i.identicalToFull ? 'yes, to the byte' : 'NO',
        ],
      ],
      notes: [
        `last add-one rebuild: index + list + stat ${sec(i.breakdown.read)} s, extract ${sec(i.breakdown.extract)} s, patch (last graph.json read meanwhile) ${sec(i.breakdown.graph)} s, write graph.json (index encoded meanwhile) ${sec(i.breakdown.write)} s, index + cache write ${sec(i.breakdown.cacheWrite)} s (${i.cacheHits} articles reused)`,
        `rebuilds by mode: ${Object.entries(i.modes)
          .map(([mode, n]) => `${mode} ${n}`)
          .join(', ')}`,
      ],
    });
  }
  const centrality: string[][] = [['algorithm', 'graph', 'ours s (min–max)', 'NetworkX s (min–max)', 'NetworkX/ours', 'igraph s (min–max)', 'igraph/ours']];
  const notes: string[] = [];
  if (report.pagerank) {
    const p = report.pagerank;
    centrality.push(['PageRank', `${num(p.nodes, 0)} n / ${num(p.edges, 0)} e`, `${sec(p.pagerank.median)} (${range(p.pagerank)})`, ...peerCells(p.comparison, 'networkx'), ...peerCells(p.comparison, 'igraph')]);
    if (p.sampledBetweenness) centrality.push([`betweenness, sampled (${p.sampledBetweenness.samples} sources)`, `${num(p.nodes, 0)} n / ${num(p.edges, 0)} e`, sec(p.sampledBetweenness.seconds), '–', '–', '–', '–']);
    notes.push(`large graph: graphology build ${sec(p.buildSeconds)} s, simple projection ${sec(p.projectSeconds)} s (not timed on either side; the peers' graph load is not timed either)`);
    notes.push(`PageRank as compared (and as the goal reads it): each side's call builds its transition matrix from its graph object (ours: compressed adjacency from graphology; NetworkX 2.8: to_scipy_sparse_array, rows divided by their sums) and iterates`);
    const nx = p.comparison.peers.networkx;
    const halves = nx && 'runs' in nx && nx.matrixRuns && nx.iterationRuns ? { matrix: nx.matrixRuns.median, iteration: nx.iterationRuns.median } : undefined;
    notes.push(
      `PageRank halves (medians): ours matrix build ${sec(p.adjacencyBuild.median)} s + iteration ${sec(p.iteration.median)} s` +
        (halves
          ? `; NetworkX matrix build ${sec(halves.matrix)} s + iteration ${sec(halves.iteration)} s; NetworkX/ours: matrix build ${ratio(halves.matrix / p.adjacencyBuild.median)}, iteration alone ${ratio(halves.iteration / p.iteration.median)}`
          : ''),
    );
  }
  if (report.betweenness) {
    const b = report.betweenness;
    centrality.push(['betweenness, exact', `${num(b.nodes, 0)} n / ${num(b.edges, 0)} e`, `${sec(b.betweenness.median)} (${range(b.betweenness)})`, ...peerCells(b.comparison, 'networkx'), ...peerCells(b.comparison, 'igraph')]);
  }
  if (centrality.length > 1) tables.push({ title: 'Centrality, same edge list, same run', rows: centrality, notes: [...notes, ...(report.peersSetup.available ? [] : [`peers unavailable: ${report.peersSetup.reason}`])] });
  if (report.cypher) {
    const c = report.cypher;
    tables.push({
      title: 'Embedded Cypher engine load (createEmbeddedEngine, @grafeo-db/js)',
      rows: [
        ['loader', 'entities', 'relations', 'rows', 'median s', 'min–max s', 'rows/s'],
        ['create (default)', num(c.nodes, 0), num(c.edges, 0), num(c.rows, 0), sec(c.load.median), range(c.load), num(c.rowsPerSec, 0)],
        [`MERGE statements (${c.batches} batches)`, num(c.nodes, 0), num(c.edges, 0), num(c.rows, 0), sec(c.statementsLoad.median), range(c.statementsLoad), num(c.statementsRowsPerSec, 0)],
      ],
      notes: ['a row = one row of the load plan (an entity, an article, an entity–article MENTIONED_IN pair or a relation), one node or relationship; the mapping is timed'],
    });
  }
  if (report.viewer) {
    const v = report.viewer;
    tables.push(
      'firstFrameMs' in v
        ? {
            title: 'Viewer in headless Chromium (?bench=1)',
            rows: [
              ['nodes', 'edges', 'first frame ms (median)', 'min–max ms', 'FA2 iterations/s'],
              [num(v.nodes, 0), num(v.edges, 0), num(v.firstFrameMs.median, 0), `${num(v.firstFrameMs.min, 0)}–${num(v.firstFrameMs.max, 0)}`, num(v.layoutIterationsPerSecond.median, 1)],
            ],
            notes: [],
          }
        : { title: 'Viewer', rows: [['unavailable'], [v.unavailable]], notes: [] },
    );
  }
  tables.push({
    title: 'Peak RSS per step (each in its own process)',
    rows: [['step', 'peak RSS MiB'], ...Object.entries(report.memory).map(([step, mib]) => [step, num(mib, 0)])],
    notes: [],
  });
  const json = summaryJson(report) as {
    extraction: { mbPerSec: number | null };
    incremental: { seconds: number | null };
    centrality: { vsNetworkx: number | null; vsIgraph: number | null };
    cypher: { rowsPerSec: number | null; statementsRowsPerSec?: number | null };
    viewer: { firstFrameMs: number | null };
    memory: { largeGraphFits4GB: boolean | null };
  };
  const goal = (name: string, target: string, value: number | null, met: (v: number) => boolean, show: (v: number) => string) => [
    name,
    target,
    value === null ? '–' : show(value),
    yes(value === null ? null : met(value)),
  ];
  tables.push({
    title: 'Goals (issue 8)',
    rows: [
      ['measure', 'goal', 'measured', 'met'],
      goal('extraction, one core', `≥ ${GOALS.extractionMbPerSec} MB/s`, json.extraction.mbPerSec, (v) => v >= GOALS.extractionMbPerSec, (v) => `${v.toFixed(3)} MB/s`),
      goal('workers speed-up', `near ${report.workers?.workers ?? '?'}×`, report.workers?.speedup ?? null, (v) => v >= 0.75 * (report.workers?.workers ?? 1), (v) => `${v.toFixed(2)}×`),
      goal('incremental rebuild, one article added', `< ${GOALS.incrementalSeconds} s`, json.incremental.seconds, (v) => v < GOALS.incrementalSeconds, (v) => `${sec(v)} s (${report.incremental?.articles} articles)`),
      goal('centrality vs NetworkX (smallest ratio)', `≥ ${GOALS.vsNetworkx}×`, json.centrality.vsNetworkx, (v) => v >= GOALS.vsNetworkx, (v) => ratio(v)),
      goal('centrality vs igraph (smallest ratio)', '≥ 0.33×', json.centrality.vsIgraph, (v) => v >= GOALS.vsIgraph, (v) => ratio(v)),
      goal('Cypher load', `≥ ${num(GOALS.cypherRowsPerSec, 0)} rows/s`, json.cypher.rowsPerSec, (v) => v >= GOALS.cypherRowsPerSec, (v) => `${num(v, 0)} rows/s`),
      goal('viewer first frame', `< ${GOALS.viewerFirstFrameMs} ms`, json.viewer.firstFrameMs, (v) => v < GOALS.viewerFirstFrameMs, (v) => `${num(v, 0)} ms`),
      goal('large graph run memory', '< 4 GiB', report.memory.pagerank ?? null, (v) => v < GOALS.largeRunRssMiB, (v) => `${num(v, 0)} MiB`),
    ],
    notes: Object.entries(report.failures).map(([step, why]) => `step ${step} failed: ${why}`),
  });
  return tables;
}
