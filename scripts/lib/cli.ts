/**
 * Shared command-line plumbing for the scripts in scripts/: argument parsing,
 * value checks, error reporting, exit codes and aligned tables.
 *
 * Exit codes of every `newsgraph <command>`:
 *
 *   0  success, including answers that find nothing (no path between two entities)
 *   1  internal error: a bug or an unexpected failure. One line on stderr;
 *      the stack only with --debug.
 *   2  usage or input error: unknown option, bad option value, missing or
 *      invalid graph file, unknown or ambiguous entity name. One line on stderr.
 *
 * An error counts as a usage/input error (exit 2) when it is a UsageError, an
 * InputError, a GraphFileError from src/graph, or any error carrying
 * `exitCode: 2` — the convention src/ modules use so that they never import
 * from scripts/.
 *
 * A script is written as
 *
 *   export const SPEC = { name: 'centrality', … } satisfies CommandSpec;
 *   export async function main(argv: string[], io: CliIO = PROCESS_IO) { … }
 *   if (require.main === module) void runMain(SPEC, main);
 *
 * so tests can call `runCli(SPEC, main, argv, io)` in-process and read the
 * exit code and output, and the command line gets the same behaviour.
 */
import { GraphFileError } from '../../src/graph';

/** Graph file read when --graph is not given (npm runs scripts from the project root). */
export const DEFAULT_GRAPH_FILE = 'graph-data/graph.json';

/** The --graph option, shared by every command that reads the graph. */
export const GRAPH_OPTION = { type: 'string', value: 'FILE', description: `graph file (default ${DEFAULT_GRAPH_FILE})` } as const satisfies OptionSpec;
/** The --json option: machine-readable output instead of the table. */
export const JSON_OPTION = { type: 'boolean', description: 'print JSON instead of a table' } as const satisfies OptionSpec;

/** Prints a value as indented JSON followed by a newline. */
export function printJson(io: CliIO, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_USAGE = 2;

/** The command line is wrong: unknown option, missing value, bad number. */
export class UsageError extends Error {
  readonly exitCode = EXIT_USAGE;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The command line is well formed but its input is not usable (unknown entity, empty selection). */
export class InputError extends Error {
  readonly exitCode = EXIT_USAGE;
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** Thrown by parseArgs on --help / -h; runCli prints the usage and exits 0. */
class HelpRequested extends Error {
  constructor(readonly usage: string) {
    super('help requested');
  }
}

/** One option of a command. Option names are the flag without dashes (`max-hops`). */
export interface OptionSpec {
  /** `boolean` flags take no value (`--json`, `--json=false`, `--no-json`); `string` flags take one. */
  readonly type: 'string' | 'boolean';
  /** May be repeated; values are collected in order (`--type Country --type Person`). */
  readonly multiple?: boolean;
  /** Placeholder shown in --help (`FILE`, `N`). */
  readonly value?: string;
  /** One line for --help. */
  readonly description: string;
}

/** One positional argument. */
export interface PositionalSpec {
  /** Shown in usage and in "missing FROM" errors. */
  readonly name: string;
  readonly description: string;
  /** Default false: the argument must be given. */
  readonly optional?: boolean;
}

/** What a command accepts; also the source of its --help text. */
export interface CommandSpec {
  /** The command name as in `npm run <name>`; prefixes every error line. */
  readonly name: string;
  /** One line saying what the command does. */
  readonly summary: string;
  readonly positionals?: readonly PositionalSpec[];
  readonly options: Readonly<Record<string, OptionSpec>>;
}

type OptionValue<O extends OptionSpec> = O['type'] extends 'boolean'
  ? boolean
  : O['multiple'] extends true
    ? string[]
    : string | undefined;

/** Parsed command line: booleans default to false, repeated options to [], others to undefined. */
export interface ParsedArgs<S extends CommandSpec> {
  options: { [K in keyof S['options']]: OptionValue<S['options'][K]> };
  positionals: string[];
}

/** Flags every command understands without declaring them. */
const GLOBAL_FLAGS = { help: '--help, -h', debug: '--debug' } as const;

/** A value that looks like a negative number is a value, not a flag (`--seed -3`). */
const NEGATIVE_NUMBER = /^-\d/;

function knownFlags(spec: CommandSpec): string {
  return [...Object.keys(spec.options).map((name) => `--${name}`), '--help', '--debug'].join(', ');
}

/**
 * Parses `argv` (without node and script) against `spec`: `--flag value`,
 * `--flag=value`, boolean flags (`--json`, `--no-json`, `--json=false`),
 * repeated flags for `multiple` options, positionals, and `--` to end options.
 * Throws UsageError for unknown options, missing values, a non-repeatable
 * option given twice, and too many or too few positionals.
 */
export function parseArgs<S extends CommandSpec>(spec: S, argv: readonly string[]): ParsedArgs<S> {
  const options: Record<string, unknown> = {};
  for (const [name, option] of Object.entries(spec.options)) {
    options[name] = option.type === 'boolean' ? false : option.multiple ? [] : undefined;
  }
  const given = new Set<string>();
  const positionals: string[] = [];
  let onlyPositionals = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPositionals || arg === '-' || !arg.startsWith('-') || NEGATIVE_NUMBER.test(arg)) {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    if (arg === '-h' || arg === '--help') throw new HelpRequested(formatUsage(spec));
    if (arg === '--debug') continue; // read by runCli

    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') ? arg.slice(2, eq === -1 ? undefined : eq) : arg.slice(1);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    let name = flag;
    let option = arg.startsWith('--') ? spec.options[name] : undefined;
    let negated = false;
    if (!option && name.startsWith('no-') && spec.options[name.slice(3)]?.type === 'boolean' && inline === undefined) {
      name = name.slice(3);
      option = spec.options[name];
      negated = true;
    }
    if (!option) throw new UsageError(`unknown option ${arg.startsWith('--') ? `--${flag}` : arg} (known: ${knownFlags(spec)})`);

    if (given.has(name) && !option.multiple) throw new UsageError(`option --${name} given more than once`);
    given.add(name);

    if (option.type === 'boolean') {
      if (inline === undefined) options[name] = !negated;
      else if (/^(true|1|yes)$/i.test(inline)) options[name] = true;
      else if (/^(false|0|no)$/i.test(inline)) options[name] = false;
      else throw new UsageError(`option --${name} is a flag: use --${name} or --${name}=false (got "${inline}")`);
      continue;
    }

    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-' && !NEGATIVE_NUMBER.test(next))) {
        throw new UsageError(`option --${name} needs a value${option.value ? ` (${option.value})` : ''}`);
      }
      value = next;
      i++;
    }
    if (option.multiple) (options[name] as string[]).push(value);
    else options[name] = value;
  }

  const declared = spec.positionals ?? [];
  if (positionals.length > declared.length) {
    const extra = positionals[declared.length];
    throw new UsageError(
      declared.length === 0 ? `unexpected argument "${extra}" (this command takes only options)` : `unexpected argument "${extra}" (expected ${declared.map((p) => p.name).join(' ')})`,
    );
  }
  const missing = declared.slice(positionals.length).filter((p) => !p.optional);
  if (missing.length) throw new UsageError(`missing ${missing.map((p) => p.name).join(' and ')} (usage: ${usageLine(spec)})`);

  return { options: options as ParsedArgs<S>['options'], positionals };
}

