/**
 * The error analysis functions throw when their input is unusable (unknown
 * metric, unknown entity, bad option). It carries `exitCode: 2`, which the
 * command-line wrapper (scripts/lib/cli.ts) reads as "input error" without
 * src/ importing from scripts/.
 */
export class AnalysisInputError extends Error {
  readonly exitCode = 2;
  /**
   * @param who the function or command that refused, e.g. `newsgraph centrality`
   * @param problem what was refused, e.g. `unknown metric "foo" (known: degree, …)`
   */
  constructor(
    readonly who: string,
    readonly problem: string,
  ) {
    super(`${who}: ${problem}`);
    this.name = 'AnalysisInputError';
  }
}

/** Checks that `graph` looks like a graphology instance before an algorithm touches it. */
export function assertGraph(who: string, graph: unknown): void {
  const candidate = graph as { order?: unknown; forEachNode?: unknown } | null;
  if (!candidate || typeof candidate.order !== 'number' || typeof candidate.forEachNode !== 'function') {
    throw new AnalysisInputError(who, 'the given graph is not a valid graphology instance');
  }
}
