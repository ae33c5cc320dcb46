/**
 * The Neo4j engine: neo4j-driver 6 over Bolt. Connectivity is checked when
 * the engine is created, with short timeouts, so an unreachable server or
 * wrong credentials fail within seconds with a message that says which.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import type { CypherEngine, CypherValue, Params, Row } from './engine';
import { CypherInputError } from './engine';

export const NEO4J_ENGINE_NAME = 'neo4j';

/** How long to wait for a TCP/Bolt connection before giving up (ms). */
export const CONNECTION_TIMEOUT_MS = 5000;
/** How long a query may wait for a pooled connection (ms). */
export const ACQUISITION_TIMEOUT_MS = 10000;

export interface Neo4jOptions {
  /** `bolt://host:7687`, `neo4j://…`, `neo4j+s://…`. */
  uri: string;
  user: string;
  password: string;
  /** Database name; default: the server's default database. */
  database?: string;
  /** Connection timeout in ms. Default CONNECTION_TIMEOUT_MS. */
  connectionTimeoutMs?: number;
}

/** Connection options from the environment (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE), overridden by those given. */
export function neo4jOptionsFrom(
  given: { uri?: string; user?: string; password?: string; database?: string },
  env: NodeJS.ProcessEnv = process.env,
): Neo4jOptions | null {
  const uri = given.uri ?? env.NEO4J_URI;
  if (!uri) return null;
  return {
    uri,
    user: given.user ?? env.NEO4J_USER ?? 'neo4j',
    password: given.password ?? env.NEO4J_PASSWORD ?? '',
    database: given.database ?? (env.NEO4J_DATABASE || undefined),
  };
}

/** A Neo4j that cannot be reached or refuses the credentials: bad input (exit 2), not a bug. */
export class Neo4jConnectionError extends CypherInputError {
  constructor(message: string) {
    super(message);
    this.name = 'Neo4jConnectionError';
  }
}

function describeConnectionFailure(options: Neo4jOptions, error: unknown): string {
  const code = (error as { code?: string }).code ?? '';
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  if (/Unauthorized|AuthenticationRateLimit|Security/.test(code)) {
    return `Neo4j at ${options.uri} refused user "${options.user}": ${message}`;
  }
  if (/DatabaseNotFound/.test(code)) return `Neo4j at ${options.uri} has no database "${options.database}": ${message}`;
  return `cannot reach Neo4j at ${options.uri}: ${message}`;
}

/** Rejects with a ServiceUnavailable-coded error when `promise` has not settled within `ms`. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${ms} ms (is this a Neo4j Bolt port?)`), { code: 'ServiceUnavailable' })), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

async function checkDatabase(driver: Driver, database: string): Promise<void> {
  const session = driver.session({ database });
  try {
    await session.run('RETURN 1');
  } finally {
    await session.close().catch(() => undefined);
  }
}

/**
 * Integer-valued numbers go to Neo4j as integers (the driver would send
 * floats: `LIMIT $n` would refuse 10.0). A list of numbers is all integers or
 * all floats, never mixed, since Neo4j stores only homogeneous lists.
 */
export function toNeo4jParam(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) {
    if (value.length && value.every((v) => typeof v === 'number')) {
      return (value as number[]).every(Number.isSafeInteger) ? value.map((v) => neo4j.int(v)) : value;
    }
    return value.map(toNeo4jParam);
  }
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toNeo4jParam(v)]));
  }
  return value;
}

function properties(props: Record<string, unknown>): Record<string, CypherValue> {
  return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, fromNeo4jValue(v)]));
}

/** Converts a driver value to a plain CypherValue (see engine.ts for the shapes). */
export function fromNeo4jValue(value: unknown): CypherValue {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(fromNeo4jValue);
  if (neo4j.isNode(value)) return { _labels: [...value.labels].sort(), ...properties(value.properties) };
  if (neo4j.isRelationship(value)) return { _type: value.type, ...properties(value.properties) };
  if (neo4j.isPath(value)) {
    const nodes = [value.start, ...value.segments.map((s) => s.end)];
    return { nodes: nodes.map(fromNeo4jValue), relationships: value.segments.map((s) => fromNeo4jValue(s.relationship)) };
  }
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value) ||
    neo4j.isPoint(value)
  ) {
    return String(value);
  }
  if (typeof value === 'object') return properties(value as Record<string, unknown>);
  return String(value);
}

class Neo4jEngine implements CypherEngine {
  readonly name = NEO4J_ENGINE_NAME;
  private closed = false;

  constructor(
    private readonly driver: Driver,
    private readonly options: Neo4jOptions,
  ) {}

  async run(query: string, params: Params = {}): Promise<Row[]> {
    if (this.closed) throw new Error('neo4j engine: run after close');
    const session = this.driver.session({ database: this.options.database });
    try {
      // An auto-commit transaction: one statement, one transaction.
      const result = await session.run(query, toNeo4jParam(params) as Record<string, unknown>);
      return result.records.map((record) => {
        const row: Row = {};
        for (const key of record.keys) row[String(key)] = fromNeo4jValue(record.get(key));
        return row;
      });
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (/ServiceUnavailable|SessionExpired|Security|DatabaseNotFound/.test(code)) throw new Neo4jConnectionError(describeConnectionFailure(this.options, error));
      throw error;
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.driver.close();
  }
}

/**
 * Connects to Neo4j and checks the connection and credentials. Throws
 * Neo4jConnectionError (exit code 2) naming the URI when the server cannot be
 * reached within the timeout or refuses the credentials.
 */
export async function createNeo4jEngine(options: Neo4jOptions): Promise<CypherEngine> {
  const timeout = options.connectionTimeoutMs ?? CONNECTION_TIMEOUT_MS;
  let driver: Driver;
  try {
    driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      connectionTimeout: timeout,
      connectionAcquisitionTimeout: Math.max(timeout, ACQUISITION_TIMEOUT_MS),
      maxTransactionRetryTime: timeout,
      disableLosslessIntegers: false,
    });
  } catch (error) {
    throw new Neo4jConnectionError(`bad Neo4j URI "${options.uri}": ${(error as Error).message}`);
  }
  try {
    // The driver's own timeouts do not cover a server that accepts the connection and never answers the handshake.
    const authenticated = await withTimeout(driver.verifyAuthentication({ database: options.database }), timeout);
    if (!authenticated) throw Object.assign(new Error('authentication failed'), { code: 'Neo.ClientError.Security.Unauthorized' });
    // Credentials are checked without touching a database: a missing one would only fail at the first query.
    if (options.database) await withTimeout(checkDatabase(driver, options.database), timeout);
  } catch (error) {
    await driver.close().catch(() => undefined);
    throw new Neo4jConnectionError(describeConnectionFailure(options, error));
  }
  return new Neo4jEngine(driver, options);
}
