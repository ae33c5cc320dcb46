/**
 * Contract: the Neo4j export and `query --neo4j` fail within seconds with a
 * message naming the server and the problem (unreachable, not Bolt, silent,
 * wrong password, missing database, gone mid-export), exit non-zero; every
 * batch committed before a failure is reported and the rest are not; a re-run
 * converges with no duplicates; values travel as query parameters, never
 * spliced into Cypher text.
 *
 * No Neo4j server runs here, so the servers are fakes on 127.0.0.1: a TCP
 * server that closes or never answers, and a minimal Bolt 5.1 responder that
 * speaks just enough of the protocol (handshake, HELLO, LOGON, RUN, PULL) to
 * refuse credentials, lack a database, or go away after a few statements.
 */
import net from 'node:net';
import path from 'node:path';
import * as neo4jExportCommand from '../../scripts/neo4j-export';
import * as queryCommand from '../../scripts/query';
import type { CypherEngine, Neo4jOptions, Params, Row } from '../../src/cypher';
import { buildLoadPlan, countGraph, createEmptyEmbeddedEngine, createNeo4jEngine, graphToRows, Neo4jConnectionError } from '../../src/cypher';
import { loadGraph, saveGraph } from '../../src/graph';
import { run, STACK_LINE, tmpDir, writeTestGraph } from './helpers';

/** When set, the commands get this engine instead of a real Neo4j connection. */
let mockEngine: ((options: Neo4jOptions) => Promise<CypherEngine>) | undefined;
jest.mock('../../src/cypher', () => {
  const actual = jest.requireActual('../../src/cypher');
  return { ...actual, createNeo4jEngine: (options: Neo4jOptions) => (mockEngine ?? actual.createNeo4jEngine)(options) };
});

const QUERY = path.resolve(__dirname, '..', '..', 'queries', 'most-connected.cypher');
/** Short timeout for the tests; the commands use CONNECTION_TIMEOUT_MS (5 s). */
const TIMEOUT_MS = 1500;
/** A failure must come well within the timeout plus the driver's cleanup, never at the 10 s acquisition timeout. */
const FAILS_WITHIN_MS = TIMEOUT_MS * 3;

// ---------------------------------------------------------------- fake servers

interface FakeServer {
  uri: string;
  /** Bolt messages received, by signature name, in order. */
  received: string[];
  close(): Promise<void>;
}

async function listen(onConnection: (socket: net.Socket) => void): Promise<{ server: net.Server; uri: string; sockets: Set<net.Socket> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, uri: `bolt://127.0.0.1:${(server.address() as net.AddressInfo).port}`, sockets };
}

async function tcpServer(behaviour: 'close' | 'silent'): Promise<FakeServer> {
  const { server, uri, sockets } = await listen((socket) => behaviour === 'close' && socket.destroy());
  return { uri, received: [], close: () => closeServer(server, sockets) };
}

function closeServer(server: net.Server, sockets: Set<net.Socket>): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** PackStream: just the shapes the responder sends (short maps of strings, an empty list). */
const pack = {
  string(text: string): Buffer {
    const bytes = Buffer.from(text, 'utf8');
    return Buffer.concat([bytes.length < 16 ? Buffer.from([0x80 + bytes.length]) : Buffer.from([0xd0, bytes.length]), bytes]);
  },
  map(entries: [string, string | 'EMPTY_LIST'][]): Buffer {
    return Buffer.concat([Buffer.from([0xa0 + entries.length]), ...entries.flatMap(([k, v]) => [pack.string(k), v === 'EMPTY_LIST' ? Buffer.from([0x90]) : pack.string(v)])]);
  },
  message(signature: number, fields: Buffer): Buffer {
    const body = Buffer.concat([Buffer.from([0xb1, signature]), fields]);
    const head = Buffer.alloc(2);
    head.writeUInt16BE(body.length);
    return Buffer.concat([head, body, Buffer.from([0, 0])]);
  },
};
const SIGNATURES: Record<number, string> = { 0x01: 'HELLO', 0x02: 'GOODBYE', 0x0f: 'RESET', 0x10: 'RUN', 0x11: 'BEGIN', 0x12: 'COMMIT', 0x13: 'ROLLBACK', 0x3f: 'PULL', 0x54: 'TELEMETRY', 0x6a: 'LOGON', 0x6b: 'LOGOFF' };
const SUCCESS = 0x70;
const FAILURE = 0x7f;
/** Bolt 5.1: the first version with LOGON, which verifyAuthentication needs. */
const BOLT_5_1 = Buffer.from([0x00, 0x00, 0x01, 0x05]);

