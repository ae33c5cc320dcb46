import { z } from 'zod';
import type { KnowledgeBase } from '../kb';
import { KnowledgeFileError } from '../knowledge';
import { alternation, escapeRegExp, fold, foldPattern } from './text';

/** units.json: the nouns a number counts, by class (troops, arms, losses). */
export const UnitsLexiconSchema = z.object({
  version: z.number().int(),
  note: z.string().optional(),
  classes: z.record(z.string(), z.record(z.string(), z.string())),
  /** Classes whose "dont N" parts are subsets of the figure before ("12 000 hommes, dont 500 officiers"), not figures of their own. */
  subsetClasses: z.array(z.string()).optional(),
});

/** numbers.json: French number words. */
export const NumbersLexiconSchema = z.object({
  version: z.number().int(),
  note: z.string().optional(),
  units: z.record(z.string(), z.number()),
  multipliers: z.record(z.string(), z.number()),
  vague: z.array(z.string()),
  qualifiers: z.array(z.string()),
  /** Collective nouns read as a round number after "une" ("une centaine" → 100); "des centaines" stays vague. */
  approximate: z.record(z.string(), z.number()).optional(),
  /** Words between two numbers that share the unit of the second ("entre 10 000 et 12 000 soldats", "10 000 à 12 000"). */
  rangeJoiners: z.array(z.string()).optional(),
  /** Words that join a figure to an earlier counted one it goes on from ("…, puis environ 3 000", "…, soit 3 millions d'obus"). */
  continuations: z.array(z.string()).optional(),
});

/** hedges.json: status and attribution cues. */
export const HedgesLexiconSchema = z.object({
  version: z.number().int(),
  note: z.string().optional(),
  denied: z.array(z.string()),
  /** Negations that deny nothing ("n'a pas démenti", "n'a pas pu être vérifié", "n'exclut pas"): removed before the denial cues are looked for. */
  notDenied: z.array(z.string()).optional(),
  planned: z.array(z.string()),
  /** Participles right after a nominal trigger that make it planned ("l'envoi prévu", "la livraison envisagée"). */
  plannedAfter: z.array(z.string()).optional(),
  plannedWindowWords: z.number().int().positive(),
  plannedBlockers: z.array(z.string()),
  futureSuffix: z.string(),
  conditionalSuffix: z.string(),
  announceBeforeConditional: z.string(),
  reported: z.array(z.string()),
  sourceIntroducers: z.array(z.string()),
  speechVerbs: z.array(z.string()),
  speechVerbsAfter: z.array(z.string()),
  sourceNouns: z.array(z.string()),
});

/** The claim lexicons, validated and compiled once per knowledge base. */
export interface ClaimLexicon {
  /** Folded unit noun → [class, unit as written on the claim], longest nouns first. */
  units: Array<{ noun: string; unitClass: string; unit: string }>;
  numberWords: Record<string, number>;
  multipliers: Record<string, number>;
  /** Matches a run of French number words. */
  numberWordsRe: RegExp;
  /** Unit classes whose "dont" parts are subsets of the figure before them. */
  subsetClasses: Set<string>;
  /** Matches "une centaine", "un millier": group 1 is the collective noun. */
  approximateRe: RegExp;
  /** Collective noun (folded, singular) → value. */
  approximate: Record<string, number>;
  /** Matches a range joiner between two numbers, anchored at both ends of the gap. */
  rangeJoinerRe: RegExp;
  /** Matches a gap between two figures that ends with a continuation word (the second goes on from the first). */
  continuationRe: RegExp;
  /** Qualifiers that may stand before a number ("près de", "environ"), for elided-unit checks. */
  qualifierRe: RegExp;
  deniedRe: RegExp;
  notDeniedRe: RegExp;
  plannedRe: RegExp;
  /** Matches a planned participle at the start of the text after a trigger. */
  plannedAfterRe: RegExp;
  plannedWindowWords: number;
  plannedBlockers: Set<string>;
  futureRe: RegExp;
  conditionalRe: RegExp;
  announceRe: RegExp;
  reportedRe: RegExp;
  introducerRe: RegExp;
  speechBeforeRe: RegExp;
  speechAfterRe: RegExp;
  sourceNounRe: RegExp;
}

const cache = new WeakMap<KnowledgeBase, ClaimLexicon>();

