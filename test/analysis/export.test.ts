/** Contract: GEXF, GraphML, CSV and JSON exports parse back with labels, types, colours and claim counts; files are written whole. */
import { mkdtempSync, readFileSync, readdirSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { DOMParser } from '@xmldom/xmldom';
import { csvOutputFiles, exportGraph, renderExport, toCsv, toGexf, toGraphml, TYPE_COLORS } from '../../src/analysis';
import { loadGraph } from '../../src/graph';
import { makeGraph } from './fixtures';

const graph = makeGraph(
  [
    ['kp', 'Corée du Nord', 'Country', ['RPDC', 'Pyongyang']],
    ['ru', 'Russie', 'Country'],
    ['p1', 'Dirigeant "A" & <B>', 'Person'],
    ['p2', 'Autre, dirigeant', 'Person'],
  ],
  [
    ['kp', 'DEPLOYED_TROOPS_TO', 'ru', [{ quote: 'Selon le NIS, 11 000 soldats, dit-il « sur place ».', quantity: 11000, unit: 'soldats', date: '2024-11' }, {}]],
    ['ru', 'SUPPLIED_ARMS_TO', 'kp', 1],
    ['p1', 'MET_WITH', 'p2', 3],
  ],
);
graph.setNodeAttribute('kp', 'community', 1);

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'newsgraph-export-'));
}

describe('GEXF', () => {
  const parsed = parseGexf(Graph, toGexf(graph));

  it('keeps every node and relation, parallel ones included, and their direction', () => {
    expect(parsed.order).toBe(4);
    expect(parsed.size).toBe(3);
    expect(parsed.isUndirected('p1|MET_WITH|p2')).toBe(true);
    expect(parsed.source('ru|SUPPLIED_ARMS_TO|kp')).toBe('ru');
  });

  it('has labels, types, colour by type and extra attributes on nodes', () => {
    expect(parsed.getNodeAttributes('kp')).toMatchObject({ label: 'Corée du Nord', type: 'Country', aliases: 'RPDC; Pyongyang', community: 1, color: TYPE_COLORS.Country });
    expect(parsed.getNodeAttribute('p1', 'label')).toBe('Dirigeant "A" & <B>');
    expect(parsed.getNodeAttribute('p1', 'color')).toBe(TYPE_COLORS.Person);
  });

  it('has relation type, claim count (also as weight) and a quote on edges', () => {
    expect(parsed.getEdgeAttributes('kp|DEPLOYED_TROOPS_TO|ru')).toMatchObject({
      relation: 'DEPLOYED_TROOPS_TO',
      label: 'DEPLOYED_TROOPS_TO',
      claims: 2,
      weight: 2,
      docs: 1,
      date: '2024-11',
    });
    expect(parsed.getEdgeAttribute('kp|DEPLOYED_TROOPS_TO|ru', 'quote')).toContain('« sur place »');
  });
});

describe('GraphML', () => {
  const text = toGraphml(graph);
  const parsed = parseGraphml(Graph, new DOMParser().parseFromString(text, 'application/xml') as never);

  it('parses back with nodes, edges and typed attributes', () => {
    expect(parsed.order).toBe(4);
    expect(parsed.size).toBe(3);
    // The parser folds Gephi's r/g/b into `color`.
    expect(parsed.getNodeAttributes('kp')).toMatchObject({ label: 'Corée du Nord', type: 'Country', color: TYPE_COLORS.Country, community: 1 });
    expect(text).toMatch(/<key id="\w+" for="node" attr.name="r" attr.type="int"\/>/);
    expect(parsed.getNodeAttribute('p1', 'label')).toBe('Dirigeant "A" & <B>');
    const edge = parsed.edges('kp', 'ru').find((e) => parsed.getEdgeAttribute(e, 'relation') === 'DEPLOYED_TROOPS_TO')!;
    expect(parsed.getEdgeAttributes(edge)).toMatchObject({ claims: 2, weight: 2 });
  });

  it('keeps symmetric relations undirected and the others directed', () => {
    const metWith = parsed.edges().find((e) => parsed.getEdgeAttribute(e, 'relation') === 'MET_WITH')!;
    expect(parsed.isUndirected(metWith)).toBe(true);
    const supplied = parsed.edges().find((e) => parsed.getEdgeAttribute(e, 'relation') === 'SUPPLIED_ARMS_TO')!;
    expect(parsed.isDirected(supplied)).toBe(true);
    expect(parsed.source(supplied)).toBe('ru');
  });
});

