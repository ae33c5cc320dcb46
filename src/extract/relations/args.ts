import type { EntityType } from '../../ontology';
import type { SentenceMention } from '../claims';
import { countWords, foldPattern } from '../claims';
import type { Discourse, SentenceContext } from './context';
import type { ArgStrategy, RelationLexicon } from './lexicon';
import { sameShape, STRATEGY_KEYS } from './lexicon';

/** A span of the sentence (sentence-relative offsets). */
export interface Span {
  start: number;
  end: number;
}

/** What an argument search starts from. */
export interface Anchors {
  trigger: Span;
  theme?: Span;
  object?: Span;
}

/** Default reach of an argument search, in characters. */
const DEFAULT_MAX_CHARS = 140;
/** How far back the preposition governing a mention is looked for. */
const PREP_LOOKBACK = 30;
const stopCache = new Map<string, RegExp>();
/** Lexicon patterns (cues, `requireAfter`) compiled once per pattern: argument searches run for every trigger of every sentence. */
const patternCache = new Map<string, RegExp>();
/** Folded preposition lists of the strategies, by their source list. */
const prepsCache = new Map<string, string[]>();

/** The lexicon pattern `pattern`, folded and compiled (no flags), from the cache. */
function patternRe(pattern: string): RegExp {
  let re = patternCache.get(pattern);
  if (!re) {
    re = new RegExp(foldPattern(pattern));
    patternCache.set(pattern, re);
  }
  return re;
}

/** The same lists by identity: lexicon strategies keep their arrays, so most calls build no key. */
const prepsByList = new WeakMap<readonly string[], string[]>();
const stopByList = new WeakMap<readonly string[], RegExp>();
/** What a right search without `preps` looks for: no preposition. */
const NO_PREPOSITION: readonly string[] = [''];

function foldedPreps(preps: readonly string[]): string[] {
  let folded = prepsByList.get(preps);
  if (folded) return folded;
  const key = preps.join('\u0001');
  folded = prepsCache.get(key);
  if (!folded) {
    folded = preps.map(foldPattern);
    prepsCache.set(key, folded);
  }
  prepsByList.set(preps, folded);
  return folded;
}

/** True when `text` ends with `suffix` and the character before it (if any) matches `boundary`. */
function endsWithWord(text: string, suffix: string, boundary: RegExp): boolean {
  if (!text.endsWith(suffix)) return false;
  const at = text.length - suffix.length;
  return at === 0 || boundary.test(text[at - 1]);
}
const SPACE_CHAR_RE = /\s/;

function stopRe(patterns: readonly string[] | undefined): RegExp | undefined {
  if (!patterns?.length) return undefined;
  let re = stopByList.get(patterns);
  if (re) return re;
  const key = patterns.join('\u0001');
  re = stopCache.get(key);
  if (!re) {
    re = new RegExp(patterns.map(foldPattern).join('|'));
    stopCache.set(key, re);
  }
  stopByList.set(patterns, re);
  return re;
}

/** Residual word counts by lexicon and snippet; emptied past RESIDUAL_CACHE_MAX snippets to bound memory over any corpus. */
const residualCache = new WeakMap<RelationLexicon, Map<string, number>>();
const RESIDUAL_CACHE_MAX = 4096;

/** Words of a folded snippet left once fillers, place heads and punctuation are removed. */
export function residualWords(snippet: string, lex: RelationLexicon): number {
  // The same gaps come back for every frame and strategy searching from one anchor: count each once.
  let counts = residualCache.get(lex);
  if (!counts) {
    counts = new Map();
    residualCache.set(lex, counts);
  }
  let count = counts.get(snippet);
  if (count === undefined) {
    count = countResidualWords(snippet, lex);
    if (counts.size >= RESIDUAL_CACHE_MAX) counts.clear();
    counts.set(snippet, count);
  }
  return count;
}

