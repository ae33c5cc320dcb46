/**
 * Query files: a `//` comment header saying what the query answers and its
 * parameters with defaults, then the Cypher.
 *
 *   // Everything known about one entity: its relations with their claims.
 *   // @param name = "Corée du Nord"
 *   MATCH (e:Entity) WHERE …
 *
 * Defaults are JSON literals. A `// @param name` without `=` has no default
 * and must be given. Preparing a query lints it first, so a syntax error or a
 * missing parameter stops it before any engine runs it.
 */
import type { Params } from './engine';
import { CypherInputError } from './engine';
import type { CypherDiagnostic } from './lint';
import { formatDiagnostic, lintCypher, undefinedParameter } from './lint';

/** One declared parameter of a query file. */
export interface QueryParameter {
  name: string;
  /** The default value; absent when the parameter must be given. */
  default?: unknown;
  hasDefault: boolean;
  /** 1-based line of the declaration. */
  line: number;
}

export interface QueryFile {
  /** Path shown in messages. */
  file: string;
  /** The whole text, header included (what is linted and run, so positions match the file). */
  text: string;
  /** The header's prose lines, without `//`. */
  description: string[];
  parameters: QueryParameter[];
}

const PARAM_LINE = /^\/\/\s*@param\s+([A-Za-z_][A-Za-z0-9_]*)\s*(?:=\s*(.*?))?\s*$/;
const COMMENT_LINE = /^\s*\/\//;

/** Parses the header of a query file. Throws CypherInputError (file:line) for a default that is not JSON or a parameter declared twice. */
export function parseQueryFile(file: string, text: string): QueryFile {
  const lines = text.split(/\r?\n/);
  const description: string[] = [];
  const parameters: QueryParameter[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    if (!COMMENT_LINE.test(line)) break;
    const param = PARAM_LINE.exec(line);
    if (!param) {
      if (/^\/\/\s*@param\b/.test(line)) throw new CypherInputError(`${file}:${i + 1}:1: malformed @param line (expected \`// @param name = <JSON value>\`)`);
      description.push(line.replace(/^\/\/\s?/, ''));
      continue;
    }
    const [, name, literal] = param;
    if (parameters.some((p) => p.name === name)) throw new CypherInputError(`${file}:${i + 1}:1: parameter ${name} declared twice`);
    if (literal === undefined || literal === '') {
      parameters.push({ name, hasDefault: false, line: i + 1 });
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(literal);
    } catch {
      throw new CypherInputError(`${file}:${i + 1}:1: default of @param ${name} is not a JSON value: ${literal}`);
    }
    parameters.push({ name, default: value, hasDefault: true, line: i + 1 });
  }
  return { file, text, description, parameters };
}

/**
 * Reads one `--param name=value`: the value is JSON when it parses
 * (`5`, `true`, `["a","b"]`, `"x"`), else the raw string (`Corée du Nord`).
 */
export function parseParamArgument(argument: string): [string, unknown] {
  const eq = argument.indexOf('=');
  const name = eq === -1 ? argument : argument.slice(0, eq);
  if (eq === -1 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new CypherInputError(`--param expects name=value (got "${argument}")`);
  }
  const raw = argument.slice(eq + 1);
  try {
    return [name, JSON.parse(raw)];
  } catch {
    return [name, raw];
  }
}

/** A query whose parameters are complete and whose text linted clean of errors. */
export interface PreparedQuery {
  query: QueryFile;
  params: Params;
  /** Lint warnings (deprecations …): worth showing, not fatal. */
  warnings: CypherDiagnostic[];
}

/**
 * Merges defaults with the given values and lints the text. Throws
 * CypherInputError with `FILE:line:col: message` for the first syntax or
 * semantic error, and one naming every missing parameter.
 */
export function prepareQuery(query: QueryFile, given: Params = {}): PreparedQuery {
  const params: Params = {};
  for (const p of query.parameters) if (p.hasDefault) params[p.name] = p.default;
  Object.assign(params, given);
  const diagnostics = lintCypher(query.text, params);
  const missing = [...new Set(diagnostics.map(undefinedParameter).filter((name): name is string => name !== null))];
  const errors = diagnostics.filter((d) => d.severity === 'error' && undefinedParameter(d) === null);
  if (errors.length) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more error${errors.length > 2 ? 's' : ''})` : '';
    throw new CypherInputError(`${formatDiagnostic(query.file, errors[0])}${more}`);
  }
  if (missing.length) {
    const list = missing.map((name) => `$${name}`).join(', ');
    throw new CypherInputError(
      `${query.file}: missing parameter ${list}: pass ${missing.map((n) => `--param ${n}=VALUE`).join(' ')} or declare a default in the header (// @param ${missing[0]} = <JSON value>)`,
    );
  }
  return { query, params, warnings: diagnostics.filter((d) => d.severity === 'warning') };
}
