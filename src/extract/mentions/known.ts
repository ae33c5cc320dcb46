/**
 * Resolution of gazetteer matches: each match becomes a mention of one known
 * entity. A capital that is both a Place of the gazetteer and a Country's
 * metonym is the Place after a locative word ("à Pyongyang", "la ville de
 * Moscou", "visité Moscou") and the Country everywhere else ("Moscou a
 * fourni", "selon Séoul", "entre Moscou et Pyongyang"), including after a
 * preposition that follows a transfer word ("fournir à Pyongyang").
 */
import type { ArticleContext, SentenceContext } from './context';
import { claim, strongCandidates, tokenRange } from './context';
import type { NameCandidate, NameKind, NameMatch } from './matcher';
import type { MentionRules } from './rules';
import { isCommaGap, isPlainGap, matchPhraseEndingAt, type Token } from './tokens';

/** Mention `via` for each kind of gazetteer name. */
const VIA: Record<NameKind, string> = { label: 'name', alias: 'alias', demonym: 'demonym', metonym: 'metonym', weak: 'coreference' };
const CLAUSE_BREAK = /[,;:.!?()«»"]/;
const STARTS_LOWER = /^\p{Ll}/u;

/** True when a word within `window` tokens before token `at` (same clause) begins with a recipient stem. */
export function recipientBefore(tokens: readonly Token[], at: number, rules: MentionRules): boolean {
  const window = rules.lexicons.placecues.recipientWindow;
  for (let i = at - 1; i >= 0 && i >= at - window; i--) {
    if (rules.recipientStems.some((stem) => tokens[i].key.startsWith(stem))) return true;
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

function choose(candidates: NameCandidate[], tokens: readonly Token[], at: number, after: number, rules: MentionRules): NameCandidate {
  const metonym = candidates.find((c) => c.kind === 'metonym');
  const place = candidates.find((c) => c.type === 'Place' && c.kind !== 'metonym');
  if (metonym && place) return isLocative(tokens, at, rules) && !isRelativeSubject(tokens, after, rules) ? place : metonym;
  return metonym ?? candidates[0];
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
      sc.weakAt.set(first, weak);
      continue;
    }
    const chosen = choose(strong, sc.tokens, first, last, ctx.rules);
    if (chosen.type === 'Place' && chosen.kind !== 'metonym' && unitNameAt(sc.tokens, first, ctx.rules)) continue;
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
