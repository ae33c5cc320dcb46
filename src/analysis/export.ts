/**
 * Exports for Gephi, Gephi Lite and spreadsheets
 * ==============================================
 *
 * - `gexf`: GEXF 1.3 (graphology-gexf). Node colour by entity type as
 *   `viz:color`, size by degree; edges keep their direction (mixed graph),
 *   relation type as label and `kind` (Gephi keeps parallel edges of different
 *   kinds), claim count as `weight`.
 * - `graphml`: GraphML, written here because graphology-graphml only parses.
 *   Colour as `color` (#rrggbb, read by Gephi Lite) and `r`/`g`/`b` (read by
 *   Gephi); `edgedefault="undirected"` with `directed="true"` on directed
 *   relations (graphology-graphml, hence Gephi Lite, ignores `directed="false"`).
 * - `csv`: two files for Gephi's spreadsheet import, nodes (Id, Label, …) and
 *   edges (Source, Target, Type, Id, Label, Weight, …). Where they go:
 *   `--out DIR/` or an existing directory → `DIR/nodes.csv` and `DIR/edges.csv`;
 *   `--out NAME.csv` or `--out NAME` → `NAME.nodes.csv` and `NAME.edges.csv`.
 * - `json`: graphology's serialisation, the graph.json format, with whatever
 *   analysis attributes (community, centralities) the graph carries.
 *
 * Attributes are flattened the same way for every tabular format: scalars as
 * they are, lists of strings joined with "; ", lists of records as their count
 * (`mentions` → number of mentions, `claims` → number of claims). The edge's
 * relation type is exported as `relation` (Gephi's edge table already has a
 * `Type` column: directed or undirected). Edges also get `docs` (distinct
 * articles) and the quote and date of their surest claim.
 *
 * Every file is rendered in memory first and written atomically
 * together (writeFilesAtomic), so a failed export leaves the previous files untouched.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import { write as writeGexf } from 'graphology-gexf';
import { serialiseGraph, writeFilesAtomic, type NewsGraph } from '../graph';
import type { Claim, EntityType } from '../ontology';
import { AnalysisInputError, assertGraph } from './errors';
import { pickClaim } from './paths';

const WHO = 'newsgraph export';

export const EXPORT_FORMATS = ['gexf', 'graphml', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Node colour per entity type: one hue per type, readable on white and on dark backgrounds. */
export const TYPE_COLORS: Readonly<Record<EntityType, string>> = {
  Country: '#d62728',
  Person: '#1f77b4',
  Organization: '#2ca02c',
  Treaty: '#9467bd',
  WeaponSystem: '#ff7f0e',
  Place: '#8c564b',
};
/** Colour of a node whose type is not in TYPE_COLORS. */
export const UNKNOWN_TYPE_COLOR = '#7f7f7f';
/** Node size in GEXF: BASE + SCALE·√degree, so hubs stand out without hiding the rest. */
export const NODE_SIZE_BASE = 4;
export const NODE_SIZE_SCALE = 3;
/** Separator of list values flattened into one cell. */
export const LIST_SEPARATOR = '; ';

type Scalar = string | number | boolean;
type FlatAttributes = Record<string, Scalar>;

export function colorOfType(type: unknown): string {
  return TYPE_COLORS[type as EntityType] ?? UNKNOWN_TYPE_COLOR;
}

/** Scalars kept, string lists joined, record lists counted, empty and other values dropped. */
export function flattenAttributes(attributes: Attributes): FlatAttributes {
  const flat: FlatAttributes = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) flat[name] = value;
    else if (Array.isArray(value)) {
      if (value.every((item) => typeof item === 'string')) {
        if (value.length) flat[name] = value.join(LIST_SEPARATOR);
      } else flat[name] = value.length;
    }
  }
  return flat;
}

function nodeRecord(graph: Graph, key: string): FlatAttributes {
  const attributes = graph.getNodeAttributes(key);
  return {
    ...flattenAttributes(attributes),
    label: String(attributes.label ?? key),
    type: String(attributes.type ?? ''),
    mentions: Array.isArray(attributes.mentions) ? attributes.mentions.length : 0,
    color: colorOfType(attributes.type),
  };
}

function edgeRecord(graph: Graph, key: string): FlatAttributes {
  const attributes = graph.getEdgeAttributes(key);
  const claims: Claim[] = Array.isArray(attributes.claims) ? attributes.claims : [];
  // `relation`, not `type`: Gephi's edge table already has a Type column (directed or not).
  const { type, ...rest } = flattenAttributes(attributes);
  const record: FlatAttributes = { relation: String(type ?? ''), ...rest, claims: claims.length, docs: new Set(claims.map((c) => c.doc)).size };
  const claim = pickClaim(claims);
  if (claim) record.quote = claim.quote;
  if (claim?.date) record.date = claim.date;
  return record;
}