function usageLine(spec: CommandSpec): string {
  const positionals = (spec.positionals ?? []).map((p) => (p.optional ? `[${p.name}]` : p.name));
  return ['npm run', spec.name, '--', ...positionals, '[options]'].join(' ');
}

/** The --help text: usage line, summary, positionals and options with their descriptions. */
export function formatUsage(spec: CommandSpec): string {
  const rows: string[][] = [];
  for (const p of spec.positionals ?? []) rows.push([`  ${p.name}`, p.description]);
  for (const [name, option] of Object.entries(spec.options)) {
    const flag = option.type === 'boolean' ? `--${name}` : `--${name} ${option.value ?? 'VALUE'}`;
    rows.push([`  ${flag}`, option.description + (option.multiple ? ' (repeatable)' : '')]);
  }
  rows.push([`  ${GLOBAL_FLAGS.debug}`, 'print the stack trace of internal errors']);
  rows.push([`  ${GLOBAL_FLAGS.help}`, 'show this help']);
  return [`usage: ${usageLine(spec)}`, '', spec.summary, '', formatTable(rows, { header: false })].join('\n');
}

/**
 * Reads an integer option. Returns `fallback` when the option is absent;
 * throws UsageError naming the flag when the value is not an integer within [min, max].
 */
export function intOption(raw: string | undefined, flag: string, bounds: { min?: number; max?: number }, fallback: number): number;
export function intOption(raw: string | undefined, flag: string, bounds?: { min?: number; max?: number }): number | undefined;
export function intOption(raw: string | undefined, flag: string, bounds: { min?: number; max?: number } = {}, fallback?: number): number | undefined {
  if (raw === undefined) return fallback;
  const value = Number(raw.trim());
  const { min = -Infinity, max = Infinity } = bounds;
  if (raw.trim() === '' || !Number.isSafeInteger(value) || value < min || value > max) {
    const range = min > -Infinity && max < Infinity ? ` between ${min} and ${max}` : min > -Infinity ? ` ≥ ${min}` : max < Infinity ? ` ≤ ${max}` : '';
    throw new UsageError(`--${flag} must be an integer${range} (got "${raw}")`);
  }
  return value;
}

/**
 * Reads a comma-separated list option, which may also be repeated
 * (`--type Country,Person --type Place`): trimmed, empty items dropped, duplicates removed.
 */
