/** Contract: scripts/lib/cli.ts parses options strictly, reports errors on one line with the documented exit codes, and aligns tables. */
import { GraphFileError } from '../../../src/graph';
import {
  captureIO,
  choiceOption,
  EXIT_INTERNAL,
  EXIT_OK,
  EXIT_USAGE,
  formatTable,
  InputError,
  intOption,
  listOption,
  parseArgs,
  runCli,
  UsageError,
  type CommandSpec,
} from '../../../scripts/lib/cli';

const SPEC = {
  name: 'demo',
  summary: 'A command for the test.',
  positionals: [
    { name: 'FROM', description: 'start' },
    { name: 'TO', description: 'end', optional: true },
  ],
  options: {
    graph: { type: 'string', value: 'FILE', description: 'graph file' },
    json: { type: 'boolean', description: 'JSON output' },
    type: { type: 'string', multiple: true, value: 'TYPES', description: 'types' },
    seed: { type: 'string', value: 'S', description: 'seed' },
  },
} as const satisfies CommandSpec;

describe('parseArgs', () => {
  it('reads --flag value, --flag=value, booleans, repeated flags and positionals in any order', () => {
    const { options, positionals } = parseArgs(SPEC, ['a', '--graph', 'g.json', '--type=Country', '--json', '--type', 'Person,Place', 'b']);
    expect(options).toEqual({ graph: 'g.json', json: true, type: ['Country', 'Person,Place'], seed: undefined });
    expect(positionals).toEqual(['a', 'b']);
  });

  it('gives defaults for absent options: false, [] and undefined', () => {
    expect(parseArgs(SPEC, ['a']).options).toEqual({ graph: undefined, json: false, type: [], seed: undefined });
  });

  it('accepts --no-flag and --flag=false for booleans, negative numbers as values, and -- before positionals', () => {
    expect(parseArgs(SPEC, ['a', '--no-json']).options.json).toBe(false);
    expect(() => parseArgs(SPEC, ['a', '--json=false', '--json'])).toThrow(/given more than once/);
    expect(parseArgs(SPEC, ['a', '--json=false']).options.json).toBe(false);
    expect(parseArgs(SPEC, ['a', '--seed', '-3']).options.seed).toBe('-3');
    expect(parseArgs(SPEC, ['--', '--graph', 'x']).positionals).toEqual(['--graph', 'x']);
  });

  it('rejects unknown options listing the known ones', () => {
    expect(() => parseArgs(SPEC, ['a', '--x'])).toThrow(new UsageError('unknown option --x (known: --graph, --json, --type, --seed, --help, --debug)'));
    expect(() => parseArgs(SPEC, ['a', '--x=1'])).toThrow(/unknown option --x \(/);
    expect(() => parseArgs(SPEC, ['a', '-q'])).toThrow(/unknown option -q/);
  });

  it('rejects a missing value, a repeated single option, bad boolean values and wrong positional counts', () => {
    expect(() => parseArgs(SPEC, ['a', '--graph'])).toThrow('option --graph needs a value (FILE)');
    expect(() => parseArgs(SPEC, ['a', '--graph', '--json'])).toThrow(/--graph needs a value/);
    expect(() => parseArgs(SPEC, ['a', '--graph', 'x', '--graph', 'y'])).toThrow(/--graph given more than once/);
    expect(() => parseArgs(SPEC, ['a', '--json=maybe'])).toThrow(/--json is a flag/);
    expect(() => parseArgs(SPEC, [])).toThrow(/missing FROM/);
    expect(() => parseArgs(SPEC, ['a', 'b', 'c'])).toThrow(/unexpected argument "c"/);
  });
});

describe('value helpers', () => {
  it('intOption checks integers and bounds, naming the flag', () => {
    expect(intOption('12', 'top', { min: 0 }, 5)).toBe(12);
    expect(intOption(undefined, 'top', { min: 0 }, 5)).toBe(5);
    expect(() => intOption('1.5', 'top', { min: 0 })).toThrow('--top must be an integer ≥ 0 (got "1.5")');
    expect(() => intOption('abc', 'k', { min: 1, max: 9 })).toThrow('--k must be an integer between 1 and 9 (got "abc")');
    expect(() => intOption('', 'k')).toThrow(UsageError);
  });

  it('listOption splits commas across repeated flags, trims and dedupes', () => {
    expect(listOption(['Country, Person', 'Place,Country', ''])).toEqual(['Country', 'Person', 'Place']);
    expect(listOption(undefined)).toEqual([]);
  });

  it('choiceOption is case-insensitive and lists the choices', () => {
    expect(choiceOption('GEXF', 'format', ['gexf', 'csv'], 'csv')).toBe('gexf');
    expect(() => choiceOption('pdf', 'format', ['gexf', 'csv'], 'csv')).toThrow('unknown format "pdf" (known: gexf, csv)');
  });
});

describe('runCli', () => {
  it('exits 0 on success and prints --help', async () => {
    const io = captureIO();
    expect(await runCli(SPEC, (argv, out) => void out.stdout(`ok ${argv.length}\n`), ['a'], io)).toBe(EXIT_OK);
    expect(io.out()).toBe('ok 1\n');
    const help = captureIO();
    expect(await runCli(SPEC, (argv) => void parseArgs(SPEC, argv), ['--help'], help)).toBe(EXIT_OK);
    expect(help.out()).toMatch(/^usage: npm run demo -- FROM \[TO\] \[options\]/);
    expect(help.out()).toMatch(/--type TYPES\s+types \(repeatable\)/);
  });

  it('exits 2 with one prefixed line for usage, input and graph file errors', async () => {
    for (const error of [new UsageError('bad flag'), new InputError('no such entity'), new GraphFileError('g.json', 'not valid JSON (Unexpected end\nof input)')]) {
      const io = captureIO();
      expect(await runCli(SPEC, () => Promise.reject(error), [], io)).toBe(EXIT_USAGE);
      expect(io.err().split('\n')).toHaveLength(2);
      expect(io.err()).toMatch(/^newsgraph demo: /);
      expect(io.err()).not.toMatch(/\bat \S+ \(/);
    }
  });

  it('treats any error carrying exitCode 2 as an input error, without doubling a "newsgraph x:" prefix', async () => {
    const io = captureIO();
    const error = Object.assign(new Error('newsgraph paths: unknown entity "x"'), { exitCode: 2 });
    expect(await runCli(SPEC, () => { throw error; }, [], io)).toBe(EXIT_USAGE);
    expect(io.err()).toBe('newsgraph paths: unknown entity "x"\n');
  });

  it('exits 1 on internal errors, stack only with --debug', async () => {
    const quiet = captureIO();
    expect(await runCli(SPEC, () => { throw new TypeError('boom'); }, [], quiet)).toBe(EXIT_INTERNAL);
    expect(quiet.err()).toBe('newsgraph demo: internal error: boom (run with --debug for the stack trace)\n');
    const debug = captureIO();
    expect(await runCli(SPEC, () => { throw new TypeError('boom'); }, ['--debug'], debug)).toBe(EXIT_INTERNAL);
    expect(debug.err()).toMatch(/TypeError: boom\n\s+at /);
  });
});

describe('formatTable', () => {
  it('aligns columns (accents count as one column), underlines the header, right-aligns on request', () => {
    const table = formatTable(
      [
        ['rank', 'entity', 'score'],
        ['1', 'Corée du Nord', '12'],
        ['10', 'Russie', '3'],
      ],
      { align: ['right', 'left', 'right'] },
    );
    const lines = table.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe('----  -------------  -----');
    expect(lines[2]).toBe('   1  Corée du Nord     12');
    expect(lines[3]).toBe('  10  Russie             3');
    expect(lines.every((line) => line === line.trimEnd())).toBe(true);
  });

  it('returns an empty string for no rows', () => {
    expect(formatTable([])).toBe('');
  });
});
