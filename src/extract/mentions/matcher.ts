/**
 * The gazetteer name matcher: every label, alias, demonym (with its French
 * inflections), metonym and weak alias of the knowledge base, folded, in one
 * word trie (wordtrie.ts) built once per KnowledgeBase. A scan returns
 * word-bounded, leftmost-longest matches whose case fits the name (short
 * acronyms only as capitals, capitalised single words only capitalised).
 */
import type { EntityType } from '../../ontology';
import type { KnowledgeBase } from '../kb';
import type { GazetteerEntry } from '../knowledge';
import { fold, foldKey } from './fold';
import type { MentionLexicons } from './lexicon';
import { buildWordTrie, keysAt, mayBeginKeyHashed, wordHashStep } from './wordtrie';

/** How a name relates to its entity. */
export type NameKind = 'label' | 'alias' | 'demonym' | 'metonym' | 'weak';

/**
 * What the written form of the text must look like for a name to count:
 * 'all-upper' for short acronyms (US, UN, APC), 'first-upper' for capitalised
 * single words (Moscou, Shin), 'words' when the capitalised words after the
 * first must stay capitalised (Le Point is not "le point"), 'leading' when
 * the first word must be capitalised too (a weak name, "Conseil de sécurité
 * nationale", or a body's name written with a capital, "Conseil de sécurité",
 * is a common phrase in lower case), 'none' otherwise.
 */
export type CaseRule = 'none' | 'first-upper' | 'all-upper' | 'words' | 'leading';

export interface NameCandidate {
  entityId: string;
  type: EntityType;
  kind: NameKind;
  /** The spellings of the gazetteer folding to this key, each with its case rule: one fitting is enough. */
  forms: NameForm[];
}

/** One spelling of a name and what its case requires. */
export interface NameForm {
  name: string;
  rule: CaseRule;
  /** For 'words': whether each word of the name begins with a capital. */
  initials: boolean[];
}

/** A gazetteer name found in the text, before resolution. */
export interface NameMatch {
  start: number;
  end: number;
  candidates: NameCandidate[];
}

const SPACE_UNIT = 0x20;
/** Longest run of capitals still treated as an acronym that must be written in capitals (US, UN, APC, KCNA, BRICS). */
const MAX_ACRONYM_LETTERS = 6;
/** Rank of a name kind when one written form names several entities: real names before weak ones. */
const KIND_RANK: Record<NameKind, number> = { label: 0, alias: 1, metonym: 2, demonym: 3, weak: 4 };

export interface GazetteerMatcher {
  /** Every gazetteer entry by id. */
  entries: ReadonlyMap<string, GazetteerEntry>;
  /** Finds the names in `text`, given its folded form (see fold.ts). */
  scan(text: string, folded: string): NameMatch[];
}

function caseRuleOf(name: string, kind: NameKind, type: EntityType): CaseRule {
  if (kind === 'demonym') return 'none';
  const letters = name.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters.length <= MAX_ACRONYM_LETTERS && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) {
    return 'all-upper';
  }
  const words = foldKey(name).split(' ');
  if (words.length === 1) return /^[\p{Lu}\p{Lt}]/u.test(name.trim()) ? 'first-upper' : 'none';
  // A number makes a body's name distinctive whatever its case ("comité 1718").
  if ((kind === 'weak' || (type === 'Organization' && !/\p{N}/u.test(name))) && /^[\p{Lu}\p{Lt}]/u.test(name.trim())) return 'leading';
  return capitalInitials(name).slice(1).some(Boolean) ? 'words' : 'none';
}

/** Feminine and plural forms of a masculine singular demonym, by the first inflection rule that fits. */
export function inflectDemonym(demonym: string, lexicons: MentionLexicons): string[] {
  const forms = [demonym];
  // Rules are French: English and German forms are listed whole in the gazetteer.
  if (!/^\p{Ll}/u.test(demonym)) return forms;
  for (const rule of lexicons.inflections.demonymRules) {
    if (demonym.toLowerCase().endsWith(rule.suffix)) {
      for (const add of rule.add) forms.push(demonym + add);
      break;
    }
  }
  return forms;
}

/** Tokens of a person's label that name them alone once the full name was read (Kim, Shin, Goremykine). */
export function personShortForms(label: string, lexicons: MentionLexicons): string[] {
  const settings = lexicons.coreference.personShortForms;
  const parts = label.split(/\s+/).filter((p) => p.length > 0);
  if (parts.length < 2) return [];
  const forms: string[] = [];
  if (settings.first) forms.push(parts[0]);
  if (settings.last) forms.push(parts[parts.length - 1]);
  return forms.filter((f) => f.replace(/[^\p{L}]/gu, '').length >= settings.minLength && /^\p{Lu}/u.test(f));
}