/** Minimal RFC 4180 reader for the test: quoted fields, doubled quotes, CRLF rows. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else if (ch !== '\r') field += ch;
  }
  return rows;
}

describe('CSV', () => {
  const { nodes, edges } = toCsv(graph);

  it('nodes.csv: Gephi columns first, one row per entity, commas and quotes escaped', () => {
    const rows = readCsv(nodes);
    expect(rows[0].slice(0, 3)).toEqual(['Id', 'Label', 'type']);
    expect(rows).toHaveLength(5);
    const header = rows[0];
    const p2 = rows.find((r) => r[0] === 'p2')!;
    expect(p2[header.indexOf('Label')]).toBe('Autre, dirigeant');
    expect(rows.find((r) => r[0] === 'p1')![1]).toBe('Dirigeant "A" & <B>');
    expect(rows.find((r) => r[0] === 'kp')![header.indexOf('community')]).toBe('1');
  });

  it('edges.csv: Source, Target, Type (Directed/Undirected), relation and claims', () => {
    const rows = readCsv(edges);
    const header = rows[0];
    expect(header.slice(0, 6)).toEqual(['Source', 'Target', 'Type', 'Id', 'Label', 'Weight']);
    const troops = rows.find((r) => r[header.indexOf('Id')] === 'kp|DEPLOYED_TROOPS_TO|ru')!;
    expect(troops[header.indexOf('Type')]).toBe('Directed');
    expect(troops[header.indexOf('claims')]).toBe('2');
    expect(troops[header.indexOf('quote')]).toBe('Selon le NIS, 11 000 soldats, dit-il « sur place ».');
    expect(rows.find((r) => r[header.indexOf('relation')] === 'MET_WITH')![header.indexOf('Type')]).toBe('Undirected');
  });

  it('names its two files from --out: a directory, or a base name with or without .csv', () => {
    const dir = tempDir();
    expect(csvOutputFiles(dir)).toEqual({ nodes: path.join(dir, 'nodes.csv'), edges: path.join(dir, 'edges.csv') });
    expect(csvOutputFiles('out/new-dir/')).toEqual({ nodes: path.join('out/new-dir', 'nodes.csv'), edges: path.join('out/new-dir', 'edges.csv') });
    expect(csvOutputFiles('out/graph.csv')).toEqual({ nodes: 'out/graph.nodes.csv', edges: 'out/graph.edges.csv' });
    expect(csvOutputFiles('out/graph')).toEqual({ nodes: 'out/graph.nodes.csv', edges: 'out/graph.edges.csv' });
  });
});

describe('exportGraph', () => {
  it('writes JSON that loadGraph reads back, analysis attributes included', () => {
    const dir = tempDir();
    const [file] = exportGraph(graph, { format: 'json', out: path.join(dir, 'g.json') });
    const back = loadGraph(file);
    expect(back.order).toBe(4);
    expect(back.getNodeAttribute('kp', 'community')).toBe(1);
    expect(back.getEdgeAttribute('kp|DEPLOYED_TROOPS_TO|ru', 'claims')).toHaveLength(2);
  });

  it('writes both CSV files and no temp file remains', () => {
    const dir = tempDir();
    const written = exportGraph(graph, { format: 'csv', out: `${dir}/` });
    expect(written.map((f) => path.basename(f))).toEqual(['nodes.csv', 'edges.csv']);
    expect(readdirSync(dir).sort()).toEqual(['edges.csv', 'nodes.csv']);
    expect(readFileSync(written[1], 'utf8')).toContain('MET_WITH');
  });

  it('refuses an unknown format and an output folder that does not exist, naming the file', () => {
    expect(() => renderExport(graph, { format: 'pdf' as never, out: 'x' })).toThrow('newsgraph export: unknown format "pdf" (known: gexf, graphml, csv, json)');
    const dir = tempDir();
    const out = path.join(dir, 'missing', 'g.gexf');
    expect(() => exportGraph(graph, { format: 'gexf', out })).toThrow(`newsgraph export: cannot write ${out}: its folder does not exist`);
    mkdirSync(path.join(dir, 'ok'));
    expect(exportGraph(graph, { format: 'gexf', out: path.join(dir, 'ok', 'g.gexf') })).toHaveLength(1);
  });
});
