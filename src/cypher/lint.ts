/**
 * Lints Cypher with Neo4j's own parser and semantic analysis
 * (@neo4j-cypher/language-support), so a query file is checked against the
 * Neo4j dialect before any engine sees it.
 */
import { lintCypherQuery } from '@neo4j-cypher/language-support';

export type Severity = 'error' | 'warning';

export interface CypherDiagnostic {
  /** 1-based line in the linted text. */
  line: number;
  /** 1-based column in the linted text. */
  column: number;
  message: string;
  severity: Severity;
}

/** LSP DiagnosticSeverity.Error, as the linter reports it. */
const LSP_ERROR = 1;

/** The linter's message for a `$name` that the schema does not declare. */
const UNDEFINED_PARAMETER = /^Parameter \$`?([^`\s]+?)`? is not defined\.$/;

/** Lint results kept per (text, parameter names and kinds): linting takes ~0.3–2 s a query. */
const LINT_CACHE_SIZE = 200;
const lintCache = new Map<string, CypherDiagnostic[]>();

function parameterKind(value: unknown): string {
  return Array.isArray(value) ? 'list' : value === null ? 'null' : typeof value;
}

/**
 * Lints `text` (one or more `;`-separated statements, comments allowed).
 * `parameters` declares the parameters the text may use; any other `$name`
 * is reported as an error. Returns [] when the text is clean.
 */
export function lintCypher(text: string, parameters: Record<string, unknown> = {}): CypherDiagnostic[] {
  const cacheKey = JSON.stringify([text, Object.keys(parameters).sort().map((name) => [name, parameterKind(parameters[name])])]);
  const cached = lintCache.get(cacheKey);
  if (cached) return cached.map((d) => ({ ...d }));
  const result = lintUncached(text, parameters);
  if (lintCache.size >= LINT_CACHE_SIZE) lintCache.delete(lintCache.keys().next().value!);
  lintCache.set(cacheKey, result);
  return result.map((d) => ({ ...d }));
}

function lintUncached(text: string, parameters: Record<string, unknown>): CypherDiagnostic[] {
  const { diagnostics } = lintCypherQuery(text, { parameters });
  return diagnostics
    .map((d) => ({
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      message: typeof d.message === 'string' ? d.message : d.message.value,
      severity: (d.severity === LSP_ERROR ? 'error' : 'warning') as Severity,
    }))
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The parameter name when `diagnostic` says a `$name` is not declared, else null. */
export function undefinedParameter(diagnostic: CypherDiagnostic): string | null {
  return UNDEFINED_PARAMETER.exec(diagnostic.message)?.[1] ?? null;
}

/** `FILE:line:col: message`, the form editors and compilers use. */
export function formatDiagnostic(file: string, diagnostic: CypherDiagnostic): string {
  return `${file}:${diagnostic.line}:${diagnostic.column}: ${diagnostic.severity === 'warning' ? 'warning: ' : ''}${diagnostic.message}`;
}