/** /^[\p{Lu}\p{Lt}]/u on one code unit, answered without the RegExp for ASCII (A–Z only). */
function isCapitalUnit(unit: string): boolean {
  const code = unit.charCodeAt(0);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  return /^[\p{Lu}\p{Lt}]/u.test(unit);
}

/** For each word of a name (as fold() splits it), whether it begins with a capital. */
function capitalInitials(name: string, folded: string = fold(name)): boolean[] {
  const initials: boolean[] = [];
  for (let i = 0; i < folded.length; i++) {
    if (folded[i] !== ' ' && (i === 0 || folded[i - 1] === ' ')) initials.push(isCapitalUnit(name[i]));
  }
  return initials;
}

const CAPITAL_START = /^[\p{Lu}\p{Lt}]/u;
const HIGH_SURROGATE_FIRST = 0xd800;
const HIGH_SURROGATE_LAST = 0xdbff;

/** CAPITAL_START.test(text.slice(start, end)), read off the text in place (the RegExp only for a surrogate pair). */
function capitalStartAt(text: string, start: number, end: number): boolean {
  const code = text.charCodeAt(start);
  if (code >= HIGH_SURROGATE_FIRST && code <= HIGH_SURROGATE_LAST) return CAPITAL_START.test(text.slice(start, end));
  return isCapitalUnit(text[start]);
}

/** written === written.toUpperCase() for written = text.slice(start, end), without the copies when it is ASCII. */
function isUpperAt(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) {
      const written = text.slice(start, end);
      return written === written.toUpperCase();
    }
    if (code >= 0x61 && code <= 0x7a) return false;
  }
  return true;
}

/** Scratch list of capitalInitials() for the span being checked: no array per check. */
const initialsScratch: boolean[] = [];

/** capitalInitials(text.slice(start, end), folded.slice(start, end)) into initialsScratch; returns how many words. */
function capitalInitialsAt(text: string, folded: string, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i++) {
    if (folded.charCodeAt(i) !== 0x20 && (i === start || folded.charCodeAt(i - 1) === 0x20)) initialsScratch[count++] = isCapitalUnit(text[i]);
  }
  return count;
}

/** form.initials.every((needed, i) => i < from || !needed || actual[i] === true), actual being the first `count` scratch initials. */
function initialsFit(form: NameForm, count: number, from: number): boolean {
  const needed = form.initials;
  for (let i = from; i < needed.length; i++) if (needed[i] && !(i < count && initialsScratch[i])) return false;
  return true;
}

/** Whether [start, end) of the text, as written, fits the case rule of `form`. */
function fitsCaseAt(form: NameForm, text: string, folded: string, start: number, end: number): boolean {
  switch (form.rule) {
    case 'none':
      return true;
    case 'all-upper':
      return isUpperAt(text, start, end);
    case 'first-upper':
      return capitalStartAt(text, start, end);
    case 'leading':
      return capitalStartAt(text, start, end) && initialsFit(form, capitalInitialsAt(text, folded, start, end), 0);
    default:
      return initialsFit(form, capitalInitialsAt(text, folded, start, end), 1);
  }
}

function fitsAnyFormAt(candidate: NameCandidate, text: string, folded: string, start: number, end: number): boolean {
  for (const form of candidate.forms) if (fitsCaseAt(form, text, folded, start, end)) return true;
  return false;
}

/** What the trie holds for one folded key: its candidates, and whether every one fits whatever the case. */
export interface NameSlot {
  candidates: NameCandidate[];
  /** Every candidate has a form with no case rule: the candidates need no check. */
  caseFree?: boolean;
}

/** The candidates of `slot` whose case fits [start, end) of the text, read off the candidate objects: the slot's own list when all fit. */
export function fittingCandidates(slot: NameSlot, text: string, folded: string, start: number, end: number): NameCandidate[] {
  if (slot.caseFree) return slot.candidates;
  const all = slot.candidates;
  let i = 0;
  while (i < all.length && fitsAnyFormAt(all[i], text, folded, start, end)) i++;
  if (i === all.length) return all;
  const fitting = all.slice(0, i);
  for (i++; i < all.length; i++) if (fitsAnyFormAt(all[i], text, folded, start, end)) fitting.push(all[i]);
  return fitting;
}

/** Rule codes of the case table. */
const RULE_CODE: Record<CaseRule, number> = { none: 0, 'all-upper': 1, 'first-upper': 2, leading: 3, words: 4 };
/** Most candidates, and most words, a key's case can be checked for with bit masks. */
const MAX_MASK_BITS = 30;
/** Case table modes of a key. */
const CHECKED = 0;
const CASE_FREE = 1;
const BY_OBJECTS = 2;
const NO_CANDIDATES: NameCandidate[] = [];

