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
import { buildWordTrie, findWords } from './wordtrie';

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

function fitsCase(form: NameForm, written: string, writtenFolded: string): boolean {
  switch (form.rule) {
    case 'none':
      return true;
    case 'all-upper':
      return written === written.toUpperCase();
    case 'first-upper':
      return CAPITAL_START.test(written);
    case 'leading': {
      if (!CAPITAL_START.test(written)) return false;
      const actual = capitalInitials(written, writtenFolded);
      return form.initials.every((needed, i) => !needed || actual[i] === true);
    }
    default: {
      const actual = capitalInitials(written, writtenFolded);
      return form.initials.every((needed, i) => i === 0 || !needed || actual[i] === true);
    }
  }
}

function fitsAnyForm(candidate: NameCandidate, written: string, writtenFolded: string): boolean {
  return candidate.forms.some((form) => fitsCase(form, written, writtenFolded));
}

function collectNames(kb: KnowledgeBase, lexicons: MentionLexicons): Map<string, { candidates: NameCandidate[] }> {
  const byKey = new Map<string, { candidates: NameCandidate[] }>();
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
  for (const slot of byKey.values()) slot.candidates.sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind]);
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
  return {
    entries,
    scan(text: string, folded: string): NameMatch[] {
      if (names.size === 0 || text.length === 0) return [];
      const found: NameMatch[] = [];
      for (const hit of findWords(trie, folded)) {
        const { start, end, value: slot } = hit;
        const written = text.slice(start, end);
        const writtenFolded = folded.slice(start, end);
        const candidates = slot.candidates.filter((c) => fitsAnyForm(c, written, writtenFolded));
        if (candidates.length > 0) found.push({ start, end, candidates });
      }
      return leftmostLongest(found);
    },
  };
}
