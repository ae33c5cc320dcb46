/**
 * The cypher-shell script: the loader statements of statements.ts with each
 * batch's rows written as a Cypher list literal in place of `$rows`, one
 * statement per batch, each ending with `;`. A script cannot carry parameters
 * separately, so values are written as escaped literals (never as raw text):
 * `cypherLiteral` is the one place that turns a value into Cypher text.
 */
import type { LoadPlan } from './statements';
import { ROWS_PARAMETER } from './statements';

const SAFE_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Escapes a string for a single-quoted Cypher literal: backslash, quote and control characters. */
export function cypherString(value: string): string {
  const escaped = value.replace(/[\\'\u0000-\u001f\u2028\u2029]/g, (ch) => {
    switch (ch) {
      case '\\':
        return '\\\\';
      case "'":
        return "\\'";
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      default:
        return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
  return `'${escaped}'`;
}

function cypherNumber(value: number, asFloat: boolean): string {
  if (!Number.isFinite(value)) throw new RangeError(`cypherLiteral: ${value} has no Cypher literal`);
  const text = String(value);
  return asFloat && Number.isInteger(value) && !/e/i.test(text) ? `${text}.0` : text;
}

/**
 * Writes a JSON-like value as a Cypher literal. A list of numbers with any
 * non-integer is written all as floats (Neo4j stores only homogeneous lists).
 * Throws RangeError for values Cypher has no literal for (NaN, Infinity, functions).
 */
export function cypherLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return cypherString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return cypherNumber(value, false);
  if (Array.isArray(value)) {
    const floats = value.some((v) => typeof v === 'number' && !Number.isInteger(v));
    return `[${value.map((v) => (typeof v === 'number' ? cypherNumber(v, floats) : cypherLiteral(v))).join(', ')}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([key, v]) => `${SAFE_KEY.test(key) ? key : `\`${key.replace(/`/g, '``')}\``}: ${cypherLiteral(v)}`,
    );
    return `{${entries.join(', ')}}`;
  }
  throw new RangeError(`cypherLiteral: a ${typeof value} has no Cypher literal`);
}

/** The statement of a batch with its rows inlined in place of `$rows`. */
export function inlineRows(statement: string, rows: readonly object[]): string {
  const placeholder = `$${ROWS_PARAMETER}`;
  const at = statement.indexOf(placeholder);
  if (at === -1) throw new Error(`inlineRows: statement has no ${placeholder}: ${statement}`);
  return statement.slice(0, at) + cypherLiteral(rows) + statement.slice(at + placeholder.length);
}

/**
 * The script text: a comment header, the constraints, then one statement per
 * batch (`cypher-shell -f FILE` runs each in its own transaction).
 */
export function cypherShellScript(plan: LoadPlan, header: readonly string[] = []): string {
  const lines = [
    ...header.map((line) => `// ${line}`),
    ...plan.constraints.map((statement) => `${statement};`),
    ...plan.batches.map((batch) => `${inlineRows(batch.statement, batch.rows)};`),
  ];
  return `${lines.join('\n')}\n`;
}
