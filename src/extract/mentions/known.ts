/**
 * Resolution of gazetteer matches: each match becomes a mention of one known
 * entity. A capital that is both a Place of the gazetteer and a Country's
 * metonym is the Place after a locative word ("à Pyongyang", "la ville de
 * Moscou", "visité Moscou") and the Country everywhere else ("Moscou a
 * fourni", "selon Séoul", "entre Moscou et Pyongyang"), including after a
 * preposition that follows a transfer word ("fournir à Pyongyang").
 */
import type { ArticleContext, SentenceContext } from './context';
import { claim, setWeakName, strongCandidates, tokenRange } from './context';
import { inflectDemonym, type NameCandidate, type NameKind, type NameMatch } from './matcher';
import { foldKey } from './fold';
import type { MentionRules } from './rules';
import { isCommaGap, isPlainGap, matchPhraseAt, matchPhraseEndingAt, type Token } from './tokens';

/** Mention `via` for each kind of gazetteer name. */
const VIA: Record<NameKind, string> = { label: 'name', alias: 'alias', demonym: 'demonym', metonym: 'metonym', weak: 'coreference' };
const CLAUSE_BREAK = /[,;:.!?()«»"]/;
const VERSION_AFTER = /^[-\u2010\u2011]\p{N}/u;
const STARTS_LOWER = /^\p{Ll}/u;

/** True when a word within `window` tokens before token `at` (same clause) begins with a recipient stem. */
export function recipientBefore(tokens: readonly Token[], at: number, rules: MentionRules): boolean {
  const window = rules.lexicons.placecues.recipientWindow;
  for (let i = at - 1; i >= 0 && i >= at - window; i--) {
    // "vendredi" begins like "vend(re)": a day or month is never the transfer word.
    if (!rules.calendarWords.has(tokens[i].key) && rules.recipientStems.some((stem) => tokens[i].key.startsWith(stem))) return true;
    if (CLAUSE_BREAK.test(tokens[i].gap)) break;
  }
  return false;
}

/**
 * True when "à" at token `at` follows a noun of reaction, directly or through
 * a coordination in the same clause ("inquiétude à Séoul et à Washington"):
 * the capital after it is its government.
 */
function reactionBefore(tokens: readonly Token[], at: number, rules: MentionRules): boolean {
  const window = rules.lexicons.placecues.recipientWindow;
  for (let i = at - 1; i >= 0 && i >= at - window; i--) {
    if (rules.actorNounsBefore.has(tokens[i].key)) return rules.simplePrepositions.has(tokens[i + 1].key) && isPlainGap(tokens[i + 1].gap);
    if (CLAUSE_BREAK.test(tokens[i + 1].gap)) return false;
  }
  return false;
}

/**
 * True when the name starting at token `at` is used as a location: right
 * after a locative word or phrase, and not after a preposition marking a recipient.
 */
export function isLocative(tokens: readonly Token[], at: number, rules: MentionRules): boolean {
  if (at === 0 || !isPlainGap(tokens[at].gap)) return false;
  const cueLength = matchPhraseEndingAt(tokens, at - 1, rules.locativeBefore);
  if (cueLength === 0) return false;
  const cueStart = at - cueLength;
  if (cueLength === 1 && rules.simplePrepositions.has(tokens[cueStart].key)) {
    if (reactionBefore(tokens, cueStart, rules)) return false;
    return !recipientBefore(tokens, cueStart, rules);
  }
  return true;
}

/** True when the name ending before token `after` opens a relative clause of which it is the subject ("Séoul, qui avait …"). */
function isRelativeSubject(tokens: readonly Token[], after: number, rules: MentionRules): boolean {
  const next = tokens[after];
  return next !== undefined && isCommaGap(next.gap) && rules.actorRelatives.has(next.key);
}

/**
 * True when a lower-case organisation head stands right before token `at`:
 * the place name there names a unit of that body ("le centre Asie de
 * l'Institut", "le bureau Europe"), not the place.
 */
function unitNameAt(tokens: readonly Token[], at: number, rules: MentionRules): boolean {
  if (at === 0 || !isPlainGap(tokens[at].gap) || /[-\u2010\u2011'’]/.test(tokens[at].gap)) return false;
  const length = matchPhraseEndingAt(tokens, at - 1, rules.orgHeads);
  return length > 0 && STARTS_LOWER.test(tokens[at - length].raw);
}

/** Longest reach back, in tokens, of a title that runs into a body's name ("chef d'" before "état-major …"). */
const TITLE_LOOKBACK = 3;

/**
 * True when a title phrase starts before token `at` and runs into the name
 * there: "le chef d'état-major russe" is a post (held by a person), not the
 * general staff; the title cue then reads the person's name after it.
 */
function titleRunsInto(tokens: readonly Token[], at: number, rules: MentionRules): boolean {
  for (let j = Math.max(0, at - TITLE_LOOKBACK); j < at; j++) {
    if (j + matchPhraseAt(tokens, j, rules.titles) > at) return true;
  }
  return false;
}

function choose(candidates: readonly NameCandidate[], tokens: readonly Token[], at: number, after: number, rules: MentionRules): NameCandidate {
  let metonym: NameCandidate | undefined;
  let place: NameCandidate | undefined;
  for (const c of candidates) {
    if (c.kind === 'metonym') metonym ??= c;
    else if (c.type === 'Place') place ??= c;
  }
  if (metonym && place) return isLocative(tokens, at, rules) && !isRelativeSubject(tokens, after, rules) ? place : metonym;
  return metonym ?? candidates[0];
}

const demonymCache = new WeakMap<MentionRules, Map<string, string[]>>();

/** Folded demonyms of a country, all inflections, longest first ("sud coreennes" before "sud coreen"). */
function demonymKeys(rules: MentionRules, countryId: string): string[] {
  let byCountry = demonymCache.get(rules);
  if (!byCountry) demonymCache.set(rules, (byCountry = new Map()));
  let keys = byCountry.get(countryId);
  if (!keys) {
    const demonyms = rules.matcher.entries.get(countryId)?.demonyms ?? [];
    keys = [...new Set(demonyms.flatMap((d) => inflectDemonym(d, rules.lexicons)).map(foldKey))].filter((k) => k.length > 0).sort((a, b) => b.length - a.length);
    byCountry.set(countryId, keys);
  }
  return keys;
}

/** Offset of `key` in `folded` as whole words (folded text has a space for every non-word unit), or -1. */
function wordAt(folded: string, key: string): number {
  for (let at = folded.indexOf(key); at >= 0; at = folded.indexOf(key, at + 1)) {
    const before = at === 0 || folded[at - 1] === ' ';
    const after = at + key.length === folded.length || folded[at + key.length] === ' ';
    if (before && after) return at;
  }
  return -1;
}

/** Where the demonym of `countryId` stands as whole words inside [start, end) of the article, if it does. */
export function demonymIn(ctx: ArticleContext, countryId: string, start: number, end: number): { start: number; end: number } | undefined {
  const folded = ctx.folded.slice(start, end);
  for (const key of demonymKeys(ctx.rules, countryId)) {
    const at = wordAt(folded, key);
    if (at >= 0) return { start: start + at, end: start + at + key.length };
  }
  return undefined;
}

/** The state's demonym inside a body name read as a title ("chef d'état-major russe"): the title still names the state. */
function claimTitleDemonym(ctx: ArticleContext, sc: SentenceContext, bodyId: string, match: NameMatch): void {
  const country = ctx.rules.matcher.entries.get(bodyId)?.country;
  const found = country === undefined ? undefined : demonymIn(ctx, country, match.start, match.end);
  if (!country || !found) return;
  claim(ctx, sc, { entityId: country, type: 'Country', sentence: sc.sentence.index, start: found.start, end: found.end, surface: ctx.text.slice(found.start, found.end), via: 'demonym', known: true });
}

/** Turns the gazetteer matches of one sentence into mentions, and weak names into pending coreferences. */
export function resolveKnown(ctx: ArticleContext, sc: SentenceContext, matches: readonly NameMatch[]): void {
  for (const match of matches) {
    const [first, last] = tokenRange(sc, match.start, match.end);
    if (first === last) continue;
    const strong = strongCandidates(match.candidates);
    if (strong.length === 0) {
      const weak = { sentence: sc.sentence.index, start: match.start, end: match.end, candidates: [...new Set(match.candidates.map((c) => c.entityId))] };
      ctx.weak.push(weak);
      setWeakName(sc, first, weak);
      continue;
    }
    const chosen = choose(strong, sc.tokens, first, last, ctx.rules);
    // "Geran-3" is not "Geran": a known weapon name with a further version number is another designation, left to the shapes.
    if (chosen.type === 'WeaponSystem' && VERSION_AFTER.test(ctx.text.slice(match.end, match.end + 2))) continue;
    if (chosen.type === 'Place' && chosen.kind !== 'metonym' && unitNameAt(sc.tokens, first, ctx.rules)) continue;
    if (chosen.type === 'Organization' && titleRunsInto(sc.tokens, first, ctx.rules)) {
      claimTitleDemonym(ctx, sc, chosen.entityId, match);
      continue;
    }
    claim(ctx, sc, {
      entityId: chosen.entityId,
      type: chosen.type,
      sentence: sc.sentence.index,
      start: match.start,
      end: match.end,
      surface: ctx.text.slice(match.start, match.end),
      via: VIA[chosen.kind],
      known: true,
    });
  }
}

const HYPHEN_GAP = /^[-\u2010\u2011]$/;

/**
 * Compound adjectives of two states ("russo-nord-coréen", "sino-russes",
 * "nippo-américaine"): each combining form joined by a hyphen to another one
 * or to a demonym names its own state, beside the demonym that ends the
 * compound. A form standing alone ("Indo-Pacifique", "franco de port") names nothing.
 */
export function resolveCombiningForms(ctx: ArticleContext, sc: SentenceContext): void {
  const { rules } = ctx;
  if (rules.combiningCountry.size === 0) return;
  const t = sc.tokens;
  for (let i = 0; i < t.length; i++) {
    // Most tokens open no combining form: the list is only made for those that do.
    if (sc.owner[i] || matchPhraseAt(t, i, rules.combiningForms) === 0) continue;
    const forms: Array<[number, number]> = [];
    let k = i;
    for (;;) {
      if (k >= t.length || sc.owner[k]) break;
      const length = matchPhraseAt(t, k, rules.combiningForms);
      if (length === 0 || k + length >= t.length || !HYPHEN_GAP.test(t[k + length].gap)) break;
      forms.push([k, k + length]);
      k += length;
    }
    if (forms.length === 0) continue;
    const last = sc.owner[k];
    const closed = last !== undefined && last.type === 'Country' && last.via === 'demonym' && last.start === t[k].start;
    i = k - 1;
    if (!closed) continue;
    for (const [first, end] of forms) {
      const key = t.slice(first, end).map((tok) => tok.key).join(' ');
      const entityId = rules.combiningCountry.get(key);
      if (entityId === undefined) continue;
      const start = t[first].start;
      const stop = t[end - 1].end;
      claim(ctx, sc, { entityId, type: 'Country', sentence: sc.sentence.index, start, end: stop, surface: ctx.text.slice(start, stop), via: 'demonym', known: true });
    }
  }
}
