/**
 * Files for `neo4j-admin database import full`: one node file per entity type
 * (`nodes_<Type>.csv`), `nodes_Article.csv`, one relationship file per type
 * (`rels_<TYPE>.csv`, `rels_MENTIONED_IN.csv`), with neo4j-admin's typed
 * headers (`id:ID(Entity)`, `:LABEL`, `aliases:string[]`, `claimCount:int`,
 * `:START_ID(Entity)`, `:END_ID(Entity)`, `:TYPE`); `:LABEL` lists labels with
 * the array delimiter, as neo4j-admin reads it. The properties are those
 * of mapping.ts, so an import holds what the Cypher load holds.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { GraphRows, Properties, PropertyValue } from './mapping';
import { ARTICLE_LABEL, ENTITY_LABEL, MENTIONED_IN } from './mapping';

/** ID spaces: entity and article ids are unique within their group only. */
export const ENTITY_ID_SPACE = ENTITY_LABEL;
export const ARTICLE_ID_SPACE = ARTICLE_LABEL;

/**
 * Array delimiters tried in order: the first that no array element contains
 * is used. neo4j-admin does not quote inside arrays, so a quote holding `;`
 * needs another delimiter.
 */
export const ARRAY_DELIMITER_CANDIDATES: readonly string[] = [';', '|', '\u001f'];

/** Files the CSV export owns in its folder: it refuses to replace a folder holding anything else. */
const OWNED_FILE = /^(nodes_\w+\.csv|rels_\w+\.csv|README\.txt)$/;

export interface CsvFile {
  /** File name inside the export folder. */
  name: string;
  /** `nodes` or `relationships`: which neo4j-admin option takes it. */
  kind: 'nodes' | 'relationships';
  header: string[];
  rows: string[][];
}

export interface CsvExport {
  files: CsvFile[];
  arrayDelimiter: string;
}

type ColumnType = 'string' | 'int' | 'float' | 'boolean';

function scalarType(value: string | number | boolean): ColumnType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return 'string';
}

/** The neo4j-admin type of a column from every value it holds: int widens to float; anything mixed with text is text. */
function columnType(values: readonly PropertyValue[]): { type: ColumnType; array: boolean } {
  let array = false;
  const seen = new Set<ColumnType>();
  for (const value of values) {
    if (Array.isArray(value)) {
      array = true;
      for (const item of value) seen.add(scalarType(item));
    } else seen.add(scalarType(value));
  }
  if (seen.size === 0) return { type: 'string', array };
  if (seen.size === 1) return { type: [...seen][0], array };
  if ([...seen].every((t) => t === 'int' || t === 'float')) return { type: 'float', array };
  return { type: 'string', array };
}

function header(name: string, type: ColumnType, array: boolean): string {
  return type === 'string' && !array ? name : `${name}:${type}${array ? '[]' : ''}`;
}

/** A CSV field: quoted when it holds a comma, quote, line break or edge spaces, or is empty text (so it stays ''). */
function field(text: string, emptyMeansText: boolean): string {
  if (text === '') return emptyMeansText ? '""' : '';
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cell(value: PropertyValue | undefined, delimiter: string): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return field(value.map(String).join(delimiter), false);
  return field(String(value), typeof value === 'string');
}

/** Picks the first array delimiter that no array element contains. Throws when every candidate occurs. */
export function chooseArrayDelimiter(rows: GraphRows): string {
  const used = new Set<string>();
  const scan = (props: Properties) => {
    for (const value of Object.values(props)) {
      if (!Array.isArray(value)) continue;
      for (const item of value) for (const candidate of ARRAY_DELIMITER_CANDIDATES) if (String(item).includes(candidate)) used.add(candidate);
    }
  };
  for (const group of rows.entities.values()) group.forEach((r) => scan(r.props));
  rows.articles.forEach((r) => scan(r.props));
  for (const group of rows.relations.values()) group.forEach((r) => scan(r.props));
  const free = ARRAY_DELIMITER_CANDIDATES.find((candidate) => !used.has(candidate));
  if (free === undefined) throw new Error('csv export: every array delimiter candidate occurs in the data');
  return free;
}

/** Property columns of a set of rows, in first-seen order, with their typed headers. */
function propertyColumns(all: readonly Properties[], skip: ReadonlySet<string>): { name: string; header: string }[] {
  const names: string[] = [];
  for (const props of all) for (const name of Object.keys(props)) if (!skip.has(name) && !names.includes(name)) names.push(name);
  return names.map((name) => {
    const { type, array } = columnType(all.map((p) => p[name]).filter((v): v is PropertyValue => v !== undefined));
    return { name, header: header(name, type, array) };
  });
}