export function listOption(raw: string | readonly string[] | undefined): string[] {
  if (raw === undefined) return [];
  const values = (typeof raw === 'string' ? [raw] : raw).flatMap((value) => value.split(','));
  return [...new Set(values.map((value) => value.trim()).filter(Boolean))];
}

/**
 * Reads an option whose value must be one of `choices`; case-insensitive,
 * returns the canonical spelling; throws UsageError listing the choices.
 */
export function choiceOption<T extends string>(raw: string | undefined, flag: string, choices: readonly T[], fallback: T): T {
  if (raw === undefined) return fallback;
  const found = choices.find((choice) => choice.toLowerCase() === raw.trim().toLowerCase());
  if (!found) throw new UsageError(`unknown ${flag} "${raw}" (known: ${choices.join(', ')})`);
  return found;
}

/** Where a command writes. Tests pass a capturing one; the command line uses PROCESS_IO. */
export interface CliIO {
  /** Writes text to standard output, as is (add your own newline). */
  stdout(text: string): void;
  /** Writes text to standard error, as is. */
  stderr(text: string): void;
}

export const PROCESS_IO: CliIO = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

/** A CliIO that keeps what was written, for tests. */
export function captureIO(): CliIO & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    out: () => out,
    err: () => err,
  };
}

/** The body of a command: reads argv, writes through io, throws to fail. */
export type CommandMain = (argv: string[], io: CliIO) => void | Promise<void>;

function isInputError(error: unknown): boolean {
  return (
    error instanceof UsageError ||
    error instanceof InputError ||
    error instanceof GraphFileError ||
    (typeof error === 'object' && error !== null && (error as { exitCode?: unknown }).exitCode === EXIT_USAGE)
  );
}

/** One line: messages from JSON or schema errors may carry newlines. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * Runs a command and returns its exit code instead of exiting, so tests can
 * call it in-process. Errors are printed as `newsgraph <name>: <message>`
 * (a message that already starts with `newsgraph ` is printed as is).
 */
export async function runCli(spec: CommandSpec, main: CommandMain, argv: readonly string[], io: CliIO = PROCESS_IO): Promise<number> {
  const endOfOptions = argv.indexOf('--');
  const debug = argv.slice(0, endOfOptions === -1 ? undefined : endOfOptions).includes('--debug');
  try {
    await main([...argv], io);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof HelpRequested) {
      io.stdout(`${error.usage}\n`);
      return EXIT_OK;
    }
    const message = oneLine(error instanceof Error ? error.message : String(error));
    const prefixed = message.startsWith('newsgraph ') ? message : `newsgraph ${spec.name}: ${message}`;
    if (isInputError(error)) {
      io.stderr(`${prefixed}\n`);
      if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`${message.startsWith('newsgraph ') ? message : `newsgraph ${spec.name}: internal error: ${message}`}${debug ? '' : ' (run with --debug for the stack trace)'}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return EXIT_INTERNAL;
  }
}

/**
 * The command-line entry: runs `main` on process.argv and sets process.exitCode
 * (no process.exit, so piped output is flushed). A closed pipe on stdout
 * (`npm run centrality | head`) ends the command quietly.
 */
export async function runMain(spec: CommandSpec, main: CommandMain): Promise<void> {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
    throw error;
  });
  process.exitCode = await runCli(spec, main, process.argv.slice(2));
}

/** Column alignment for formatTable. */
export type Align = 'left' | 'right';

export interface TableOptions {
  /** The first row is a header, underlined. Default true. */
  header?: boolean;
  /** Per-column alignment; default left. */
  align?: readonly Align[];
  /** Spaces between columns. Default 2. */
  gap?: number;
}

/** Display width of a string: combining marks take no column. */
function displayWidth(text: string): number {
  return [...text.normalize('NFC').replace(/\p{M}/gu, '')].length;
}

function pad(text: string, width: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

/**
 * Formats rows as an aligned plain-text table (one line per row, no trailing
 * spaces). Returns '' for no rows.
 */
export function formatTable(rows: readonly (readonly string[])[], options: TableOptions = {}): string {
  if (rows.length === 0) return '';
  const { header = true, align = [], gap = 2 } = options;
  const columns = Math.max(...rows.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, c) => Math.max(...rows.map((row) => displayWidth(row[c] ?? ''))));
  const render = (row: readonly string[]) =>
    widths
      .map((width, c) => pad(row[c] ?? '', c === columns - 1 && (align[c] ?? 'left') === 'left' ? 0 : width, align[c] ?? 'left'))
      .join(' '.repeat(gap))
      .trimEnd();
  const lines = rows.map(render);
  if (header) lines.splice(1, 0, widths.map((width) => '-'.repeat(width)).join(' '.repeat(gap)));
  return lines.join('\n');
}