/**
 * The case rules of every key of the trie, by key index, in flat arrays: a
 * scan decides which candidates fit without reading the candidate objects,
 * which an article's other passes have pushed out of the cache by then.
 */
export interface CaseTable {
  /** Candidates of each key, best ranked first (the lists the matches hand on). */
  candidates: NameCandidate[][];
  /** CHECKED, CASE_FREE (every candidate fits whatever the case) or BY_OBJECTS (too many candidates or words for the masks). */
  mode: Uint8Array;
  /** Forms of key k are [formStart[k], formStart[k + 1]). */
  formStart: Int32Array;
  /** Index of the form's candidate in its key's list. */
  formCandidate: Uint8Array;
  formRule: Uint8Array;
  /** For 'leading' and 'words': a bit per word of the name that must begin with a capital. */
  formInitials: Int32Array;
}

export function buildCaseTable(keys: readonly string[], slots: readonly NameSlot[]): CaseTable {
  const mode = new Uint8Array(keys.length);
  const formStart = new Int32Array(keys.length + 1);
  const formCandidate: number[] = [];
  const formRule: number[] = [];
  const formInitials: number[] = [];
  slots.forEach((slot, k) => {
    formStart[k] = formCandidate.length;
    const tooMany = slot.candidates.length > MAX_MASK_BITS || keys[k].split(' ').length > MAX_MASK_BITS;
    mode[k] = slot.caseFree ? CASE_FREE : tooMany ? BY_OBJECTS : CHECKED;
    if (mode[k] !== CHECKED) return;
    slot.candidates.forEach((candidate, c) => {
      for (const form of candidate.forms) {
        formCandidate.push(c);
        formRule.push(RULE_CODE[form.rule]);
        formInitials.push(form.initials.reduce((mask, needed, i) => (needed ? mask | (1 << i) : mask), 0));
      }
    });
  });
  formStart[keys.length] = formCandidate.length;
  return {
    candidates: slots.map((slot) => slot.candidates),
    mode,
    formStart,
    formCandidate: Uint8Array.from(formCandidate),
    formRule: Uint8Array.from(formRule),
    formInitials: Int32Array.from(formInitials),
  };
}

/** A bit per word of [start, end) (as capitalInitials reads it) that begins with a capital, for the first MAX_MASK_BITS words. */
function capitalInitialsMaskAt(text: string, folded: string, start: number, end: number): number {
  let mask = 0;
  let word = 0;
  for (let i = start; i < end; i++) {
    if (folded.charCodeAt(i) === 0x20 || (i !== start && folded.charCodeAt(i - 1) !== 0x20)) continue;
    const code = text.charCodeAt(i);
    const capital = code < 0x80 ? code >= 0x41 && code <= 0x5a : isCapitalUnit(text[i]);
    if (capital && word < MAX_MASK_BITS) mask |= 1 << word;
    word++;
  }
  return mask;
}

/** The candidates of key k whose case fits [start, end) of the text, read off its forms in the case table: the key's own list when all fit. */
function fittingByTable(table: CaseTable, k: number, text: string, folded: string, start: number, end: number): NameCandidate[] {
  let fit = 0;
  // Each property of the written span is read once, when a form first asks for it.
  let upper = -1;
  let first = -1;
  let initials = -1;
  for (let f = table.formStart[k]; f < table.formStart[k + 1]; f++) {
    const bit = 1 << table.formCandidate[f];
    if (fit & bit) continue;
    let fits: boolean;
    switch (table.formRule[f]) {
      case 0:
        fits = true;
        break;
      case 1:
        if (upper < 0) upper = isUpperAt(text, start, end) ? 1 : 0;
        fits = upper === 1;
        break;
      case 2:
        if (first < 0) first = capitalStartAt(text, start, end) ? 1 : 0;
        fits = first === 1;
        break;
      case 3:
        if (first < 0) first = capitalStartAt(text, start, end) ? 1 : 0;
        if (initials < 0) initials = capitalInitialsMaskAt(text, folded, start, end);
        fits = first === 1 && (table.formInitials[f] & ~initials) === 0;
        break;
      default:
        if (initials < 0) initials = capitalInitialsMaskAt(text, folded, start, end);
        fits = (table.formInitials[f] & ~1 & ~initials) === 0;
    }
    if (fits) fit |= bit;
  }
  if (fit === 0) return NO_CANDIDATES;
  const all = table.candidates[k];
  if (fit === (1 << all.length) - 1) return all;
  const fitting: NameCandidate[] = [];
  for (let c = 0; c < all.length; c++) if (fit & (1 << c)) fitting.push(all[c]);
  return fitting;
}

