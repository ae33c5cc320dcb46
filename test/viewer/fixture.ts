/** A small newsgraph graph written for the viewer tests (sentences invented for them, not from the corpus). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Graph from 'graphology';
import { saveGraph } from '../../src/graph';
import type { NewsGraph } from '../../src/graph';
import type { Claim, EntityType, RelationType } from '../../src/ontology';

export const XSS_QUOTE = 'Le porte-parole a cité <img src=x onerror="window.__pwned=1"> dans son communiqué.';

interface NodeSpec {
  key: string;
  label: string;
  type: EntityType;
  aliases?: string[];
  wikidata?: string;
  community?: number;
}

const NODES: NodeSpec[] = [
  { key: 'ru', label: 'Russie', type: 'Country', aliases: ['Moscou', 'Russia'], wikidata: 'Q159', community: 0 },
  { key: 'kp', label: 'Corée du Nord', type: 'Country', aliases: ['RPDC', 'Pyongyang'], wikidata: 'Q423', community: 0 },
  { key: 'kr', label: 'Corée du Sud', type: 'Country', aliases: ['Séoul'], community: 1 },
  { key: 'ua', label: 'Ukraine', type: 'Country', aliases: ['Kiev'], community: 1 },
  { key: 'kim', label: 'Kim Jong Un', type: 'Person', community: 0 },
  { key: 'shoigu', label: 'Sergueï Choïgou', type: 'Person', community: 0 },
  { key: 'hw20', label: 'Hwasong-20', type: 'WeaponSystem', aliases: ['Hwasong 20'], community: 0 },
  { key: 'shells', label: "obus d'artillerie", type: 'WeaponSystem', community: 0 },
  { key: 'kursk', label: 'Koursk', type: 'Place', community: 1 },
  { key: 'treaty', label: 'Traité de partenariat stratégique global', type: 'Treaty', aliases: ['pacte de défense mutuelle'], community: 0 },
  { key: 'nis', label: 'NIS', type: 'Organization', community: 1 },
  { key: 'kcna', label: 'KCNA', type: 'Organization', community: 0 },
];

function claim(doc: string, sentence: number, quote: string, extra: Partial<Claim> = {}): Claim {
  return { doc, sentence, quote, status: 'asserted', ...extra };
}

const EDGES: Array<[string, RelationType, string, Claim[]]> = [
  ['kp', 'DEVELOPS', 'hw20', [claim('t1', 2, 'Pyongyang a présenté un nouveau missile, le Hwasong-20, lors du défilé d’octobre.', { date: '2025-10' })]],
  ['kp', 'SUPPLIED_ARMS_TO', 'ru', [
    claim('t1', 4, 'Selon le NIS, la Corée du Nord aurait livré 12 000 conteneurs de munitions.', { quantity: 12000, unit: 'conteneurs', attributedTo: 'NIS', status: 'reported', date: '2024-09' }),
    claim('t2', 1, 'Un autre rapport évoque 9 000 conteneurs expédiés par le rail.', { quantity: 9000, unit: 'conteneurs', status: 'reported', date: '2025-01' }),
  ]],
  ['kp', 'SUPPLIED', 'shells', [claim('t2', 3, "Des obus d'artillerie nord-coréens ont été retrouvés sur le front.", { date: '2024-11' })]],
  ['kp', 'DEPLOYED_TROOPS_TO', 'kursk', [claim('t2', 5, 'Des soldats nord-coréens ont été vus dans la région de Koursk.', { quantity: 11000, unit: 'soldats', date: '2024-12' })]],
  ['ru', 'ATTACKED', 'ua', [claim('t1', 0, 'La Russie poursuit son offensive contre l’Ukraine.')]],
  ['kim', 'LEADS', 'kp', [claim('t1', 1, 'Kim Jong Un dirige la Corée du Nord depuis 2011.')]],
  ['shoigu', 'OFFICIAL_OF', 'ru', [claim('t2', 0, 'Sergueï Choïgou, secrétaire du Conseil de sécurité russe, est arrivé.')]],
  ['kp', 'SIGNED', 'treaty', [claim('t1', 6, 'Les deux pays ont signé le traité en juin 2024.', { date: '2024-06' })]],
  ['ru', 'SIGNED', 'treaty', [claim('t1', 6, 'Les deux pays ont signé le traité en juin 2024.', { date: '2024-06' })]],
  ['nis', 'PART_OF', 'kr', [claim('t2', 2, 'Le NIS, le service de renseignement sud-coréen, a publié une note.')]],
  ['kcna', 'PART_OF', 'kp', [claim('t2', 7, XSS_QUOTE, { status: 'denied' })]],
  ['kr', 'WARNED', 'kp', [claim('t1', 8, 'Séoul a mis en garde Pyongyang contre tout nouvel essai.', { status: 'planned', date: '2026-01' })]],
];

/** The test graph, with the given positions stored (or none). */
export function makeTestGraph(options: { positions?: boolean } = {}): NewsGraph {
  const graph: NewsGraph = new Graph({ type: 'mixed', multi: true, allowSelfLoops: false });
  graph.replaceAttributes({
    name: 'newsgraph',
    extractorVersion: 'test',
    builtAt: '2026-01-01T00:00:00.000Z',
    articles: [
      { id: 't1', title: 'Défilé à Pyongyang : un missile inédit <b>présenté</b>', date: '2025-10-11', url: 'https://example.org/t1', file: 't1.txt', sentences: 9, hash: 'x' },
      { id: 't2', title: 'Munitions et soldats : le rapport du renseignement', date: '2025-01-20', file: 't2.txt', sentences: 8, hash: 'y' },
    ],
  });
  NODES.forEach((spec, i) => {
    const { key, ...attributes } = spec;
    graph.addNode(key, {
      ...attributes,
      aliases: attributes.aliases ?? [],
      mentions: [{ doc: 't1', sentence: i % 9, start: 0, end: 3 }],
      ...(options.positions ? { x: Math.cos(i), y: Math.sin(i) * 2 } : {}),
    });
  });
  for (const [source, type, target, claims] of EDGES) {
    graph.addDirectedEdgeWithKey(`${source}|${type}|${target}`, source, target, { type, claims });
  }
  graph.addUndirectedEdgeWithKey('kim|MET_WITH|shoigu', 'kim', 'shoigu', { type: 'MET_WITH', claims: [claim('t2', 6, 'Kim Jong Un a reçu Sergueï Choïgou à Pyongyang.', { date: '2025-06' })] });
  return graph;
}

/** Writes a graph to graph.json in a fresh temp folder; returns the file and a cleanup. */
export function writeTestGraph(graph: NewsGraph = makeTestGraph()): { file: string; dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-viewer-'));
  const file = path.join(dir, 'graph.json');
  saveGraph(graph, file);
  return { file, dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