/** What the responder does with one message: answer SUCCESS or FAILURE (code, message), or drop the connection. */
type Reply = { success: [string, string | 'EMPTY_LIST'][] } | { failure: [code: string, message: string] } | 'hang-up';

/** A Bolt 5.1 responder; `reply` decides the answer to each message (count is over all connections). */
async function boltServer(reply: (message: string, count: number) => Reply): Promise<FakeServer> {
  const received: string[] = [];
  let count = 0;
  const { server, uri, sockets } = await listen((socket) => {
    let buffer = Buffer.alloc(0);
    let handshaken = false;
    socket.on('data', (data) => {
      buffer = Buffer.concat([buffer, data]);
      if (!handshaken) {
        if (buffer.length < 20) return;
        buffer = buffer.subarray(20);
        handshaken = true;
        socket.write(BOLT_5_1);
      }
      // Messages are chunked: [u16 size][bytes]… ended by a zero-size chunk.
      for (;;) {
        let offset = 0;
        const parts: Buffer[] = [];
        let complete = false;
        while (offset + 2 <= buffer.length) {
          const size = buffer.readUInt16BE(offset);
          if (size === 0) {
            offset += 2;
            complete = true;
            break;
          }
          if (offset + 2 + size > buffer.length) break;
          parts.push(buffer.subarray(offset + 2, offset + 2 + size));
          offset += 2 + size;
        }
        if (!complete) return;
        buffer = buffer.subarray(offset);
        const body = Buffer.concat(parts);
        const name = SIGNATURES[body[1]] ?? `0x${body[1].toString(16)}`;
        received.push(name);
        if (name === 'GOODBYE') return;
        const answer = reply(name, ++count);
        if (answer === 'hang-up') {
          socket.destroy();
          return;
        }
        socket.write(
          'success' in answer
            ? pack.message(SUCCESS, pack.map(answer.success))
            : pack.message(FAILURE, pack.map([['code', answer.failure[0]], ['message', answer.failure[1]]])),
        );
      }
    });
  });
  return { uri, received, close: () => closeServer(server, sockets) };
}

/** The usual answers of a healthy server. */
function healthy(message: string): Reply {
  if (message === 'HELLO') return { success: [['server', 'Neo4j/5.20.0'], ['connection_id', 'bolt-1']] };
  if (message === 'RUN') return { success: [['fields', 'EMPTY_LIST']] };
  return { success: [] };
}

async function connectionError(options: Partial<Neo4jOptions> & { uri: string }): Promise<{ error: unknown; ms: number }> {
  const started = Date.now();
  try {
    const engine = await createNeo4jEngine({ user: 'neo4j', password: 'secret', connectionTimeoutMs: TIMEOUT_MS, ...options });
    await engine.close();
    return { error: undefined, ms: Date.now() - started };
  } catch (error) {
    return { error, ms: Date.now() - started };
  }
}

// ---------------------------------------------------------------- tests