function nodeFile(name: string, labels: readonly string[], idSpace: string, rows: readonly { id: string; props: Properties }[], delimiter: string): CsvFile {
  const columns = propertyColumns(
    rows.map((r) => r.props),
    new Set(['id']),
  );
  return {
    name,
    kind: 'nodes',
    header: [`id:ID(${idSpace})`, ':LABEL', ...columns.map((c) => c.header)],
    rows: rows.map((r) => [field(r.id, true), labels.join(delimiter), ...columns.map((c) => cell(r.props[c.name], delimiter))]),
  };
}

/** Builds every file's header and rows. Returns only files that have rows. */
export function buildCsvExport(rows: GraphRows): CsvExport {
  const delimiter = chooseArrayDelimiter(rows);
  const files: CsvFile[] = [];
  for (const [type, entityRows] of rows.entities) {
    files.push(nodeFile(`nodes_${type}.csv`, [ENTITY_LABEL, type], ENTITY_ID_SPACE, entityRows, delimiter));
  }
  if (rows.articles.length) files.push(nodeFile(`nodes_${ARTICLE_LABEL}.csv`, [ARTICLE_LABEL], ARTICLE_ID_SPACE, rows.articles, delimiter));
  if (rows.mentions.length) {
    files.push({
      name: `rels_${MENTIONED_IN}.csv`,
      kind: 'relationships',
      header: [`:START_ID(${ENTITY_ID_SPACE})`, `:END_ID(${ARTICLE_ID_SPACE})`, ':TYPE', 'count:int'],
      rows: rows.mentions.map((m) => [field(m.entity, true), field(m.article, true), MENTIONED_IN, String(m.count)]),
    });
  }
  for (const [type, relationRows] of rows.relations) {
    const columns = propertyColumns(
      relationRows.map((r) => r.props),
      new Set(),
    );
    files.push({
      name: `rels_${type}.csv`,
      kind: 'relationships',
      header: [`:START_ID(${ENTITY_ID_SPACE})`, `:END_ID(${ENTITY_ID_SPACE})`, ':TYPE', ...columns.map((c) => c.header)],
      rows: relationRows.map((r) => [field(r.source, true), field(r.target, true), type, ...columns.map((c) => cell(r.props[c.name], delimiter))]),
    });
  }
  return { files, arrayDelimiter: delimiter };
}

/** The file's text: header line, then one line per row, `\n` line ends. */
export function csvText(file: CsvFile): string {
  return [file.header.join(','), ...file.rows.map((row) => row.join(','))].join('\n') + '\n';
}

/** neo4j-admin's spelling of a delimiter: the character itself when printable, else `U+XXXX`. */
function delimiterArgument(delimiter: string): string {
  const code = delimiter.charCodeAt(0);
  return code < 0x20 ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}` : delimiter;
}

/** The exact `neo4j-admin database import full` command for the files in `dir`. */
export function importCommand(exported: CsvExport, dir: string, database = 'neo4j'): string {
  const quote = (p: string) => (/^[\w./:=-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`);
  const parts = ['neo4j-admin database import full'];
  for (const file of exported.files) parts.push(quote(`--${file.kind}=${path.join(dir, file.name)}`));
  parts.push(`--array-delimiter="${delimiterArgument(exported.arrayDelimiter)}"`, '--multiline-fields=true', '--overwrite-destination', database);
  return parts.join(' ');
}

/**
 * Writes the files into `dir` atomically: into a fresh sibling folder, then
 * swapped in by rename, so `dir` holds the old export or the new one, never
 * half. Refuses a `dir` that holds files this export does not own.
 */
export function writeCsvExport(exported: CsvExport, dir: string, readme: string): void {
  const target = path.resolve(dir);
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) throw Object.assign(new Error(`csv export: ${dir} exists and is not a folder`), { exitCode: 2 });
    const foreign = readdirSync(target).filter((name) => !OWNED_FILE.test(name));
    if (foreign.length) {
      throw Object.assign(new Error(`csv export: ${dir} holds files that are not an export (${foreign.slice(0, 3).join(', ')}); choose an empty or new folder`), {
        exitCode: 2,
      });
    }
  }
  mkdirSync(path.dirname(target), { recursive: true });
  const stamp = `${process.pid}-${Date.now()}`;
  const staging = `${target}.tmp-${stamp}`;
  const retired = `${target}.old-${stamp}`;
  try {
    mkdirSync(staging);
    for (const file of exported.files) writeFileSync(path.join(staging, file.name), csvText(file));
    writeFileSync(path.join(staging, 'README.txt'), readme);
    if (existsSync(target)) renameSync(target, retired);
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (existsSync(retired) && !existsSync(target)) renameSync(retired, target);
    throw error;
  }
  rmSync(retired, { recursive: true, force: true });
}
