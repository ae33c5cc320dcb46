/**
 * Claims: what one sentence says about a relation — quote, quantity and unit,
 * date, source and status. Pure functions over a sentence and the claim
 * lexicons (graph-data/knowledge/units.json, numbers.json, hedges.json).
 */
export { fold, foldPattern, escapeRegExp, alternation, allMatches, countWords, WORD_START, WORD_END } from './text';
export { getClaimLexicon, compileClaimLexicon } from './lexicon';
export type { ClaimLexicon } from './lexicon';
export { findQuantities, parseDigits, parseNumberWords } from './numbers';
export type { QuantityMention } from './numbers';
export { findDates, parseIsoDate } from './dates';
export type { DateMention } from './dates';
export { findAttribution } from './attribution';
export type { Attribution, SentenceMention } from './attribution';
export { classifyStatus, reportingCues } from './status';
export type { StatusOptions, TriggerSpan } from './status';
