/**
 * A small newsgraph graph built for the Cypher tests: every entity type, the
 * relations the analyst queries ask about, claims that disagree, denied and
 * planned claims, and a label with quotes and braces. The sentences are
 * written for the test.
 */
import Graph from 'graphology';
import type { NewsGraph } from '../../src/graph';
import type { Claim, EntityAttributes, EntityType, RelationAttributes, RelationType } from '../../src/ontology';
import { SYMMETRIC_RELATIONS } from '../../src/ontology';

/** A label that breaks any code splicing values into Cypher text. */
export const TRICKY_LABEL = "O'Brien {x} \\ \"q\"";

export const DOCS = ['t001', 't002', 't003'] as const;

type Mention = [doc: string, sentence: number];

function claim(doc: string, sentence: number, quote: string, extra: Partial<Claim> = {}): Claim {
  return { doc, sentence, quote, status: 'asserted', ...extra };
}

export function fixtureGraph(): NewsGraph {
  const graph: NewsGraph = new Graph({ type: 'mixed', multi: true, allowSelfLoops: false });
  graph.replaceAttributes({
    name: 'newsgraph',
    extractorVersion: 'test',
    builtAt: '2025-01-01T00:00:00.000Z',
    articles: [
      { id: 't001', title: 'Livraisons et déploiements', date: '2024-11-02', url: 'https://example.org/a', file: 't001.txt', sentences: 6, hash: 'a' },
      { id: 't002', title: 'Le traité', date: '2024-06-20', file: 't002.txt', sentences: 4, hash: 'b' },
      { id: 't003', file: 't003.txt', sentences: 3, hash: 'c' },
    ],
  });
  const node = (id: string, label: string, type: EntityType, aliases: string[], mentions: Mention[], extra: Partial<EntityAttributes> = {}) =>
    graph.addNode(id, { label, type, aliases, mentions: mentions.map(([doc, sentence]) => ({ doc, sentence, start: 0, end: label.length })), ...extra });
  node('kp', 'Corée du Nord', 'Country', ['RPDC', 'North Korea', 'Pyongyang'], [['t001', 0], ['t001', 2], ['t002', 1], ['t003', 0]], { wikidata: 'Q423', pagerank: 0.31, community: 1 });
  node('ru', 'Russie', 'Country', ['Moscou', 'Russia'], [['t001', 0], ['t002', 1], ['t003', 1]], { wikidata: 'Q159', pagerank: 0.29, community: 1 });
  node('ua', 'Ukraine', 'Country', [], [['t001', 3]], { wikidata: 'Q212' });
  node('kr', 'Corée du Sud', 'Country', ['Séoul'], [['t001', 4]]);
  node('kim', 'Kim Jong Un', 'Person', ['Kim'], [['t002', 0]]);
  node('putin', 'Vladimir Poutine', 'Person', ['Poutine'], [['t002', 0]]);
  node('nis', 'NIS', 'Organization', ["Service national du renseignement"], [['t001', 2]]);
  node('treaty', 'Traité de partenariat stratégique global', 'Treaty', ['le pacte'], [['t002', 1]]);
  node('shells', "obus d'artillerie", 'WeaponSystem', ['obus'], [['t001', 1]]);
  node('hw20', 'Hwasong-20', 'WeaponSystem', [], [['t003', 0]]);
  node('kursk', 'Koursk', 'Place', ['Kursk'], [['t001', 3]]);
  node('pyongyang', 'Pyongyang', 'Place', [], [['t002', 0]]);
  node('tricky', TRICKY_LABEL, 'Person', ['Obi {y}'], [['t003', 2]]);

  const edge = (subject: string, type: RelationType, object: string, claims: Claim[], extra: Partial<RelationAttributes> = {}) => {
    const key = `${subject}|${type}|${object}`;
    const attributes: RelationAttributes = { type, claims, ...extra };
    if (SYMMETRIC_RELATIONS.has(type)) graph.addUndirectedEdgeWithKey(key, subject, object, attributes);
    else graph.addDirectedEdgeWithKey(key, subject, object, attributes);
  };
  edge('kp', 'SUPPLIED_ARMS_TO', 'ru', [
    claim('t001', 1, 'Pyongyang aurait livré des millions d\'obus à Moscou, selon le NIS.', { quantity: 5000000, unit: 'obus', attributedTo: 'NIS', status: 'reported', date: '2024-10' }),
    claim('t003', 1, 'La Corée du Nord a fourni des armes à la Russie.'),
  ], { items: ["obus d'artillerie"] });
  edge('kp', 'SUPPLIED', 'shells', [claim('t001', 1, 'Pyongyang aurait livré des millions d\'obus à Moscou, selon le NIS.', { status: 'reported', attributedTo: 'NIS' })]);
  edge('kp', 'DEPLOYED_TROOPS_TO', 'ru', [
    claim('t001', 2, 'Le NIS estime que 11 000 soldats ont été envoyés.', { quantity: 11000, unit: 'soldats', attributedTo: 'NIS', status: 'reported', date: '2024-10' }),
    claim('t001', 5, 'Kiev parle de 15 000 soldats déployés; Séoul évoque moins.', { quantity: 15000, unit: 'soldats', date: '2024-12' }),
    claim('t003', 0, 'Pyongyang dément tout envoi de troupes.', { status: 'denied' }),
  ]);
  edge('kp', 'DEPLOYED_TROOPS_TO', 'kursk', [claim('t001', 3, 'Des unités sont arrivées dans la région de Koursk.', { date: '2024-11-02' })]);
  edge('kp', 'SUFFERED_LOSSES_IN', 'kursk', [claim('t001', 3, 'Quelque 1 200 soldats ont été tués ou blessés à Koursk.', { quantity: 1200, unit: 'tués ou blessés' })]);
  edge('kp', 'DEVELOPS', 'hw20', [claim('t003', 0, 'Le Hwasong-20 a été présenté lors du défilé.', { date: '2025-10' })]);
  edge('ru', 'TRANSFERRED_TECHNOLOGY_TO', 'kp', [claim('t003', 1, 'Moscou pourrait transférer des technologies spatiales.', { status: 'planned' })]);
  edge('kp', 'SIGNED', 'treaty', [claim('t002', 1, 'Les deux pays ont signé le traité en juin 2024.', { date: '2024-06' })]);
  edge('ru', 'SIGNED', 'treaty', [claim('t002', 1, 'Les deux pays ont signé le traité en juin 2024.', { date: '2024-06' })]);
  edge('ru', 'RATIFIED', 'treaty', [claim('t002', 2, 'La Douma a ratifié le pacte en novembre.', { date: '2024-11' })]);
  edge('kp', 'ALLIED_WITH', 'ru', [claim('t002', 1, 'Le pacte prévoit une assistance mutuelle.')]);
  edge('kim', 'MET_WITH', 'putin', [claim('t002', 0, 'Kim Jong Un a reçu Vladimir Poutine à Pyongyang.', { date: '2024-06-19' })]);
  edge('putin', 'VISITED', 'pyongyang', [claim('t002', 0, 'Kim Jong Un a reçu Vladimir Poutine à Pyongyang.', { date: '2024-06-19' })]);
  edge('kim', 'LEADS', 'kp', [claim('t002', 0, 'Kim Jong Un a reçu Vladimir Poutine à Pyongyang.')]);
  edge('putin', 'LEADS', 'ru', [claim('t002', 0, 'Kim Jong Un a reçu Vladimir Poutine à Pyongyang.')]);
  edge('tricky', 'OFFICIAL_OF', 'kr', [claim('t003', 2, `${TRICKY_LABEL} a parlé; "citation" {bloc}.`, { attributedTo: 'Yonhap' })], { role: 'porte-parole' });
  edge('nis', 'PART_OF', 'kr', [claim('t001', 2, 'Le NIS sud-coréen a publié ses chiffres.')]);
  edge('ru', 'ATTACKED', 'ua', [claim('t001', 3, 'La Russie poursuit son offensive contre l\'Ukraine.')]);
  edge('kr', 'WARNED', 'kp', [claim('t001', 4, 'Séoul a mis en garde Pyongyang.', { attributedTo: 'Yonhap', status: 'reported' })]);
  return graph;
}
