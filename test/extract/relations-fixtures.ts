/** Shared fixtures for the relation and claim tests: a hand-made knowledge base and mentions placed by surface. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Article } from '../../src/corpus/types';
import type { KnowledgeBase } from '../../src/extract/kb';
import type { GazetteerEntry } from '../../src/extract/knowledge';
import type { EntityRecord, Mention } from '../../src/extract/types';
import type { EntityType } from '../../src/ontology';

const KNOWLEDGE_DIR = path.resolve(__dirname, '..', '..', 'graph-data', 'knowledge');

function lexicon(name: string): unknown {
  return JSON.parse(readFileSync(path.join(KNOWLEDGE_DIR, `${name}.json`), 'utf8'));
}

/** A knowledge base with the real lexicon files and a gazetteer given by the test. */
export function makeKb(entities: GazetteerEntry[] = []): KnowledgeBase {
  return {
    dir: KNOWLEDGE_DIR,
    gazetteer: { version: 1, entities },
    lexicons: { triggers: lexicon('triggers'), units: lexicon('units'), hedges: lexicon('hedges'), numbers: lexicon('numbers') },
    hash: 'test',
  };
}

/** An entity of the test world: id, label, type. */
export type TestEntity = [id: string, label: string, type: EntityType];

export const WORLD: TestEntity[] = [
  ['ru', 'Russie', 'Country'],
  ['kp', 'Corée du Nord', 'Country'],
  ['kr', 'Corée du Sud', 'Country'],
  ['us', 'États-Unis', 'Country'],
  ['jp', 'Japon', 'Country'],
  ['ua', 'Ukraine', 'Country'],
  ['cn', 'Chine', 'Country'],
  ['by', 'Biélorussie', 'Country'],
  ['ir', 'Iran', 'Country'],
];

/**
 * Builds an article of one or more sentences and its mentions: each `[surface, entityId, type]`
 * is placed at the surface's next occurrence (after the previous mention of the same surface).
 */
export function makeArticle(
  sentences: string[],
  marks: Array<[surface: string, entityId: string, type: EntityType]>,
  options: { date?: string; id?: string } = {},
): { article: Article; mentions: Mention[]; entities: EntityRecord[] } {
  const text = sentences.join(' ');
  let offset = 0;
  const sentenceList = sentences.map((s, index) => {
    const start = offset;
    offset += s.length + 1;
    return { index, start, end: start + s.length, text: s };
  });
  const cursor = new Map<string, number>();
  const mentions: Mention[] = marks.map(([surface, entityId, type]) => {
    const from = cursor.get(surface) ?? 0;
    const start = text.indexOf(surface, from);
    if (start < 0) throw new Error(`fixture: "${surface}" not in the text`);
    cursor.set(surface, start + surface.length);
    const sentence = sentenceList.find((s) => start >= s.start && start < s.end)!;
    const demonym = /^[a-zà-ÿ]/.test(surface);
    return { entityId, type, sentence: sentence.index, start, end: start + surface.length, surface, via: demonym ? 'demonym' : 'gazetteer' };
  });
  const labels = new Map<string, [string, EntityType]>(WORLD.map(([id, label, type]) => [id, [label, type]]));
  const entities: EntityRecord[] = [...new Set(mentions.map((m) => m.entityId))].map((id) => {
    const known = labels.get(id);
    const first = mentions.find((m) => m.entityId === id)!;
    return { id, label: known?.[0] ?? first.surface, type: known?.[1] ?? first.type, aliases: [], known: Boolean(known) };
  });
  const article: Article = { id: options.id ?? 'test_doc', file: 'test_doc.txt', text, sentences: sentenceList, hash: 'x', notes: [], ...(options.date ? { date: options.date } : {}) };
  return { article, mentions, entities };
}
