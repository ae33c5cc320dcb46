/** `npm run viewer -- [--graph FILE] [--port N] [--host H]`: serves the Sigma viewer for a graph until Ctrl-C. */
import { type CliIO, type CommandSpec, intOption, PROCESS_IO, runMain, parseArgs } from './lib/cli';
import { DEFAULT_HOST, DEFAULT_PORT, startViewer } from '../src/viewer';

const DEFAULT_GRAPH_FILE = 'graph-data/graph.json';

export const SPEC = {
  name: 'viewer',
  summary: 'Serve the force-directed graph viewer (Sigma + ForceAtlas2) for a graph file, on this machine only unless --host says otherwise.',
  options: {
    graph: { type: 'string', value: 'FILE', description: `graph file to show (default ${DEFAULT_GRAPH_FILE})` },
    port: { type: 'string', value: 'N', description: `port to listen on, 0 for any free one (default ${DEFAULT_PORT})` },
    host: { type: 'string', value: 'H', description: `interface to listen on (default ${DEFAULT_HOST})` },
  },
} satisfies CommandSpec;

export async function main(argv: string[], io: CliIO = PROCESS_IO): Promise<void> {
  const { options } = parseArgs(SPEC, argv);
  const port = intOption(options.port, 'port', { min: 0, max: 65535 }, DEFAULT_PORT);
  const viewer = await startViewer({ graphFile: options.graph ?? DEFAULT_GRAPH_FILE, port, host: options.host ?? DEFAULT_HOST });
  io.stdout(`newsgraph viewer: ${viewer.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void viewer.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

if (require.main === module) void runMain(SPEC, main);
