/**
 * The engine interface the query runner and the exporter speak, and the plain
 * values both engines return, so a query prints the same whatever ran it.
 */

/**
 * A value in a result row: JSON-like. Nodes come back as
 * `{ _labels: [...], ...properties }`, relationships as
 * `{ _type: 'TYPE', ...properties }`, paths as `{ nodes: [...], relationships: [...] }`;
 * integers as numbers (as decimal strings past 2^53).
 */
export type CypherValue = null | boolean | number | string | CypherValue[] | { [key: string]: CypherValue };

/** One result row, keyed by column name in RETURN order. */
export type Row = Record<string, CypherValue>;

/** Query parameters: JSON-like values. */
export type Params = Record<string, unknown>;

export interface CypherEngine {
  /** `embedded` or `neo4j`, for messages. */
  readonly name: string;
  /**
   * Runs one statement with parameters in its own transaction and returns
   * its rows. Parameters travel separately from the text; nothing is spliced in.
   */
  run(query: string, params?: Params): Promise<Row[]>;
  /** Releases the engine; later runs fail. Closing twice is fine. */
  close(): Promise<void>;
}

/** An error carrying exit code 2 (bad input, not a bug), the convention scripts/lib/cli.ts reads. */
export class CypherInputError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'CypherInputError';
  }
}

/** Converts an integer too large for a JS number to a decimal string, else to a number. */
export function fromBigInt(value: bigint): number | string {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
}
