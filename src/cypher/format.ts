/**
 * Result rows as table cells: one line per cell, lists joined, nodes shown by
 * their label, long text cut with an ellipsis so a table stays readable.
 */
import type { CypherValue, Row } from './engine';

/** Widest a cell may be, in characters, before it is cut with `…`. */
export const MAX_CELL_WIDTH = 100;
/** Widest one list item may be (quotes are long; a list of them would fill the screen). */
export const MAX_ITEM_WIDTH = 60;
/** Between the items of a list in a cell. */
const LIST_SEPARATOR = '; ';
const ELLIPSIS = '…';

function truncate(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join('').trimEnd()}${ELLIPSIS}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** How a node, relationship or path is shown: its label (or id), its type, its hops. */
function describe(value: { [key: string]: CypherValue }): string {
  if (Array.isArray(value._labels)) return String(value.label ?? value.title ?? value.id ?? value._labels.join(':'));
  if (typeof value._type === 'string') return value._type;
  if (Array.isArray(value.nodes) && Array.isArray(value.relationships)) {
    return value.nodes.map((n) => (n && typeof n === 'object' && !Array.isArray(n) ? describe(n) : String(n))).join(' → ');
  }
  return JSON.stringify(value);
}

function plain(value: CypherValue, width: number): string {
  if (value === null) return '';
  if (typeof value === 'string') return truncate(oneLine(value), width);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return truncate(value.map((item) => plain(item, MAX_ITEM_WIDTH)).join(LIST_SEPARATOR), width);
  return truncate(oneLine(describe(value)), width);
}

/** One cell's text. `null` is empty. */
export function formatCell(value: CypherValue | undefined): string {
  return plain(value ?? null, MAX_CELL_WIDTH);
}

/**
 * Header row then one row of cells per result row. Columns are those of the
 * first row, in RETURN order. Returns [] for no rows.
 */
export function rowsToCells(rows: readonly Row[]): string[][] {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]);
  return [columns, ...rows.map((row) => columns.map((column) => formatCell(row[column])))];
}