describe('connection failures: a clear message within seconds, exit 2', () => {
  test('nothing listening (bolt://127.0.0.1:1)', async () => {
    const { error, ms } = await connectionError({ uri: 'bolt://127.0.0.1:1' });
    expect(error).toBeInstanceOf(Neo4jConnectionError);
    expect((error as Error).message).toMatch(/^cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1: .*ECONNREFUSED/);
    expect(ms).toBeLessThan(FAILS_WITHIN_MS);
  });

  test('a server that accepts the connection and closes it', async () => {
    const server = await tcpServer('close');
    const { error, ms } = await connectionError({ uri: server.uri });
    await server.close();
    expect(error).toBeInstanceOf(Neo4jConnectionError);
    expect((error as Error).message).toMatch(new RegExp(`^cannot reach Neo4j at ${server.uri}: .*closed`));
    expect(ms).toBeLessThan(FAILS_WITHIN_MS);
  });

  test('a server that accepts the connection and never answers: the connection timeout applies', async () => {
    const server = await tcpServer('silent');
    const { error, ms } = await connectionError({ uri: server.uri });
    await server.close();
    expect(error).toBeInstanceOf(Neo4jConnectionError);
    expect((error as Error).message).toBe(`cannot reach Neo4j at ${server.uri}: no answer within ${TIMEOUT_MS} ms (is this a Neo4j Bolt port?)`);
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(ms).toBeLessThan(FAILS_WITHIN_MS);
  });

  test('a wrong password names the user', async () => {
    const server = await boltServer((message) =>
      message === 'LOGON' ? { failure: ['Neo.ClientError.Security.Unauthorized', 'The client is unauthorized due to authentication failure.'] } : healthy(message),
    );
    const { error, ms } = await connectionError({ uri: server.uri, user: 'analyste' });
    await server.close();
    expect(error).toBeInstanceOf(Neo4jConnectionError);
    expect((error as Error).message).toMatch(new RegExp(`^Neo4j at ${server.uri} refused user "analyste": `));
    expect((error as { exitCode: number }).exitCode).toBe(2);
    expect(ms).toBeLessThan(FAILS_WITHIN_MS);
  });

  test('a missing database is named when connecting, not at the first batch', async () => {
    const server = await boltServer((message) =>
      message === 'RUN' ? { failure: ['Neo.ClientError.Database.DatabaseNotFound', "Database does not exist. Database name: 'presse'."] } : healthy(message),
    );
    const { error } = await connectionError({ uri: server.uri, database: 'presse' });
    await server.close();
    expect(error).toBeInstanceOf(Neo4jConnectionError);
    expect((error as Error).message).toMatch(new RegExp(`^Neo4j at ${server.uri} has no database "presse": Database does not exist`));
  });

  test.each([
    ['neo4j:export', (uri: string, graph: string) => [neo4jExportCommand, ['--graph', graph, '--uri', uri, '--password', 'x']] as const],
    ['query --neo4j', (uri: string) => [queryCommand, [QUERY, '--neo4j', '--uri', uri, '--password', 'x']] as const],
  ])('%s against an unreachable server: one line, exit 2', async (_name, argv) => {
    const { file } = writeTestGraph(tmpDir('neo4j-cli'));
    const [command, args] = argv('bolt://127.0.0.1:1', file);
    const result = await run(command as never, [...args]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^newsgraph (neo4j:export|query): cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1: /);
    expect(result.err).not.toMatch(STACK_LINE);
  });
});

describe('a server going away mid-export (real driver, fake Bolt server)', () => {
  test('the committed batches are reported, the failed one named, exit 1', async () => {
    const dir = tmpDir('neo4j-away');
    const { file } = writeTestGraph(dir);
    const plan = buildLoadPlan(graphToRows(loadGraph(file)), 2);
    // Statements before the hang-up: the constraints, then three batches.
    const survive = plan.constraints.length + 3;
    let runs = 0;
    let gone = false;
    const server = await boltServer((message) => {
      if (gone) return 'hang-up';
      if (message === 'RUN' && ++runs > survive) {
        gone = true;
        return 'hang-up';
      }
      return healthy(message);
    });
    const result = await run(neo4jExportCommand, ['--graph', file, '--uri', server.uri, '--password', 'x', '--batch-size', '2']);
    await server.close();
    expect(result.code).toBe(1);
    const committed = result.err.match(/^batch \d+\/\d+ committed: .*$/gm) ?? [];
    expect(committed).toEqual([1, 2, 3].map((n) => expect.stringMatching(new RegExp(`^batch ${n}/${plan.batches.length} committed: `))));
    expect(result.err).toMatch(new RegExp(`newsgraph neo4j:export: load failed at batch 4/${plan.batches.length} \\(.*\\): .*; 3 of ${plan.batches.length} batches committed \\(re-running converges\\)`));
    expect(result.out).toBe('');
  });
});