function parseLexicon<T>(kb: KnowledgeBase, name: string, schema: z.ZodType<T>): T {
  const raw = kb.lexicons[name];
  if (raw === undefined) throw new KnowledgeFileError(`newsgraph claims: ${kb.dir}/${name}.json is missing`);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new KnowledgeFileError(`newsgraph claims: ${kb.dir}/${name}.json: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

/** Compiles the claim lexicons from raw JSON values (exposed for tests that build a knowledge base by hand). */
export function compileClaimLexicon(kb: KnowledgeBase): ClaimLexicon {
  const units = parseLexicon(kb, 'units', UnitsLexiconSchema);
  const numbers = parseLexicon(kb, 'numbers', NumbersLexiconSchema);
  const hedges = parseLexicon(kb, 'hedges', HedgesLexiconSchema);
  const unitList = Object.entries(units.classes)
    .flatMap(([unitClass, nouns]) => Object.entries(nouns).map(([noun, unit]) => ({ noun: fold(noun), unitClass, unit })))
    .sort((a, b) => b.noun.length - a.noun.length);
  const numberWords = Object.fromEntries(Object.entries(numbers.units).map(([w, v]) => [fold(w), v]));
  const multipliers = Object.fromEntries(Object.entries(numbers.multipliers).map(([w, v]) => [fold(w), v]));
  const word = [...Object.keys(numberWords), ...Object.keys(multipliers)].sort((a, b) => b.length - a.length).join('|');
  const vague = numbers.vague.map(fold);
  const approximate = Object.fromEntries(Object.entries(numbers.approximate ?? {}).map(([w, v]) => [fold(w), v]));
  const approxWords = Object.keys(approximate).sort((a, b) => b.length - a.length).join('|');
  const joiners = (numbers.rangeJoiners ?? []).map((j) => escapeRegExp(fold(j)));
  const qualifiers = numbers.qualifiers.map((q) => escapeRegExp(fold(q))).sort((a, b) => b.length - a.length);
  return {
    subsetClasses: new Set(units.subsetClasses ?? []),
    approximate,
    approximateRe: approxWords ? new RegExp(`(?<![a-z0-9œæ-])(?:une|un)\\s+(${approxWords})(?![a-z0-9œæ-])`, 'g') : /(?!)/g,
    rangeJoinerRe: joiners.length ? new RegExp(`^\\s*(?:${joiners.join('|')})\\s*$`) : /(?!)/,
    continuationRe: (numbers.continuations ?? []).length
      ? new RegExp(`(?:^|[^a-z0-9œæ])(?:${(numbers.continuations ?? []).map((c) => escapeRegExp(fold(c))).sort((a, b) => b.length - a.length).join('|')})\\s*$`)
      : /(?!)/,
    qualifierRe: new RegExp(`(?:${qualifiers.join('|') || '(?!)'})`),
    units: unitList,
    numberWords,
    multipliers,
    // A run of number words, not preceded by a vague determiner ("des milliers" has no number word anyway).
    numberWordsRe: new RegExp(
      `(?<![a-z0-9œæ-])(?:(?:un|une)\\s+(?:million|milliard)s?|(?:${word})(?:(?:\\s+|-)(?:et(?:\\s+|-))?(?:${word}))*)(?![a-z0-9œæ-])${vague.length ? '' : ''}`,
      'g',
    ),
    deniedRe: alternation(hedges.denied),
    notDeniedRe: alternation(hedges.notDenied ?? []),
    plannedRe: alternation(hedges.planned),
    plannedAfterRe: new RegExp(`^\\s+${alternation(hedges.plannedAfter ?? [], '').source}`),
    plannedWindowWords: hedges.plannedWindowWords,
    plannedBlockers: new Set(hedges.plannedBlockers.map(fold)),
    futureRe: new RegExp(foldPattern(hedges.futureSuffix)),
    conditionalRe: new RegExp(foldPattern(hedges.conditionalSuffix)),
    announceRe: new RegExp(foldPattern(hedges.announceBeforeConditional), 'g'),
    reportedRe: alternation(hedges.reported),
    introducerRe: alternation(hedges.sourceIntroducers),
    speechBeforeRe: new RegExp(`${alternation(hedges.speechVerbs).source}(?=(?:\\s+[a-z]+)?\\s*(?:que\\b|qu'|:|«|,))`, 'g'),
    speechAfterRe: alternation(hedges.speechVerbsAfter),
    sourceNounRe: alternation(hedges.sourceNouns),
  };
}

/** The claim lexicons of a knowledge base, compiled once. Throws naming the file when one is missing or malformed. */
export function getClaimLexicon(kb: KnowledgeBase): ClaimLexicon {
  let lexicon = cache.get(kb);
  if (!lexicon) {
    lexicon = compileClaimLexicon(kb);
    cache.set(kb, lexicon);
  }
  return lexicon;
}
