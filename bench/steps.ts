/**
 * The benchmark's steps by name, each `(params) → result` (plain JSON), so
 * scripts/bench.ts can run each in its own process (bench/child.ts) and read
 * its peak RSS, and tests can call them in-process at tiny sizes.
 */
import { measureBetweenness, measurePagerank } from './centrality';
import { measureCypherLoad } from './cypher';
import { buildOnce, measureIncremental, measureScaling, measureWorkers, primeIncremental } from './extraction';
import { measureViewer } from './viewer';

export const STEPS = {
  scaling: measureScaling,
  workers: measureWorkers,
  incremental: measureIncremental,
  pagerank: measurePagerank,
  betweenness: measureBetweenness,
  cypher: measureCypherLoad,
  viewer: measureViewer,
} as const;

/** Parts of steps that run in a process of their own (bench/child.ts), not steps one can name with --only. */
export const HELPERS = {
  'incremental-prime': primeIncremental,
  'workers-build-once': buildOnce,
} as const;

export type StepName = keyof typeof STEPS;
export type StepParams<K extends StepName> = Parameters<(typeof STEPS)[K]>[0];
export type StepResult<K extends StepName> = Awaited<ReturnType<(typeof STEPS)[K]>>;