function countResidualWords(snippet: string, lex: RelationLexicon): number {
  const stripped = snippet.replace(lex.placeHeadRe, ' ').replace(lex.fillerRe, ' ').replace(/[«»"(),:]/g, ' ');
  return countWords(stripped);
}

/** Words right before a leader that name their government, not the person ("le régime de Kim Jong Un", "l'administration de X"). */
const GOVERNMENT_OF_RE = /(?:regime|gouvernement|administration|pouvoir|camp)\s+(?:de|du|d')\s*$/;
/** How far back the government noun is looked for, in characters. */
const GOVERNMENT_LOOKBACK = 30;

/**
 * A head of state stands for the state where only a state fits ("Poutine a envoyé des troupes");
 * as an object only when the text names their government ("au régime de Kim Jong Un").
 */
function asActor(ctx: SentenceContext, m: SentenceMention, types: readonly EntityType[]): SentenceMention {
  if (m.type !== 'Person' || types.includes('Person') || !types.includes('Country')) return m;
  // The government noun is read only for a person who leads a state: the lookups are cheap, the pattern is not.
  const governing = ctx.ledByGovernment?.(m.entityId);
  const governed = governing !== undefined && GOVERNMENT_OF_RE.test(ctx.folded.slice(Math.max(0, m.start - GOVERNMENT_LOOKBACK), m.start));
  const country = ctx.ledBy(m.entityId) ?? (governed ? governing : undefined);
  return country ? { ...m, entityId: country.entityId, label: country.label, type: 'Country' } : m;
}

function typeFits(m: SentenceMention, types: readonly EntityType[], strategy: ArgStrategy): boolean {
  if (!types.includes(m.type)) return false;
  if (strategy.types && !strategy.types.includes(m.type)) return false;
  return true;
}

/** A demonym the strategy refuses: adjectives unless `allowDemonym`; capitalised nouns ("les Nord-Coréens") also pass with `allowDemonymNoun`. */
function refusedDemonym(m: SentenceMention, strategy: ArgStrategy): boolean {
  if (!m.demonym || strategy.allowDemonym) return false;
  return !(strategy.allowDemonymNoun && /^[A-ZÀ-Ý]/.test(m.surface));
}

const withinCache = new Map<string, RegExp>();
/** True when the strategy's `within` pattern (if any) occurs in the folded text [from, to) between the mention and the anchor. */
function withinOk(strategy: ArgStrategy, folded: string, from: number, to: number, lex: RelationLexicon): boolean {
  if (!strategy.within) return true;
  let re = withinCache.get(strategy.within);
  if (!re) {
    re = new RegExp(foldPattern(strategy.within));
    withinCache.set(strategy.within, re);
  }
  return testSlice(re, folded, from, to, lex);
}

/**
 * True when the folded text [from, to) (before a mention) ends with `prep` and only fillers plus `gapWords` words
 * follow it: the last match of `(?:^|[^a-z0-9œæ])PREP(?![a-z0-9œæ])` (no guard before a punctuation "preposition",
 * an apposition comma) scanning the slice as a global RegExp would, then the residual words after it.
 */
function endsWithPrep(folded: string, from: number, to: number, prep: string, gapWords: number, lex: RelationLexicon): boolean {
  if (prep === '') return residualIn(folded, from, to, lex) <= gapWords;
  const last = lastPrepEnd(folded, from, to, prep);
  if (last < 0) return false;
  return residualIn(folded, from + last, to, lex) <= gapWords;
}

/** True when the code unit is a word character of folded text ([a-z0-9œæ]). */
function isWordCode(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x153 || code === 0xe6;
}

/** A preposition holding a letter needs a word boundary before it (prepReCache keeps the answers by preposition). */
function guardedPrep(prep: string): boolean {
  let guarded = prepGuarded.get(prep);
  if (guarded === undefined) {
    guarded = /[a-z]/.test(prep);
    prepGuarded.set(prep, guarded);
  }
  return guarded;
}
const prepGuarded = new Map<string, boolean>();

/**
 * End (relative to `from`) of the last match a global scan of the slice [from, to) finds for the word-guarded literal
 * `prep`, or -1: the scan goes left to right, each match consuming the character before the preposition (the guard)
 * and resuming after it, so an occurrence whose guard the previous match took is skipped, as the RegExp skips it.
 */
export function lastPrepEnd(folded: string, from: number, to: number, prep: string): number {
  const guarded = guardedPrep(prep);
  const length = prep.length;
  let lastIndex = 0;
  let last = -1;
  for (let i = folded.indexOf(prep, from); i >= 0 && i + length <= to; i = folded.indexOf(prep, i + 1)) {
    const at = i - from;
    if (i + length < to && isWordCode(folded.charCodeAt(i + length))) continue;
    if (guarded) {
      // `^` opens a match only at the start of the scan; else the character before must be a non-word one not yet consumed.
      const startOk = at === 0 ? lastIndex === 0 : at - 1 >= lastIndex && !isWordCode(folded.charCodeAt(i - 1));
      if (!startOk) continue;
    } else if (at < lastIndex) continue;
    lastIndex = at + length;
    last = lastIndex;
  }
  return last;
}

/** Answers about slices of the sentence read last (its folded text with one lexicon): they depend on nothing else. */
interface SliceAnswers {
  folded: string;
  lex: RelationLexicon;
  /** Key of a slice: from * width + to. */
  width: number;
  /** Whether a stateless RegExp matches a slice, by RegExp. */
  tests: Map<RegExp, Map<number, boolean>>;
  /** residualWords of a slice. */
  residual: Map<number, number>;
}
let sliceAnswers: SliceAnswers | undefined;

function answersFor(folded: string, lex: RelationLexicon): SliceAnswers {
  if (sliceAnswers === undefined || sliceAnswers.folded !== folded || sliceAnswers.lex !== lex) {
    sliceAnswers = { folded, lex, width: folded.length + 1, tests: new Map(), residual: new Map() };
  }
  return sliceAnswers;
}

/** True when [from, to) is a plain slice of `folded` (no negative or past-the-end offsets): its key names it alone. */
function plainSlice(folded: string, from: number, to: number): boolean {
  return from >= 0 && to >= from && to <= folded.length;
}

/** `re.test(folded.slice(from, to))`, kept per sentence for a RegExp without state (neither global nor sticky). */
function testSlice(re: RegExp, folded: string, from: number, to: number, lex: RelationLexicon): boolean {
  if (re.global || re.sticky || !plainSlice(folded, from, to)) return re.test(folded.slice(from, to));
  const answers = answersFor(folded, lex);
  let byRe = answers.tests.get(re);
  if (!byRe) {
    byRe = new Map();
    answers.tests.set(re, byRe);
  }
  const key = from * answers.width + to;
  let hit = byRe.get(key);
  if (hit === undefined) {
    hit = re.test(folded.slice(from, to));
    byRe.set(key, hit);
  }
  return hit;
}

/** residualWords of folded.slice(from, to), kept per sentence. */
function residualIn(folded: string, from: number, to: number, lex: RelationLexicon): number {
  if (!plainSlice(folded, from, to)) return residualWords(folded.slice(from, to), lex);
  const answers = answersFor(folded, lex);
  const key = from * answers.width + to;
  let count = answers.residual.get(key);
  if (count === undefined) {
    count = residualWords(folded.slice(from, to), lex);
    answers.residual.set(key, count);
  }
  return count;
}

/** Lists already read in the sentence read last, by the mention they were widened from and the types asked. */
let coordinatedLists: { mentions: readonly SentenceMention[]; lex: RelationLexicon; byFound: Map<SentenceMention, Map<string, readonly SentenceMention[]>> } | undefined;
/** Cache keys of the type lists asked (mostly the signature lists, the same arrays each time). */
const typesKeys = new WeakMap<readonly EntityType[], string>();

/**
 * Widens a mention to the list it is coordinated in ("les États-Unis, le Japon et la Corée du Sud", "États-Unis-Corée du Sud").
 * Many frames and strategies widen the same mention of a sentence: a list depends only on the sentence (its mention
 * list, folded text) and the lexicon besides the types asked, and is kept for the sentence. Read only.
 */
export function coordinated(ctx: SentenceContext, found: SentenceMention, types: readonly EntityType[], lex: RelationLexicon): readonly SentenceMention[] {
  if (coordinatedLists === undefined || coordinatedLists.mentions !== ctx.mentions || coordinatedLists.lex !== lex) {
    coordinatedLists = { mentions: ctx.mentions, lex, byFound: new Map() };
  }
  let byTypes = coordinatedLists.byFound.get(found);
  if (!byTypes) {
    byTypes = new Map();
    coordinatedLists.byFound.set(found, byTypes);
  }
  let key = typesKeys.get(types);
  if (key === undefined) {
    key = types.join('\u0001');
    typesKeys.set(types, key);
  }
  let group = byTypes.get(key);
  if (!group) {
    group = readCoordination(ctx, found, types, lex);
    byTypes.set(key, group);
  }
  return group;
}

/** Separators read in the sentence read last, by its mentions (demonyms are blanked in a gap) and lexicon. */
let separators: { allMentions: readonly SentenceMention[]; folded: string; lex: RelationLexicon; width: number; byGap: Map<number, string | null> } | undefined;

/** The coordinator between two mentions of a list ("," "et" "ainsi que" …), or undefined; kept per sentence. */
function separatorOf(ctx: SentenceContext, a: SentenceMention, b: SentenceMention, lex: RelationLexicon): string | undefined {
  if (!plainSlice(ctx.folded, a.end, b.start)) return readSeparator(ctx, a, b, lex);
  if (separators === undefined || separators.allMentions !== ctx.allMentions || separators.folded !== ctx.folded || separators.lex !== lex) {
    separators = { allMentions: ctx.allMentions, folded: ctx.folded, lex, width: ctx.folded.length + 1, byGap: new Map() };
  }
  // The gap and whether a person closes it (their title is left out) decide.
  const key = (a.end * separators.width + b.start) * 2 + (b.type === 'Person' ? 1 : 0);
  let sep = separators.byGap.get(key);
  if (sep === undefined) {
    sep = readSeparator(ctx, a, b, lex) ?? null;
    separators.byGap.set(key, sep);
  }
  return sep ?? undefined;
}

/** The prepositions readSeparator drops from a gap between two listed names. */
const SEPARATOR_PREPS: readonly string[] = ['a', 'au', 'aux', 'en', 'de', 'du', 'des', "d'", 'avec', 'contre', 'pour', 'par'];
/** Their words, as the gap's word scan cuts them (without the elision mark). */
const SEPARATOR_PREP_WORDS: ReadonlySet<string> = new Set(SEPARATOR_PREPS.map((prep) => prep.replace(/'$/, '')));
const SEPARATOR_PREP_RE = new RegExp(`(?:^|\\s)(?:${SEPARATOR_PREPS.join('|')})(?=\\s|$)`, 'g');

/**
 * False when a word of the gap is neither a filler's, a coordinator's nor a dropped preposition's word. The
 * replacements below remove whole words (their patterns are word-guarded or space-bounded) and never join two, so
 * such a word would stay in the separator, which then is no coordinator.
 */
function mayCoordinate(raw: string, lex: RelationLexicon): boolean {
  let start = -1;
  for (let i = 0; i <= raw.length; i++) {
    const word = i < raw.length && isWordCode(raw.charCodeAt(i));
    if (word && start < 0) start = i;
    else if (!word && start >= 0) {
      const run = raw.slice(start, i);
      if (!lex.separatorWords.has(run) && !SEPARATOR_PREP_WORDS.has(run)) return false;
      start = -1;
    }
  }
  return true;
}

export function readSeparator(ctx: SentenceContext, a: SentenceMention, b: SentenceMention, lex: RelationLexicon): string | undefined {
  let raw = ctx.folded.slice(a.end, b.start);
  if (b.type === 'Person') {
    for (const d of ctx.allMentions) if (d.demonym && d.start >= a.end && d.end <= b.start) raw = raw.slice(0, d.start - a.end) + ' '.repeat(d.end - d.start) + raw.slice(d.end - a.end);
    // The title must end the trimmed gap as whole words: the same test as /(?:^|\s)TITLE\s*$/ on it.
    const trimmed = raw.trimEnd();
    const title = lex.titles.find((t) => endsWithWord(trimmed, t.folded, SPACE_CHAR_RE));
    if (title) raw = trimmed.slice(0, trimmed.length - title.folded.length);
  }
  if (!mayCoordinate(raw, lex)) return undefined;
  const between = raw
    .replace(lex.fillerRe, ' ')
    .replace(SEPARATOR_PREP_RE, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const normal = between.replace(/\s*,\s*/g, ', ').replace(/, $/, ',').trim();
  return lex.coordinators.has(normal) ? normal : undefined;
}

function readCoordination(ctx: SentenceContext, found: SentenceMention, types: readonly EntityType[], lex: RelationLexicon): SentenceMention[] {
  // "Poutine et le dirigeant nord-coréen Kim Jong Un": a demonym inside a person's title does not break a list of people.
  const list = found.type === 'Person' ? ctx.mentions.filter((m) => !m.demonym) : ctx.mentions;
  const at = list.indexOf(found);
  if (at < 0) return [found];
  const separator = (a: SentenceMention, b: SentenceMention): string | undefined => separatorOf(ctx, a, b, lex);
  const fits = (m: SentenceMention) => types.includes(m.type) && m.demonym === found.demonym;
  const closes = (sep: string) => sep !== ',' && sep !== '/';
  // Rightwards: commas only count when the list is closed by "et", "ou", "ainsi que" or a hyphen chain.
  const right: SentenceMention[] = [];
  let closed = false;
  for (let i = at + 1, prev = found; i < list.length; i++) {
    const sep = separator(prev, list[i]);
    if (!sep || !fits(list[i])) break;
    right.push(list[i]);
    prev = list[i];
    if (closes(sep)) {
      closed = true;
      if (sep !== '-') break;
    }
  }
  const rightTaken = closed ? right : [];
  // Leftwards: the mention found must be the last of a list ("X, Y et Z ont signé").
  const left: SentenceMention[] = [];
  for (let i = at - 1, next = found, first = true; i >= 0; i--) {
    const sep = separator(list[i], next);
    if (!sep || !fits(list[i])) break;
    if (first && !closes(sep)) break;
    first = false;
    left.unshift(list[i]);
    next = list[i];
  }
  const group = [...left, found, ...rightTaken];
  const seen = new Set<string>();
  return group.filter((m) => !seen.has(m.entityId) && seen.add(m.entityId));
}

/** A first occurrence not looked for yet. */
const UNKNOWN = -2;

/** What a right search reads from its strategy, prepared once per strategy object. */
interface RightSearch {
  max: number;
  stop: RegExp | undefined;
  preps: readonly string[];
  gap: number;
  requireAfter: RegExp | undefined;
}
const rightSearches = new WeakMap<ArgStrategy, RightSearch>();

function rightSearchOf(strategy: ArgStrategy): RightSearch {
  let search = rightSearches.get(strategy);
  if (!search) {
    search = {
      max: strategy.maxChars ?? DEFAULT_MAX_CHARS,
      stop: stopRe(strategy.stop),
      preps: foldedPreps(strategy.preps ?? NO_PREPOSITION),
      gap: strategy.gapWords ?? 0,
      requireAfter: strategy.requireAfter ? patternRe(strategy.requireAfter) : undefined,
    };
    rightSearches.set(strategy, search);
  }
  return search;
}

/** Index of the first mention (in text order) that starts at or after `from`. */
function firstStartingFrom(mentions: readonly SentenceMention[], from: number): number {
  let low = 0;
  let high = mentions.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (mentions[mid].start < from) low = mid + 1;
    else high = mid;
  }
  return low;
}

function searchRight(ctx: SentenceContext, from: number, strategy: ArgStrategy, types: readonly EntityType[], lex: RelationLexicon): SentenceMention | undefined {
  const { max, stop, preps, gap, requireAfter } = rightSearchOf(strategy);
  const folded = ctx.folded;
  const mentions = ctx.mentions;
  // Where each preposition first occurs from the anchor on: one that only occurs past a mention cannot lead to it.
  let firstAt: number[] | undefined;
  // The search stops at the first mention past a clause or strategy stop. The first mention that fits is looked for
  // first, and only then whether a stop comes at or before it: most searches find none, and read no stop at all.
  const first = firstStartingFrom(mentions, from);
  let found: SentenceMention | undefined;
  let foundAt = -1;
  search: for (let i = first; i < mentions.length; i++) {
    const raw = mentions[i];
    if (raw.start - from > max) break;
    // asActor keeps the offsets, and only a person may act for a state.
    const m = raw.type === 'Person' ? asActor(ctx, raw, types) : raw;
    if (!typeFits(m, types, strategy) || refusedDemonym(m, strategy) || !withinOk(strategy, folded, from, m.start, lex)) continue;
    if (requireAfter && !requireAfter.test(folded.slice(m.end))) continue;
    const gapHere = m.demonym ? Math.max(gap, 1) : gap;
    firstAt ??= new Array<number>(preps.length).fill(UNKNOWN);
    for (let k = 0; k < preps.length; k++) {
      let at = firstAt[k];
      if (at === UNKNOWN) at = firstAt[k] = preps[k] === '' ? from : folded.indexOf(preps[k], from);
      if (at < 0 || at + preps[k].length > m.start) continue;
      if (endsWithPrep(folded, from, m.start, preps[k], gapHere, lex)) {
        found = m;
        foundAt = i;
        break search;
      }
    }
  }
  if (!found) return undefined;
  for (let i = first; i <= foundAt; i++) {
    const start = mentions[i].start;
    if ((stop && testSlice(stop, folded, from, start, lex)) || testSlice(lex.clauseStopRe, folded, from, start, lex)) return undefined;
  }
  return found;
}
function searchLeft(ctx: SentenceContext, to: number, strategy: ArgStrategy, types: readonly EntityType[], lex: RelationLexicon): SentenceMention | undefined {
  const max = strategy.maxChars ?? DEFAULT_MAX_CHARS;
  const stop = stopRe(strategy.stop);
  const preps = strategy.preps && foldedPreps(strategy.preps);
  const folded = ctx.folded;
  const mentions = ctx.mentions;
  // As searchRight: the first mention that fits (from the anchor leftwards), then whether a stop lies before it.
  let found: SentenceMention | undefined;
  let foundAt = -1;
  for (let i = mentions.length - 1; i >= 0; i--) {
    const raw = mentions[i];
    if (raw.end > to) continue;
    if (to - raw.end > max) break;
    const m = asActor(ctx, raw, types);
    if (!typeFits(m, types, strategy) || refusedDemonym(m, strategy) || !withinOk(strategy, folded, m.end, to, lex)) continue;
    const leadStart = Math.max(0, m.start - PREP_LOOKBACK);
    // "le régime de Pyongyang a décidé": the state after a government noun is the actor, not a complement.
    if (strategy.bare && testSlice(lex.prepEndRe, folded, leadStart, m.start, lex) && !testSlice(lex.governmentEndRe, folded, leadStart, m.start, lex)) continue;
    if (preps && !preps.some((p) => endsWithPrep(folded, leadStart, m.start, p, strategy.gapWords ?? 0, lex))) continue;
    found = m;
    foundAt = i;
    break;
  }
  if (!found) return undefined;
  for (let i = mentions.length - 1; i >= foundAt; i--) {
    const end = mentions[i].end;
    if (end > to) continue;
    if ((stop && testSlice(stop, folded, end, to, lex)) || testSlice(lex.clauseStopRe, folded, end, to, lex)) return undefined;
  }
  return found;
}

/** Troop nouns coordinated with the theme ("6 000 sapeurs et constructeurs militaires nord-coréens") are not words between it and its demonym. */
const coordinatedTroopsCache = new WeakMap<RelationLexicon, RegExp>();
function withoutCoordinatedTroops(between: string, lex: RelationLexicon): string {
  let re = coordinatedTroopsCache.get(lex);
  if (!re) {
    re = new RegExp(`(?:,|\\bet|\\bou)\\s+(?:des\\s+|de\\s+)?${lex.troopRe.source}(?:\\s+militaires)?`, 'g');
    coordinatedTroopsCache.set(lex, re);
  }
  return between.replace(re, ' ');
}

/** "de", "du", "de la", "de l'" right before a mention: it is the owner of the noun before. */
const GENITIVE_RE = /^\s*(?:de|du|des|d')\s*(?:la\s+|l')?$/;

function demonymAfter(ctx: SentenceContext, anchor: Span | undefined, strategy: ArgStrategy, types: readonly EntityType[], lex: RelationLexicon): SentenceMention | undefined {
  if (!anchor || !types.includes('Country')) return undefined;
  const gap = strategy.gapWords ?? 2;
  for (const m of ctx.allMentions) {
    // A descriptive mention that holds the anchor ("troupes nord-coréennes" read as the army) names its state.
    if (m.start <= anchor.start && anchor.end <= m.end && m.type !== 'Country' && /^[a-zà-ÿ]/.test(m.surface)) {
      const country = ctx.countryOf(m.entityId);
      if (country) return { ...m, entityId: country.entityId, label: country.label, type: 'Country', demonym: true };
    }
    if (m.start < anchor.end) continue;
    // "11 000 militaires de l'Armée populaire de Corée": an armed force (or other state body) after "de" names its state.
    if (m.type === 'Organization' && types.includes('Country') && GENITIVE_RE.test(ctx.folded.slice(anchor.end, m.start))) {
      const country = ctx.countryOf(m.entityId);
      if (country) return { ...m, entityId: country.entityId, label: country.label, type: 'Country', demonym: true };
    }
    if (!types.includes(m.type)) continue;
    const between = ctx.folded.slice(anchor.end, m.start);
    if (!m.demonym) {
      if (strategy.genitive && GENITIVE_RE.test(between)) return m;
      return undefined;
    }
    const reduced = withoutCoordinatedTroops(between, lex);
    if (/[,;.:()]/.test(reduced) || countWords(reduced.replace(/[«»"]/g, ' ')) > gap) return undefined;
    return m;
  }
  return undefined;
}

function nearest(ctx: SentenceContext, anchor: Span, strategy: ArgStrategy, types: readonly EntityType[]): SentenceMention | undefined {
  const max = strategy.maxChars ?? DEFAULT_MAX_CHARS;
  let best: SentenceMention | undefined;
  let bestDistance = Infinity;
  for (const m of ctx.mentions) {
    if (!typeFits(m, types, strategy) || m.demonym) continue;
    const distance = m.start >= anchor.end ? m.start - anchor.end : anchor.start - m.end;
    if (distance >= 0 && distance <= max && distance < bestDistance) {
      best = m;
      bestDistance = distance;
    }
  }
  return best;
}

/** A slot of the article's discourse an argument search consulted, with the value it found there. */
export interface DiscourseRead {
  slot: keyof Discourse;
  value: unknown;
}

/** Slots read since the last takeDiscourseReads(), in order (anaphors, the people named, the speaker). */
let discourseReads: DiscourseRead[] = [];
const NO_READS: readonly DiscourseRead[] = Object.freeze([]);

/**
 * The discourse slots argument searches consulted since the last call, with the values they found, and a fresh log.
 * A frame whose reading consulted no slot, or only slots that still hold the same content, would find the same
 * matches again (matchFrames reuses them when the sentence is read again after its discourse update).
 */
export function takeDiscourseReads(): readonly DiscourseRead[] {
  if (discourseReads.length === 0) return NO_READS;
  const reads = discourseReads;
  discourseReads = [];
  return reads;
}

/**
 * A mention recalled from the discourse, standing at [start, end): the fields of a sentence mention in their order
 * (what a spread of it gave), built one way whatever object the discourse held.
 */
function recalledAs(m: SentenceMention, start: number, end: number, recalled: string | undefined): SentenceMention {
  return { entityId: m.entityId, type: m.type, label: m.label, start, end, surface: m.surface, demonym: true, recalled };
}

/** An anaphor near the trigger ("ces troupes", "d'entre eux", "cette région") takes what the article named last. */
function fromDiscourse(ctx: SentenceContext, anchor: Span, strategy: ArgStrategy, types: readonly EntityType[]): SentenceMention | undefined {
  const remembered = strategy.slot ? ctx.discourse[strategy.slot] : undefined;
  if (strategy.slot) discourseReads.push({ slot: strategy.slot, value: remembered });
  if (!remembered || !types.includes(remembered.type)) return undefined;
  if (strategy.unnamedAfter && ctx.mentions.some((m) => m.start >= anchor.end && types.includes(m.type))) return undefined;
  if (strategy.cue) {
    const max = strategy.maxChars ?? DEFAULT_MAX_CHARS;
    const around = ctx.folded.slice(Math.max(0, anchor.start - max), Math.min(ctx.folded.length, anchor.end + max));
    if (!patternRe(strategy.cue).test(around)) return undefined;
  }
  return recalledAs(remembered, anchor.start, anchor.end, strategy.slot);
}

/**
 * "les deux dirigeants ont signé": a phrase for a pair of people stands for the last two distinct people the
 * article named, this sentence's before the phrase included. Nothing when fewer than two were named.
 */
function bothNamed(ctx: SentenceContext, anchor: Span, strategy: ArgStrategy, types: readonly EntityType[]): SentenceMention[] {
  discourseReads.push({ slot: 'people', value: ctx.discourse.people });
  if (!strategy.cue || !types.includes('Person')) return [];
  const max = strategy.maxChars ?? DEFAULT_MAX_CHARS;
  const from = Math.max(0, anchor.start - max);
  const cue = patternRe(strategy.cue).exec(ctx.folded.slice(from, Math.min(ctx.folded.length, anchor.end + max)));
  if (!cue) return [];
  const cueStart = from + cue.index;
  const people = [...(ctx.discourse.people ?? []), ...ctx.mentions.filter((m) => m.type === 'Person' && m.end <= cueStart)];
  const pair: SentenceMention[] = [];
  for (let i = people.length - 1; i >= 0 && pair.length < 2; i--) {
    if (!pair.some((p) => p.entityId === people[i].entityId)) pair.push(people[i]);
  }
  if (pair.length < 2) return [];
  return pair.reverse().map((p) => recalledAs(p, cueStart, cueStart + cue[0].length, 'people'));
}

/** Default reach, before the anchor, of the phrase that stands for the speaker's state. */
const SPEAKER_STATE_REACH = 60;

/** "Choe a déclaré que son pays soutiendrait …": the state of the person named before the phrase (knowledge base `country`). */
function speakerState(ctx: SentenceContext, anchor: Span, strategy: ArgStrategy): SentenceMention | undefined {
  discourseReads.push({ slot: 'person', value: ctx.discourse.person });
  if (!strategy.cue) return undefined;
  const from = Math.max(0, anchor.start - (strategy.maxChars ?? SPEAKER_STATE_REACH));
  const cue = patternRe(strategy.cue).exec(ctx.folded.slice(from, anchor.start));
  if (!cue) return undefined;
  const cueStart = from + cue.index;
  const person = [...ctx.mentions].reverse().find((m) => m.type === 'Person' && m.end <= cueStart) ?? ctx.discourse.person;
  const country = person ? (ctx.countryOf(person.entityId) ?? ctx.ledBy(person.entityId)) : undefined;
  if (!person || !country) return undefined;
  return { ...person, entityId: country.entityId, label: country.label, type: 'Country', start: cueStart, end: cueStart + cue[0].length, demonym: true };
}

function anchorOf(strategy: ArgStrategy, anchors: Anchors): Span | undefined {
  if (strategy.anchor === 'theme') return anchors.theme;
  if (strategy.anchor === 'object') return anchors.object;
  return anchors.trigger;
}

/** Nobody acts for a state in an object search. */
const noLeader = (): undefined => undefined;

/** The sentence read last as object searches see it (the fields of SentenceContext, named: a spread of a context was a visible cost). */
let lastObjectContext: { ctx: SentenceContext; objectCtx: SentenceContext } | undefined;
function objectContext(ctx: SentenceContext): SentenceContext {
  let objectCtx = lastObjectContext?.ctx === ctx ? lastObjectContext.objectCtx : undefined;
  if (!objectCtx) {
    objectCtx = {
      article: ctx.article,
      sentence: ctx.sentence,
      text: ctx.text,
      folded: ctx.folded,
      mentions: ctx.mentions,
      allMentions: ctx.allMentions,
      countryOf: ctx.countryOf,
      ledBy: noLeader,
      ledByGovernment: ctx.ledBy,
      discourse: ctx.discourse,
    };
    lastObjectContext = { ctx, objectCtx };
  }
  return objectCtx;
}

/** Runs one argument's strategies in order; the first that finds a mention of an allowed type gives it, widened to its coordination. */
export function findArgument(ctx: SentenceContext, strategies: readonly ArgStrategy[], types: readonly EntityType[], anchors: Anchors, lex: RelationLexicon, role: 'subject' | 'object' = 'subject'): readonly SentenceMention[] {
  // Only an agent acts for its state: "la visite de Poutine à Pyongyang" does not make Russia a destination.
  if (role === 'object') ctx = objectContext(ctx);
  for (const strategy of strategies) {
    const anchor = anchorOf(strategy, anchors);
    if (!anchor) continue;
    let found: SentenceMention | undefined;
    if (strategy.kind === 'right') found = searchRight(ctx, anchor.end, strategy, types, lex);
    else if (strategy.kind === 'left') found = searchLeft(ctx, anchor.start, strategy, types, lex);
    else if (strategy.kind === 'demonymOf') found = demonymAfter(ctx, anchor, strategy, types, lex);
    else if (strategy.kind === 'nearest') found = nearest(ctx, anchor, strategy, types);
    else if (strategy.kind === 'discourse') found = fromDiscourse(ctx, anchor, strategy, types);
    else if (strategy.kind === 'speakerState' && types.includes('Country')) found = speakerState(ctx, anchor, strategy);
    else if (strategy.kind === 'bothNamed') {
      const pair = bothNamed(ctx, anchor, strategy, types);
      if (pair.length) return pair;
    }
    if (found) return found.demonym ? [found] : coordinated(ctx, found, types, lex);
  }
  return [];
}

/** The two searches of a `leftWith` strategy ("X … avec Y"), by reach: made once, of the lexicon strategies' shape. */
const leftWithByReach = new Map<number, { left: ArgStrategy; right: ArgStrategy }>();
function leftWithStrategies(max: number): { left: ArgStrategy; right: ArgStrategy } {
  let pair = leftWithByReach.get(max);
  if (!pair) {
    pair = {
      left: sameShape<ArgStrategy>({ kind: 'left', bare: true, maxChars: max }, STRATEGY_KEYS),
      right: sameShape<ArgStrategy>({ kind: 'right', preps: ['avec'], gapWords: 2, maxChars: max }, STRATEGY_KEYS),
    };
    leftWithByReach.set(max, pair);
  }
  return pair;
}

/** Runs the strategies of a symmetric frame; returns the entities it relates pairwise (at least two), or none. */
export function findPair(ctx: SentenceContext, strategies: readonly ArgStrategy[], types: readonly EntityType[], trigger: Span, lex: RelationLexicon): readonly SentenceMention[] {
  for (const strategy of strategies) {
    const max = strategy.maxChars ?? DEFAULT_MAX_CHARS;
    let group: readonly SentenceMention[] = [];
    if (strategy.kind === 'between') {
      const window = ctx.folded.slice(trigger.end, trigger.end + max);
      const at = /(?:^|[^a-z])entre\s/.exec(window);
      if (at) {
        const from = trigger.end + at.index + at[0].length;
        const first = ctx.mentions.find((m) => m.start >= from && typeFits(m, types, strategy) && !m.demonym && residualWords(ctx.folded.slice(from, m.start), lex) === 0);
        if (first) group = coordinated(ctx, first, types, lex);
      }
    } else if (strategy.kind === 'group') {
      const gap = strategy.gapWords ?? 0;
      if (strategy.side === 'left') {
        const first = [...ctx.mentions].reverse().find((m) => m.end <= trigger.start && trigger.start - m.end <= max);
        // Leaders are looked for as people, then stand for their states.
        const lookFor: readonly EntityType[] = strategy.leadersAsStates ? [...types, 'Person'] : types;
        if (first && typeFits(first, lookFor, strategy) && residualWords(ctx.folded.slice(first.end, trigger.start), lex) <= gap) {
          group = coordinated(ctx, first, lookFor, lex).map((m) => (strategy.leadersAsStates ? asActor(ctx, m, types) : m)).filter((m) => types.includes(m.type));
        }
      } else {
        const first = ctx.mentions.find((m) => m.start >= trigger.end && m.start - trigger.end <= max && typeFits(m, types, strategy) && !m.demonym);
        if (first && residualWords(ctx.folded.slice(trigger.end, first.start), lex) <= gap) group = coordinated(ctx, first, types, lex);
      }
    } else if (strategy.kind === 'leftWith') {
      const { left, right } = leftWithStrategies(max);
      const subject = searchLeft(ctx, trigger.start, left, types, lex);
      const object = searchRight(ctx, trigger.end, right, types, lex);
      if (subject && object) group = [subject, object];
    }
    const distinct = [...new Map(group.map((m) => [m.entityId, m])).values()];
    if (distinct.length >= 2) return distinct;
  }
  return [];
}