/** The candidates of key k (slots[k] in the trie) whose case fits [start, end) of the text: the key's own list when all fit. */
export function candidatesAt(table: CaseTable, slots: readonly NameSlot[], k: number, text: string, folded: string, start: number, end: number): NameCandidate[] {
  const mode = table.mode[k];
  if (mode === CASE_FREE) return table.candidates[k];
  if (mode === CHECKED) return fittingByTable(table, k, text, folded, start, end);
  return fittingCandidates(slots[k], text, folded, start, end);
}

/** Every gazetteer name by folded key, with the candidates it may name. */
export function collectNames(kb: KnowledgeBase, lexicons: MentionLexicons): Map<string, NameSlot> {
  const byKey = new Map<string, NameSlot>();
  const strongKeys = new Set<string>();
  const add = (entry: GazetteerEntry, name: string, kind: NameKind): void => {
    const key = foldKey(name);
    if (key.length === 0) return;
    if (kind !== 'weak') strongKeys.add(key);
    let slot = byKey.get(key);
    if (!slot) {
      slot = { candidates: [] };
      byKey.set(key, slot);
    }
    const rule = caseRuleOf(name, kind, entry.type);
    const form: NameForm = { name, rule, initials: rule === 'words' || rule === 'leading' ? capitalInitials(name) : [] };
    const existing = slot.candidates.find((c) => c.entityId === entry.id && c.kind === kind);
    if (existing) existing.forms.push(form);
    else slot.candidates.push({ entityId: entry.id, type: entry.type, kind, forms: [form] });
  };
  const weak: Array<[GazetteerEntry, string]> = [];
  for (const entry of kb.gazetteer.entities) {
    add(entry, entry.label, 'label');
    for (const alias of entry.aliases) add(entry, alias, 'alias');
    for (const demonym of entry.demonyms ?? []) for (const form of inflectDemonym(demonym, lexicons)) add(entry, form, 'demonym');
    for (const metonym of entry.metonyms ?? []) add(entry, metonym, 'metonym');
    for (const w of entry.weakAliases ?? []) weak.push([entry, w]);
    if (entry.type === 'Person') for (const w of personShortForms(entry.label, lexicons)) weak.push([entry, w]);
  }
  // A short form that is some entity's real name stays that entity's name only.
  for (const [entry, name] of weak) if (!strongKeys.has(foldKey(name))) add(entry, name, 'weak');
  for (const slot of byKey.values()) {
    slot.candidates.sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind]);
    slot.caseFree = slot.candidates.every((c) => c.forms.some((f) => f.rule === 'none'));
  }
  return byKey;
}

/** Keeps, from word-bounded matches, the leftmost-longest non-overlapping ones. */
export function leftmostLongest<T extends { start: number; end: number }>(matches: T[]): T[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  let frontier = -1;
  for (const m of sorted) {
    if (m.start >= frontier) {
      kept.push(m);
      frontier = m.end;
    }
  }
  return kept;
}

export function buildGazetteerMatcher(kb: KnowledgeBase, lexicons: MentionLexicons): GazetteerMatcher {
  const names = collectNames(kb, lexicons);
  // Every match begins at a word start and ends at a word end.
  const trie = buildWordTrie(names);
  const entries = new Map(kb.gazetteer.entities.map((e) => [e.id, e]));
  const cases = buildCaseTable(trie.keys, trie.values);
  // Scratch lists of the keys found at one start.
  const ends: number[] = [];
  const found: number[] = [];
  return {
    entries,
    scan(text: string, folded: string): NameMatch[] {
      const kept: NameMatch[] = [];
      if (names.size === 0 || text.length === 0) return kept;
      // Leftmost-longest on the fly: a start inside the last kept match can give nothing, and at each start the longest key whose case fits wins.
      let frontier = 0;
      const n = folded.length;
      for (let start = 0, next = 0; start < n; start = next) {
        if (folded.charCodeAt(start) === SPACE_UNIT) {
          next = start + 1;
          continue;
        }
        // The word's end and hash in one pass over it.
        let hash = 0;
        for (next = start; next < n; next++) {
          const code = folded.charCodeAt(next);
          if (code === SPACE_UNIT) break;
          hash = wordHashStep(hash, code);
        }
        if (start < frontier || !mayBeginKeyHashed(trie, hash)) continue;
        for (let k = keysAt(trie, folded, start, ends, found) - 1; k >= 0; k--) {
          const end = ends[k];
          const candidates = candidatesAt(cases, trie.values, found[k], text, folded, start, end);
          if (candidates.length === 0) continue;
          kept.push({ start, end, candidates });
          frontier = end;
          break;
        }
      }
      return kept;
    },
  };
}