/** GEXF 1.3 text of the graph (see the banner). */
export function toGexf(graph: Graph): string {
  const copy = graph.copy();
  copy.replaceAttributes({ creator: 'newsgraph', description: 'newsgraph knowledge graph' });
  return writeGexf(copy, {
    version: '1.3',
    pedantic: true,
    formatNode: (key) => {
      const { label, color, ...attributes } = nodeRecord(graph, key);
      const size = Math.round((NODE_SIZE_BASE + NODE_SIZE_SCALE * Math.sqrt(graph.degree(key))) * 100) / 100;
      return { label: String(label), viz: { color: String(color), size }, attributes };
    },
    formatEdge: (key) => {
      const attributes = edgeRecord(graph, key);
      return { label: String(attributes.relation), kind: String(attributes.relation), weight: Number(attributes.claims) || 1, attributes };
    },
  });
}

const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function escapeXml(text: string): string {
  return text
    .replace(XML_INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** GraphML type of an attribute from every value it takes: int, double, boolean or string. */
function graphmlType(values: readonly Scalar[]): 'int' | 'double' | 'boolean' | 'string' {
  if (values.every((v) => typeof v === 'boolean')) return 'boolean';
  if (values.every((v) => typeof v === 'number')) return values.every((v) => Number.isInteger(v)) ? 'int' : 'double';
  return 'string';
}

function graphmlKeys(scope: 'node' | 'edge', records: readonly FlatAttributes[], prefix: string): { name: string; id: string; type: string }[] {
  const values = new Map<string, Scalar[]>();
  for (const record of records) for (const [name, value] of Object.entries(record)) (values.get(name) ?? values.set(name, []).get(name)!).push(value);
  return [...values.entries()].map(([name, list], i) => ({ name, id: `${prefix}${i}`, type: graphmlType(list) }));
}

function rgb(hex: string): { r: number; g: number; b: number } {
  const value = Number.parseInt(hex.slice(1), 16);
  return { r: (value >> 16) & 255, g: (value >> 8) & 255, b: value & 255 };
}

/** GraphML text of the graph (see the banner). Written by hand: graphology-graphml only parses. */
export function toGraphml(graph: Graph): string {
  const nodes = graph.mapNodes((key) => {
    const record = nodeRecord(graph, key);
    return { key, record: { ...record, ...rgb(String(record.color)) } };
  });
  const edges = graph.mapEdges((key, _attributes, source, target, _sa, _ta, undirected) => ({ key, source, target, undirected, record: edgeRecord(graph, key) }));
  const nodeKeys = graphmlKeys('node', nodes.map((n) => n.record), 'n');
  const edgeKeys = graphmlKeys('edge', edges.map((e) => ({ ...e.record, weight: Number(e.record.claims) || 1 })), 'e');
  const data = (keys: typeof nodeKeys, record: FlatAttributes) =>
    keys
      .filter((k) => record[k.name] !== undefined)
      .map((k) => `<data key="${k.id}">${escapeXml(String(record[k.name]))}</data>`)
      .join('');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...nodeKeys.map((k) => `  <key id="${k.id}" for="node" attr.name="${escapeXml(k.name)}" attr.type="${k.type}"/>`),
    ...edgeKeys.map((k) => `  <key id="${k.id}" for="edge" attr.name="${escapeXml(k.name)}" attr.type="${k.type}"/>`),
    '  <graph id="newsgraph" edgedefault="undirected">',
    ...nodes.map((n) => `    <node id="${escapeXml(n.key)}">${data(nodeKeys, n.record)}</node>`),
    ...edges.map(
      (e) =>
        `    <edge id="${escapeXml(e.key)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}"${e.undirected ? '' : ' directed="true"'}>${data(edgeKeys, { ...e.record, weight: Number(e.record.claims) || 1 })}</edge>`,
    ),
    '  </graph>',
    '</graphml>',
    '',
  ];
  return lines.join('\n');
}

/** One CSV field (RFC 4180): quoted when it holds a comma, quote, line break or edge spaces. */
export function csvField(value: Scalar | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvTable(header: readonly string[], rows: readonly (readonly (Scalar | undefined)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Columns every node row starts with, in Gephi's spreadsheet-import names where Gephi has one. */
const NODE_COLUMNS = ['label', 'type', 'aliases', 'wikidata', 'mentions', 'color'];
const EDGE_COLUMNS = ['relation', 'claims', 'docs', 'role', 'items', 'quote', 'date'];

function extraColumns(records: readonly FlatAttributes[], fixed: readonly string[]): string[] {
  const names = new Set<string>();
  for (const record of records) for (const name of Object.keys(record)) if (!fixed.includes(name)) names.add(name);
  return [...names].sort();
}

/** nodes.csv and edges.csv for Gephi's spreadsheet import (see the banner). */
export function toCsv(graph: Graph): { nodes: string; edges: string } {
  const nodeRecords = graph.mapNodes((key) => ({ key, record: nodeRecord(graph, key) }));
  const nodeExtras = extraColumns(nodeRecords.map((n) => n.record), NODE_COLUMNS);
  const nodes = csvTable(
    ['Id', 'Label', ...NODE_COLUMNS.slice(1), ...nodeExtras],
    nodeRecords.map(({ key, record }) => [key, ...NODE_COLUMNS.map((c) => record[c]), ...nodeExtras.map((c) => record[c])]),
  );
  const edgeRecords = graph.mapEdges((key, _a, source, target, _sa, _ta, undirected) => ({ key, source, target, undirected, record: edgeRecord(graph, key) }));
  const edgeExtras = extraColumns(edgeRecords.map((e) => e.record), EDGE_COLUMNS);
  const edges = csvTable(
    ['Source', 'Target', 'Type', 'Id', 'Label', 'Weight', 'relation', ...EDGE_COLUMNS.slice(1), ...edgeExtras],
    edgeRecords.map(({ key, source, target, undirected, record }) => [
      source,
      target,
      undirected ? 'Undirected' : 'Directed',
      key,
      record.relation,
      record.claims,
      ...EDGE_COLUMNS.map((c) => record[c]),
      ...edgeExtras.map((c) => record[c]),
    ]),
  );
  return { nodes, edges };
}

/**
 * Where a CSV export goes: `DIR/nodes.csv` + `DIR/edges.csv` when `out` ends
 * with a path separator or is an existing directory, else `BASE.nodes.csv` +
 * `BASE.edges.csv` with BASE = `out` without a `.csv` extension.
 */
export function csvOutputFiles(out: string): { nodes: string; edges: string } {
  let isDirectory = /[\\/]$/.test(out);
  if (!isDirectory) {
    try {
      isDirectory = statSync(out).isDirectory();
    } catch {
      isDirectory = false;
    }
  }
  if (isDirectory) return { nodes: path.join(out, 'nodes.csv'), edges: path.join(out, 'edges.csv') };
  const base = out.replace(/\.csv$/i, '');
  return { nodes: `${base}.nodes.csv`, edges: `${base}.edges.csv` };
}

export interface ExportOptions {
  format: ExportFormat;
  /** Output file (or, for csv, directory or base name; see csvOutputFiles). */
  out: string;
}

/** Checks a format name, case-insensitively; throws `newsgraph export: unknown format "x" (known: …)`. */
export function parseExportFormat(raw: string): ExportFormat {
  const format = EXPORT_FORMATS.find((known) => known === raw.trim().toLowerCase());
  if (!format) throw new AnalysisInputError(WHO, `unknown format "${raw}" (known: ${EXPORT_FORMATS.join(', ')})`);
  return format;
}

/** The files an export writes, rendered in memory: path → content. */
export function renderExport(graph: NewsGraph, options: ExportOptions): { file: string; content: string }[] {
  assertGraph(WHO, graph);
  const format = parseExportFormat(options.format);
  const plain = graph as unknown as Graph;
  switch (format) {
    case 'gexf':
      return [{ file: options.out, content: toGexf(plain) }];
    case 'graphml':
      return [{ file: options.out, content: toGraphml(plain) }];
    case 'json':
      return [{ file: options.out, content: serialiseGraph(graph) }];
    case 'csv': {
      const files = csvOutputFiles(options.out);
      const { nodes, edges } = toCsv(plain);
      return [
        { file: files.nodes, content: nodes },
        { file: files.edges, content: edges },
      ];
    }
  }
}

/**
 * Renders then writes the export atomically, the files of one export together
 * (a failure leaves every previous file as it was); returns the paths
 * written. A missing or unwritable folder is an input error naming the file.
 */
export function exportGraph(graph: NewsGraph, options: ExportOptions): string[] {
  const outputs = renderExport(graph, options);
  try {
    writeFilesAtomic(outputs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
    throw new AnalysisInputError(WHO, `cannot write ${outputs.map((output) => output.file).join(' and ')}: ${problem}`);
  }
  return outputs.map((output) => output.file);
}
