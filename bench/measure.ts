/**
 * Timing and process helpers of the benchmark: repeated runs summarised as
 * median / min / max, and heavy steps run in a child process so each step's
 * peak RSS is its own.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * A full garbage collection, for between timed runs: what one run leaves
 * (e.g. a closed engine's 70 000 native wrappers and their finalizers) is
 * otherwise collected during the next run, which a single run in a fresh
 * process, as a user's command makes it, never pays for.
 */
export function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

/** Several runs of one measure, in seconds (or any unit). */
export interface Runs {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function summarise(values: readonly number[]): Runs {
  if (values.length === 0) throw new Error('bench summarise: no runs');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
}

/** Seconds taken by `fn`. */
export async function seconds(fn: () => unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return (performance.now() - t0) / 1000;
}

/** Wall and CPU seconds (every thread of this process) taken by `fn`. */
export interface CpuTimed {
  seconds: number;
  cpuSeconds: number;
}

export async function cpuTimed(fn: () => unknown): Promise<CpuTimed> {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - t0) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

/** Runs `fn` `runs` times (after `setup` each time, untimed) and summarises the seconds. */
export async function timeRuns(runs: number, fn: (run: number) => unknown, setup?: (run: number) => unknown): Promise<Runs> {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    await setup?.(r);
    times.push(await seconds(() => fn(r)));
  }
  return summarise(times);
}

/**
 * Peak resident set size of this process so far, in MiB. On Linux this is
 * VmHWM of /proc/self/status: getrusage's maxRSS survives exec, so a child
 * would report its parent's peak when that is higher.
 */
export function peakRssMiB(): number {
  try {
    const hwm = /VmHWM:\s*(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    /* not Linux */
  }
  return process.resourceUsage().maxRSS / 1024;
}

/** What a step run in a child process gives back. */
export interface ChildResult<T> {
  result: T;
  /** Peak RSS of the child, MiB. */
  peakRssMiB: number;
}

const CHILD = path.join(__dirname, 'child.ts');
/** Marks the child's result line among whatever else it prints. */
export const RESULT_MARK = '@@bench-result ';

/**
 * Runs the step `name` of bench/steps.ts in a fresh Node process (under
 * ts-node) and returns its result and peak RSS. Throws with the child's
 * stderr when it fails.
 */
export function runInChild<T>(name: string, params: unknown, options: { maxOldSpaceMiB?: number; timeoutMs?: number } = {}): ChildResult<T> {
  const execArgv = ['-r', 'ts-node/register'];
  if (options.maxOldSpaceMiB) execArgv.push(`--max-old-space-size=${options.maxOldSpaceMiB}`);
  const run = spawnSync(process.execPath, [...execArgv, CHILD, name, JSON.stringify(params)], {
    cwd: path.resolve(__dirname, '..'),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: options.timeoutMs,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const line = run.stdout?.split('\n').find((l) => l.startsWith(RESULT_MARK));
  if (run.status !== 0 || !line) {
    const why = run.error ? run.error.message : `exit ${run.status ?? run.signal}`;
    throw new Error(`bench step ${name} failed (${why}): ${(run.stderr ?? '').trim().split('\n').slice(-8).join('\n')}`);
  }
  return JSON.parse(line.slice(RESULT_MARK.length)) as ChildResult<T>;
}