describe('batch bookkeeping and re-runs (an engine that fails on batch k)', () => {
  afterEach(() => {
    mockEngine = undefined;
  });

  /** An embedded engine standing in for Neo4j, failing the `failAt`-th batch statement once, recording every statement. */
  function flakyEngine(inner: CypherEngine, failAt: number | null, log: { query: string; params?: Params }[]): CypherEngine {
    let batches = 0;
    let failed = false;
    return {
      name: 'neo4j',
      run: (query: string, params?: Params): Promise<Row[]> => {
        log.push({ query, params });
        if (params && 'rows' in params && failAt !== null && !failed && ++batches === failAt) {
          failed = true;
          return Promise.reject(new Error('Neo4j went away (connection reset)'));
        }
        return inner.run(query, params);
      },
      close: async () => undefined, // the same database serves the re-run
    };
  }

  test('batches before k are committed and reported, batch k and later are not; a re-run converges with no duplicates', async () => {
    const { file } = writeTestGraph(tmpDir('neo4j-batches'));
    const plan = buildLoadPlan(graphToRows(loadGraph(file)), 3);
    const failAt = 3;
    const database = createEmptyEmbeddedEngine();
    const log: { query: string; params?: Params }[] = [];
    mockEngine = async () => flakyEngine(database, failAt, log);

    const first = await run(neo4jExportCommand, ['--graph', file, '--uri', 'bolt://fake:7687', '--batch-size', '3']);
    expect(first.code).toBe(1);
    expect(first.err.match(/^batch \d+\/\d+ committed/gm)).toEqual([`batch 1/${plan.batches.length} committed`, `batch 2/${plan.batches.length} committed`]);
    expect(first.err).toMatch(new RegExp(`load failed at batch ${failAt}/${plan.batches.length} .*Neo4j went away.*; ${failAt - 1} of ${plan.batches.length} batches committed`));
    // Nothing after the failed batch was sent.
    expect(log.filter((entry) => entry.params && 'rows' in entry.params)).toHaveLength(failAt);

    // The server is back: the same command again.
    mockEngine = async () => flakyEngine(database, null, log);
    const second = await run(neo4jExportCommand, ['--graph', file, '--uri', 'bolt://fake:7687', '--batch-size', '3']);
    expect(second.code).toBe(0);
    expect(second.err.match(/^batch \d+\/\d+ committed/gm)).toHaveLength(plan.batches.length);
    expect(await countGraph(database)).toEqual(plan.expected);
    // A third run changes nothing: MERGE on unique keys.
    expect((await run(neo4jExportCommand, ['--graph', file, '--uri', 'bolt://fake:7687', '--batch-size', '3'])).code).toBe(0);
    expect(await countGraph(database)).toEqual(plan.expected);
    await database.close();
  });

  test('labels with quotes, braces and backslashes travel as parameters, never in the Cypher text', async () => {
    const dir = tmpDir('neo4j-params');
    const { file } = writeTestGraph(dir);
    const graph = loadGraph(file);
    const tricky = `Kim "Jong" {Un}'s \\ \`x\` }) DETACH DELETE n //`;
    const quote = `Il a dit : "{rows: 1}" ' ) MATCH (m) DETACH DELETE m //`;
    const node = graph.nodes()[0];
    graph.setNodeAttribute(node, 'label', tricky);
    const edge = graph.edges()[0];
    graph.updateEdgeAttribute(edge, 'claims', (claims) => claims!.map((claim, i) => (i === 0 ? { ...claim, quote } : claim)));
    const trickyFile = path.join(dir, 'tricky.json');
    saveGraph(graph, trickyFile);

    const database = createEmptyEmbeddedEngine();
    const log: { query: string; params?: Params }[] = [];
    mockEngine = async () => flakyEngine(database, null, log);
    const result = await run(neo4jExportCommand, ['--graph', trickyFile, '--uri', 'bolt://fake:7687']);
    expect(result.code).toBe(0);
    for (const { query } of log) {
      expect(query).not.toContain('Jong');
      expect(query).not.toContain('{Un}');
      expect(query).not.toContain('Il a dit');
    }
    expect(JSON.stringify(log.map((entry) => entry.params))).toContain(JSON.stringify(tricky).slice(1, -1));
    const rows = await database.run('MATCH (e:Entity {label: $label}) RETURN e.label AS label', { label: tricky });
    expect(rows).toEqual([{ label: tricky }]);
    await database.close();
  });
});
