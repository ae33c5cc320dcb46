/**
 * Fixture for the mention tests: a small gazetteer written for the tests,
 * beside the project's real lexicon files (titles, cues, non-entities …), in a
 * temporary knowledge folder; and articles built by hand with a crude splitter.
 */
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Article, Sentence } from '../../src/corpus/types';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/extract/kb';

const REAL_KNOWLEDGE = path.resolve(__dirname, '..', '..', 'graph-data', 'knowledge');
/** The lexicon files the mention finder reads. */
const MENTION_LEXICONS = ['titles', 'orgcues', 'placecues', 'weaponcues', 'nonentities', 'coreference', 'inflections'];

export const TEST_GAZETTEER = {
  version: 1,
  entities: [
    { id: 'russia', type: 'Country', label: 'Russie', aliases: ['Russia', 'Fédération de Russie'], wikidata: 'Q159', demonyms: ['russe'], metonyms: ['Moscou', 'le Kremlin'] },
    { id: 'north_korea', type: 'Country', label: 'Corée du Nord', aliases: ['RPDC', 'North Korea'], demonyms: ['nord-coréen'], metonyms: ['Pyongyang'] },
    { id: 'south_korea', type: 'Country', label: 'Corée du Sud', aliases: ['ROK'], demonyms: ['sud-coréen'], metonyms: ['Séoul'] },
    { id: 'ukraine', type: 'Country', label: 'Ukraine', aliases: [], demonyms: ['ukrainien'], metonyms: ['Kyiv'] },
    { id: 'united_states', type: 'Country', label: 'États-Unis', aliases: ['US', 'USA'], demonyms: ['américain'], metonyms: ['Washington'] },
    { id: 'iran', type: 'Country', label: 'Iran', aliases: [] },
    { id: 'israel', type: 'Country', label: 'Israël', aliases: [] },
    { id: 'united_nations', type: 'Organization', label: 'Organisation des Nations unies', aliases: ['ONU', 'Nations unies', 'UN'] },
    { id: 'afp', type: 'Organization', kind: 'media', label: 'Agence France-Presse', aliases: ['AFP'] },
    { id: 'le_point', type: 'Organization', kind: 'media', label: 'Le Point', aliases: [] },
    { id: 'state_duma', type: 'Organization', label: "Douma d'État", aliases: ['Douma'], country: 'russia', weakAliases: ['Chambre des représentants'] },
    { id: 'moscow', type: 'Place', label: 'Moscou', aliases: ['Moscow'], country: 'russia' },
    { id: 'pyongyang', type: 'Place', label: 'Pyongyang', aliases: [], country: 'north_korea' },
    { id: 'seoul', type: 'Place', label: 'Séoul', aliases: [], country: 'south_korea' },
    { id: 'kursk', type: 'Place', label: 'Koursk', aliases: ['Kursk'], country: 'russia' },
    { id: 'putin', type: 'Person', label: 'Vladimir Poutine', aliases: ['Poutine'], country: 'russia' },
    { id: 'kim_jong_un', type: 'Person', label: 'Kim Jong Un', aliases: ['Kim Jong-un'], country: 'north_korea', weakAliases: ['Kim'] },
    { id: 'kim_yo_jong', type: 'Person', label: 'Kim Yo Jong', aliases: ['Kim Yo-jong'], country: 'north_korea', weakAliases: ['Kim'] },
    { id: 'ru_nk_treaty', type: 'Treaty', label: 'Traité de partenariat stratégique global', aliases: ['pacte de défense mutuelle'] },
    { id: 'artillery_shells', type: 'WeaponSystem', label: "obus d'artillerie", aliases: ['obus'] },
  ],
};

/** A knowledge folder holding `gazetteer` and copies of the real mention lexicons. */
export function makeKnowledgeBase(gazetteer: object = TEST_GAZETTEER): KnowledgeBase {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-mentions-'));
  writeFileSync(path.join(dir, 'gazetteer.json'), JSON.stringify(gazetteer));
  for (const file of readdirSync(REAL_KNOWLEDGE)) {
    if (MENTION_LEXICONS.includes(file.replace(/\.json$/, ''))) copyFileSync(path.join(REAL_KNOWLEDGE, file), path.join(dir, file));
  }
  return loadKnowledgeBase(dir);
}

/** Crude sentence split for tests: after . ! ? (not after M. or Mme) followed by a space and a capital, and at line ends. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const boundary = /(?<=[.!?»])(?<!\bM\.)\s+(?=[\p{Lu}«"])|\n+/gu;
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) sentences.push({ index: sentences.length, start: s, end: e, text: text.slice(s, e) });
  };
  for (const m of text.matchAll(boundary)) {
    push(m.index);
    start = m.index + m[0].length;
  }
  push(text.length);
  return sentences;
}

export function makeArticle(text: string, id = 'test_article'): Article {
  return { id, file: `${id}.txt`, text, sentences: splitSentences(text), hash: '0', notes: [] };
}
