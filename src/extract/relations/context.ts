import type { Article, Sentence } from '../../corpus/types';
import type { SentenceMention } from '../claims';
import { fold } from '../claims';
import type { KnowledgeBase } from '../kb';
import type { EntityRecord, Mention } from '../types';
import { stateLookups } from './entries';

/** What the article has said so far, for anaphors ("ces troupes", "d'entre eux", "cette région", "lors de sa visite"). */
export interface Discourse {
  troopOwner?: SentenceMention;
  person?: SentenceMention;
  place?: SentenceMention;
  /** The treaty the article named last ("le texte", "l'a ratifié" in a later sentence speak of it). */
  treaty?: SentenceMention;
  destination?: SentenceMention;
  /** Where the article's troops last were: the place (else the state) a deployment or a loss was last read at. */
  front?: SentenceMention;
  /** Every person the article named so far, in order (for titles without a name: "le secrétaire du Conseil"). */
  people?: SentenceMention[];
}

/** One sentence ready for matching: its text folded and its mentions with sentence-relative offsets. */
export interface SentenceContext {
  article: Article;
  sentence: Sentence;
  text: string;
  folded: string;
  /** Non-overlapping mentions in text order (a longer mention hides the ones inside it). */
  mentions: SentenceMention[];
  /** Every mention, nested ones included ("russe" inside "la flotte russe du Pacifique"). */
  allMentions: SentenceMention[];
  /** The state a known organisation or unit belongs to (knowledge base `country`), for descriptive mentions ("troupes nord-coréennes"). */
  countryOf: (entityId: string) => { entityId: string; label: string } | undefined;
  /** The country a person leads (knowledge base role with `leads`): "Poutine a envoyé" acts for Russia. */
  ledBy: (entityId: string) => { entityId: string; label: string } | undefined;
  /** For object searches, where only a government stands for its state: the country a person leads. */
  ledByGovernment?: (entityId: string) => { entityId: string; label: string } | undefined;
  /** Shared by all sentences of the article, updated after each. */
  discourse: Discourse;
}

/**
 * A demonym stands for its state but is an adjective or common noun in the text: it is written lower case.
 * A lower-case phrase around a name ("régime de Pyongyang") names the state itself.
 */
function isDemonym(mention: Mention): boolean {
  const surface = mention.surface ?? '';
  return mention.type === 'Country' && (/demonym/i.test(mention.via ?? '') || (/^[a-zà-ÿ]/.test(surface) && !/[A-ZÀ-Ý]/.test(surface)));
}

/** Groups an article's mentions by sentence; mentions outside their sentence or of unknown entities are left out. */
export function buildSentenceContexts(article: Article, mentions: readonly Mention[], entities: readonly EntityRecord[], kb?: KnowledgeBase): SentenceContext[] {
  const { countryOf, ledBy } = stateLookups(kb);
  // Every slot from the start (undefined until set): one object shape for every article's discourse.
  const discourse: Discourse = { troopOwner: undefined, person: undefined, place: undefined, treaty: undefined, destination: undefined, front: undefined, people: undefined };
  const labels = new Map(entities.map((e) => [e.id, e.label]));
  const bySentence = new Map<number, SentenceMention[]>();
  const sentences = Array.isArray(article?.sentences) ? article.sentences : [];
  const byIndex = new Map(sentences.map((s) => [s.index, s]));
  for (const m of mentions ?? []) {
    const sentence = byIndex.get(m?.sentence);
    const label = labels.get(m?.entityId);
    if (!sentence || label === undefined || typeof m.start !== 'number' || typeof m.end !== 'number') continue;
    const start = m.start - sentence.start;
    const end = m.end - sentence.start;
    if (start < 0 || end > sentence.text.length || end <= start) continue;
    const list = bySentence.get(sentence.index) ?? [];
    list.push({ entityId: m.entityId, type: m.type, label, start, end, surface: m.surface ?? sentence.text.slice(start, end), demonym: isDemonym(m) });
    bySentence.set(sentence.index, list);
  }
  return sentences
    .filter((s) => typeof s?.text === 'string')
    .map((sentence) => {
      const all = (bySentence.get(sentence.index) ?? []).sort((a, b) => a.start - b.start || b.end - a.end);
      const outer: SentenceMention[] = [];
      for (const m of all) {
        const last = outer[outer.length - 1];
        if (last && m.start < last.end) continue;
        outer.push(m);
      }
      return { article, sentence, text: sentence.text, folded: fold(sentence.text), mentions: outer, allMentions: all, countryOf, ledBy, discourse };
    });
}

/** True when JSON leaves a property out: undefined, a function, a symbol. */
function omittedInJson(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** A plain record JSON writes key by key (no toJSON, no array). */
function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/**
 * JSON.stringify(a) === JSON.stringify(b), read key by key for the flat records the slots hold (a mention),
 * without building the strings; anything else (a nested object) is compared as JSON.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isPlainRecord(a) || !isPlainRecord(b)) return JSON.stringify(a) === JSON.stringify(b);
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < keysA.length && omittedInJson(a[keysA[i]])) i++;
    while (j < keysB.length && omittedInJson(b[keysB[j]])) j++;
    if (i === keysA.length || j === keysB.length) return i === keysA.length && j === keysB.length;
    if (keysA[i] !== keysB[j]) return false;
    const va = a[keysA[i]];
    const vb = b[keysB[j]];
    if (va !== vb) {
      if ((typeof va === 'object' && va !== null) || (typeof vb === 'object' && vb !== null)) return JSON.stringify(a) === JSON.stringify(b);
      if (JSON.stringify(va) !== JSON.stringify(vb)) return false;
    }
    i++;
    j++;
  }
}
