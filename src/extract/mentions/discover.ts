/**
 * Discovery of entities the gazetteer does not know, from cues in the
 * lexicon files: titles before a name ("le général X", "M. X"), appositions
 * ("X, ministre de …"), organisation heads ("l'agence X", "l'Institut …"),
 * place heads ("la ville de X", "à X"), weapon shapes (Hwasong-19, S-400,
 * 9M723, "obus de 152 mm") and weapon family words ("le missile X"). A plain
 * capitalised word with no cue is never taken: precision first.
 */
import type { ArticleContext, Draft, SentenceContext } from './context';
import { isWeaponCategory } from './apposition';
import { DIGIT, HYPHEN, LETTER, LOWER, UPPER, unitClasses } from './charclass';
import { claim, claimDiscovered, isFree, tokenRange } from './context';
import { foldKey } from './fold';
import { recipientBefore } from './known';
import { APPOSITION_ARTICLES, NAME_PARTICLES, NOUN_PHRASE_OPENERS, ROLE_PREPOSITIONS, TOKEN_ROLES } from './rules';
import type { MentionRules } from './rules';
import { isCommaGap, isJoiningGap, isPlainGap, matchPhraseAt, type Token } from './tokens';

/** Longest person name read after a cue, in tokens (Ri Il Hwan, Kim Jong Un, Ursula von der Leyen). */
const MAX_PERSON_TOKENS = 5;
/** Longest organisation name read after a lower-case head (Stimson Center, Asahi Shimbun). */
const MAX_HEADED_NAME_TOKENS = 5;
/** Longest weapon name after a family word (Storm Shadow). */
const MAX_WEAPON_NAME_TOKENS = 3;
/** Tokens of role tail allowed between an organisation head and its name ("de presse officielle nord-coréenne"). */
const MAX_ORG_TAIL_TOKENS = 4;
/** Capitalised articles that may open a name after a head (le journal Le Monde). */
const NAME_ARTICLES: ReadonlySet<string> = new Set(['le', 'la', 'les', 'the', 'der', 'die', 'das']);
const HYPHEN_GAP = /^[-\u2010\u2011]$/;
const STARTS_LOWER = /^\p{Ll}/u;
const DIGIT_START = /^\p{N}/u;

export const DESIGNATION = /(?<![\p{L}\p{N}\-\u2010\u2011])(\p{Lu}[\p{L}]{0,14})[-\u2010\u2011](\p{Lu}{0,3}\p{N}{1,4}[\p{L}\p{N}]{0,3})(?:[-\u2010\u2011]\p{N}{1,2})?(?![\p{L}\p{N}]|[-\u2010\u2011][\p{L}\p{N}])/gu;
export const LETTER_SUFFIX_DESIGNATION = /(?<![\p{L}\p{N}\-\u2010\u2011])(\p{Lu}\p{Ll}{2,14})[-\u2010\u2011](\p{Lu}{1,2})(?![\p{L}\p{N}]|[-\u2010\u2011][\p{L}\p{N}])/gu;
/** DESIGNATION and LETTER_SUFFIX_DESIGNATION, tried at one offset each. */
const DESIGNATION_AT = new RegExp(DESIGNATION.source, 'uy');
const LETTER_SUFFIX_DESIGNATION_AT = new RegExp(LETTER_SUFFIX_DESIGNATION.source, 'uy');
const INDEX_DESIGNATION = /(?<![\p{L}\p{N}\-\u2010\u2011/:])(\p{N}{1,2}\p{Lu}\p{N}{2,4}\p{Lu}?\p{N}?)(?![\p{L}\p{N}]|[/:])/gu;
/**
 * What every match of CALIBRE, DESIGNATION, INDEX_DESIGNATION and LETTER_SUFFIX_DESIGNATION holds, as flags of one
 * plain scan of the sentence (shapeCores): the shape patterns try every word start with Unicode classes, and most
 * sentences hold none of these cores (2–3 % of extraction when each was a RegExp of its own).
 */
const CALIBRE_CORE = 1;
const DESIGNATION_CORE = 2;
const INDEX_DESIGNATION_CORE = 4;
const LETTER_SUFFIX_CORE = 8;
/** Units read after a hyphen for DESIGNATION's capitals and digit: its three capitals, or three astral ones. */
const DESIGNATION_CORE_REACH = 7;
/**
 * The first match of a global pattern that never matches empty, the rest
 * coming from pattern.exec(text): what text.matchAll(pattern) gives, without
 * the copy of the pattern matchAll makes on every call.
 */
function firstMatch(pattern: RegExp, text: string): RegExpExecArray | null {
  pattern.lastIndex = 0;
  return pattern.exec(text);
}

/**
 * A sentence holding none of these units has no shape core (a digit, a hyphen, or a surrogate, all beyond Latin-1
 * but for the common punctuation and letters of French text listed out): most sentences are passed over by this
 * scan alone.
 */
const MAY_HOLD_CORE = /[\d\-\u2010\u2011\u00b2\u00b3\u00b9\u00bc-\u00be\u0100-\u0151\u0154-\u2012\u2015-\u2017\u201a\u201b\u201e-\u2025\u2027-\u20ab\u20ad-\uffff]/;

/** Hyphens of the DESIGNATION and LETTER_SUFFIX_DESIGNATION cores of the sentence last read by shapeCores. */
const designationHyphens: number[] = [];
const letterSuffixHyphens: number[] = [];

/**
 * Which shape cores `text` holds: a digit before "mm" or " mm" (CALIBRE), a hyphen then up to three capitals and a
 * digit (DESIGNATION), digit–capital–digit (INDEX_DESIGNATION), lower-case–hyphen–capital (LETTER_SUFFIX_DESIGNATION).
 * Never misses a core a pattern's match holds (an astral character counts as any class), so a pattern whose core is
 * absent has no match and need not run. The hyphens of the DESIGNATION and LETTER_SUFFIX_DESIGNATION cores are listed
 * in designationHyphens and letterSuffixHyphens.
 */
function shapeCores(text: string): number {
  designationHyphens.length = 0;
  letterSuffixHyphens.length = 0;
  if (!MAY_HOLD_CORE.test(text)) return 0;
  let cores = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const classes = unitClasses(text.charCodeAt(i));
    if (classes & HYPHEN) {
      if (i > 0 && i + 1 < n && unitClasses(text.charCodeAt(i - 1)) & LOWER && unitClasses(text.charCodeAt(i + 1)) & UPPER) {
        cores |= LETTER_SUFFIX_CORE;
        letterSuffixHyphens.push(i);
      }
      for (let j = i + 1; j < n && j <= i + DESIGNATION_CORE_REACH; j++) {
        const next = unitClasses(text.charCodeAt(j));
        if (next & DIGIT) {
          cores |= DESIGNATION_CORE;
          designationHyphens.push(i);
          break;
        }
        if (!(next & UPPER)) break;
      }
    } else if (classes & DIGIT) {
      if (i + 2 < n && unitClasses(text.charCodeAt(i + 1)) & UPPER && unitClasses(text.charCodeAt(i + 2)) & DIGIT) cores |= INDEX_DESIGNATION_CORE;
      if (text.startsWith('mm', i + 1) || text.startsWith(' mm', i + 1)) cores |= CALIBRE_CORE;
    }
  }
  return cores;
}

/**
 * The matches of `global` in `text` (what a global scan finds, in order) for a pattern whose every match is a run of
 * letters, not preceded by a letter, ending at one of the sorted `hyphens`: tried with `sticky` only at the start of
 * the run before each hyphen. An astral character near a hyphen (its letters cannot be told apart unit by unit)
 * sends the whole text to the global scan.
 */
function matchesBeforeHyphens(global: RegExp, sticky: RegExp, text: string, hyphens: readonly number[]): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  let frontier = 0;
  for (const hyphen of hyphens) {
    let start = hyphen;
    for (; start > 0; start--) {
      const code = text.charCodeAt(start - 1);
      if (code >= 0xd800 && code <= 0xdfff) return allMatches(global, text);
      if (!(unitClasses(code) & LETTER)) break;
    }
    if (start === hyphen || start < frontier) continue;
    sticky.lastIndex = start;
    const m = sticky.exec(text);
    if (m === null) continue;
    found.push(m);
    frontier = start + Math.max(1, m[0].length);
  }
  return found;
}

/** The DESIGNATION and LETTER_SUFFIX_DESIGNATION matches of a sentence, found as discoverWeaponShapes finds them (exported for the tests). */
export function designationMatches(text: string): { designation: RegExpExecArray[]; letterSuffix: RegExpExecArray[] } {
  const cores = shapeCores(text);
  return {
    designation: cores & DESIGNATION_CORE ? matchesBeforeHyphens(DESIGNATION, DESIGNATION_AT, text, designationHyphens) : [],
    letterSuffix: cores & LETTER_SUFFIX_CORE ? matchesBeforeHyphens(LETTER_SUFFIX_DESIGNATION, LETTER_SUFFIX_DESIGNATION_AT, text, letterSuffixHyphens) : [],
  };
}

/** Every match of a global pattern, in order. */
function allMatches(global: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  for (let m = firstMatch(global, text); m !== null; m = global.exec(text)) found.push(m);
  return found;
}

const CALIBRE = /(?<![\p{L}])(\p{L}+) de (\p{N}{2,3}) ?mm(?![\p{L}])/gu;
const YEAR = /^(?:19|20)\d\d$/;
const PARENTHESIS_OPEN = /^\s*\($/;
const PARENTHESIS_CLOSE = /^\s*\)/;

/**
 * Reads a name of capitalised parts starting at token k (joined by spaces,
 * hyphens or apostrophes; hyphenated lower-case parts such as "Won-sik" and
 * particles such as "von der" allowed). Returns the end token index, or -1.
 */
export function readName(sc: SentenceContext, k: number, maxTokens: number, rules: MentionRules, allowArticle = false): number {
  const t = sc.tokens;
  if (k >= t.length || sc.owner[k] || !t[k].capitalised || DIGIT_START.test(t[k].raw)) return -1;
  if (rules.nonNames.has(t[k].key)) {
    const articleOpens = allowArticle && NAME_ARTICLES.has(t[k].key) && k + 1 < t.length && t[k + 1].capitalised && isJoiningGap(t[k + 1].gap) && !sc.owner[k + 1];
    if (!articleOpens) return -1;
  }
  let end = k + 1;
  while (end < t.length && end - k < maxTokens) {
    const tok = t[end];
    if (sc.owner[end] || !isJoiningGap(tok.gap) || DIGIT_START.test(tok.raw)) break;
    if (tok.capitalised && !rules.calendarWords.has(tok.key)) {
      end++;
    } else if (HYPHEN_GAP.test(tok.gap) && STARTS_LOWER.test(tok.raw)) {
      end++;
    } else if (NAME_PARTICLES.has(tok.key) && STARTS_LOWER.test(tok.raw) && end + 1 < t.length && t[end + 1].capitalised && isJoiningGap(t[end + 1].gap) && !sc.owner[end + 1] && end + 1 - k < maxTokens) {
      end += 2;
    } else {
      break;
    }
  }
  return end;
}

/** Label of tokens [first, end): the text as written, spacing normalised. */
function labelOf(ctx: ArticleContext, sc: SentenceContext, first: number, end: number): string {
  return ctx.text.slice(sc.tokens[first].start, sc.tokens[end - 1].end).replace(/\s+/g, ' ');
}

interface TailWalk {
  /** Token index where the tail stopped. */
  tailEnd: number;
  /** Token index where a name begins, or -1 when the tail ended without one. */
  nameAt: number;
}

/**
 * Walks the role tail after a title ("russe de la Défense", "des Affaires
 * étrangères nord-coréen,") up to the capitalised word that begins the name.
 * Known countries, demonyms and organisations inside the tail are skipped; a
 * capital right after de/du/la … is a role word ("Défense"), not the name.
 */
function walkTail(sc: SentenceContext, from: number, maxTail: number, rules: MentionRules): TailWalk {
  const t = sc.tokens;
  let k = from;
  let count = 0;
  let closesParenthesis = false;
  while (k < t.length && count <= maxTail) {
    const tok = t[k];
    // After "(FRS)", the gap is read without its closing bracket: "), X" is a comma before the name.
    const gap = closesParenthesis ? tok.gap.replace(PARENTHESIS_CLOSE, '') : tok.gap;
    closesParenthesis = false;
    if (PARENTHESIS_OPEN.test(gap) && k + 1 < t.length && PARENTHESIS_CLOSE.test(t[k + 1].gap) && (sc.owner[k] || tok.allCaps)) {
      // An acronym in parentheses inside the tail ("à la Fondation … (FRS), X").
      closesParenthesis = true;
      k++;
      count++;
      continue;
    }
    if (isCommaGap(gap)) {
      const owner = sc.owner[k];
      return { tailEnd: k, nameAt: owner && owner.type !== 'Person' ? -1 : k };
    }
    if (!isPlainGap(gap)) return { tailEnd: k, nameAt: -1 };
    const owner = sc.owner[k];
    if (owner) {
      if (owner.type === 'Person') return { tailEnd: k, nameAt: k };
      const [, last] = tokenRange(sc, owner.start, owner.end);
      k = Math.max(last, k + 1);
      count++;
      continue;
    }
    if (sc.weakAt.has(k)) return { tailEnd: k, nameAt: k };
    if (tok.capitalised) {
      if (k > 0 && (t[k - 1].roles & TOKEN_ROLES.rolePreposition) !== 0 && ROLE_PREPOSITIONS.has(t[k - 1].key) && STARTS_LOWER.test(t[k - 1].raw)) {
        k++;
        count++;
        continue;
      }
      return { tailEnd: k, nameAt: k };
    }
    if (rules.tailBreakers.has(tok.raw.toLowerCase()) || DIGIT_START.test(tok.raw)) return { tailEnd: k, nameAt: -1 };
    k++;
    count++;
  }
  return { tailEnd: k, nameAt: -1 };
}

function cueText(ctx: ArticleContext, sc: SentenceContext, first: number, tailEnd: number): { cue: string; cueStart: number } {
  const start = sc.tokens[first].start;
  const end = sc.tokens[Math.max(first, tailEnd - 1)].end;
  return { cue: ctx.text.slice(start, end).replace(/\s+/g, ' '), cueStart: start };
}

/** Gives a known or discovered person the title phrase that introduced it, if it has none yet. */
function attachCue(owner: Draft | undefined, cue: { cue: string; cueStart: number }): void {
  if (owner && owner.type === 'Person' && owner.cue === undefined) {
    owner.cue = cue.cue;
    owner.cueStart = cue.cueStart;
  }
}

/** A person name at token k introduced by `cue`: a known person gets the cue, an unknown one is discovered. */
function takePerson(ctx: ArticleContext, sc: SentenceContext, k: number, via: string, cue: { cue: string; cueStart: number }): void {
  const owner = sc.owner[k];
  if (owner) {
    attachCue(owner, cue);
    return;
  }
  const end = readName(sc, k, MAX_PERSON_TOKENS, ctx.rules);
  if (end < 0) return;
  const weak = sc.weakAt.get(k);
  // A bare known surname after a title is left to coreference ("le président Kim").
  if (weak && tokenRange(sc, weak.start, weak.end)[1] >= end) return;
  if (end - k === 1 && sc.tokens[k].allCaps && sc.tokens[k].raw.length <= 5) return;
  if (end - k > 1 && allCapitals(sc, k, end)) return;
  claimDiscovered(ctx, sc, 'Person', labelOf(ctx, sc, k, end), sc.tokens[k].start, sc.tokens[end - 1].end, via, cue);
}

/**
 * True when every word of tokens [first, end) is written in capitals: a
 * heading, an outlet's name or an acronym ("ZONE OPÉRATIONS, le colonel X"),
 * never a person's name (the press capitalises a surname, not the whole name).
 */
function allCapitals(sc: SentenceContext, first: number, end: number): boolean {
  for (let i = first; i < end; i++) if (!sc.tokens[i].allCaps) return false;
  return true;
}

function honorificAt(ctx: ArticleContext, tok: Token, rules: MentionRules): boolean {
  if ((tok.roles & TOKEN_ROLES.honorific) === 0) return false;
  const needsStop = rules.honorificTokens.get(tok.raw);
  return needsStop !== undefined && (!needsStop || ctx.text[tok.end] === '.');
}

/** "le ministre russe de la Défense X", "le général X", "M. X": a title, its role tail, a name. */
export function discoverTitledPersons(ctx: ArticleContext, sc: SentenceContext): void {
  const { rules } = ctx;
  const t = sc.tokens;
  for (let i = 0; i < t.length; i++) {
    if (sc.owner[i]) continue;
    if (honorificAt(ctx, t[i], rules)) {
      const k = i + 1;
      if (k < t.length && /^\.?\s$/.test(t[k].gap)) takePerson(ctx, sc, k, 'title', { cue: ctx.text.slice(t[i].start, t[k].start).trim(), cueStart: t[i].start });
      continue;
    }
    const length = matchPhraseAt(t, i, rules.titles);
    if (length === 0 || !isFree(sc, i, i + length)) continue;
    const walk = walkTail(sc, i + length, rules.lexicons.titles.maxTailTokens, rules);
    if (walk.nameAt < 0) continue;
    takePerson(ctx, sc, walk.nameAt, 'title', cueText(ctx, sc, i, walk.tailEnd));
    i = walk.nameAt - 1;
  }
}

/**
 * Start of the capitalised name that ends just before token `end`, walking
 * back; -1 if none. A word that is never a name on its own ("Selon",
 * "Pour") opening the sentence is not part of it ("Il" inside Ri Il Hwan is).
 */
function nameStartBefore(sc: SentenceContext, end: number, rules: MentionRules): number {
  const t = sc.tokens;
  let s = end - 1;
  if (s < 0 || sc.owner[s] || !(t[s].capitalised || (HYPHEN_GAP.test(t[s].gap) && STARTS_LOWER.test(t[s].raw)))) return -1;
  while (s > 0 && isJoiningGap(t[s].gap) && !sc.owner[s - 1] && !(s - 1 === 0 && rules.nonNames.has(t[0].key)) && (t[s - 1].capitalised || (HYPHEN_GAP.test(t[s - 1].gap) && STARTS_LOWER.test(t[s - 1].raw)))) {
    if (end - s >= MAX_PERSON_TOKENS) break;
    s--;
  }
  return t[s].capitalised ? s : -1;
}

/** "X, ministre russe de …", "X, le porte-parole de …": a name in apposition to a title. */
export function discoverAppositions(ctx: ArticleContext, sc: SentenceContext): void {
  const { rules } = ctx;
  const t = sc.tokens;
  for (let j = 1; j < t.length; j++) {
    if (!isCommaGap(t[j].gap)) continue;
    let titleAt = j;
    if (APPOSITION_ARTICLES.has(t[titleAt].key) && titleAt + 1 < t.length && isPlainGap(t[titleAt + 1].gap)) titleAt++;
    const length = matchPhraseAt(t, titleAt, rules.titles);
    if (length === 0 || !isFree(sc, titleAt, titleAt + length)) continue;
    const walk = walkTail(sc, titleAt + length, rules.lexicons.titles.maxTailTokens, rules);
    const cue = cueText(ctx, sc, titleAt, walk.nameAt >= 0 ? walk.nameAt : walk.tailEnd);
    const before = sc.owner[j - 1];
    if (before) {
      attachCue(before, cue);
      continue;
    }
    const start = nameStartBefore(sc, j, rules);
    if (start < 0) continue;
    const end = readName(sc, start, MAX_PERSON_TOKENS, rules);
    if (end !== j) continue;
    // A bare known short form is left to coreference; one that opens a longer name does not hide it (Li → Li Hongzhong).
    const weak = sc.weakAt.get(start);
    if (weak && tokenRange(sc, weak.start, weak.end)[1] >= end) continue;
    // A lone capitalised word opening the sentence is too often an ordinary word ("Interrogé, le ministre …").
    if (start === 0 && end - start < 2) continue;
    if (allCapitals(sc, start, end)) continue;
    claimDiscovered(ctx, sc, 'Person', labelOf(ctx, sc, start, end), t[start].start, t[end - 1].end, 'title', cue);
  }
}

/** "l'agence X", "le groupe X", "le think tank X": a lower-case organisation head, a short tail, a name. */
export function discoverHeadedOrganizations(ctx: ArticleContext, sc: SentenceContext): void {
  const { rules } = ctx;
  const t = sc.tokens;
  for (let i = 0; i < t.length; i++) {
    if (sc.owner[i] || t[i].capitalised) continue;
    const length = matchPhraseAt(t, i, rules.orgHeads);
    if (length === 0 || !isFree(sc, i, i + length)) continue;
    const walk = walkTail(sc, i + length, MAX_ORG_TAIL_TOKENS, rules);
    const k = walk.nameAt;
    if (k < 0 || sc.owner[k] || sc.weakAt.has(k)) continue;
    const end = readName(sc, k, MAX_HEADED_NAME_TOKENS, rules, true);
    if (end < 0) continue;
    claimDiscovered(ctx, sc, 'Organization', labelOf(ctx, sc, k, end), t[k].start, t[end - 1].end, 'cue', cueText(ctx, sc, i, k));
    i = end - 1;
  }
}

function looksAdjectival(key: string, rules: MentionRules): boolean {
  const singular = key.replace(/[sx]$/, '');
  return rules.adjectiveSuffixes.some((suffix) => singular.endsWith(suffix) || key.endsWith(suffix));
}

/** "l'Institut coréen pour l'unification nationale", "Center for Strategic and International Studies". */
export function discoverNamedOrganizations(ctx: ArticleContext, sc: SentenceContext): void {
  const { rules } = ctx;
  const t = sc.tokens;
  const maxTokens = rules.lexicons.orgcues.maxNameTokens;
  for (let i = 1; i < t.length; i++) {
    const head = t[i];
    // A weak gazetteer name starting here is left to coreference ("Conseil de sécurité nationale": whose?).
    if (sc.owner[i] || !head.capitalised || (head.roles & TOKEN_ROLES.namedOrgHead) === 0 || sc.weakAt.has(i) || !rules.namedOrgHeads.has(head.key)) continue;
    if (!NOUN_PHRASE_OPENERS.has(t[i - 1].key) || !isPlainGap(head.gap)) continue;
    let end = i + 1;
    let lastContent = i;
    let afterConnector = false;
    let absorbed: Draft | undefined;
    while (end < t.length && end - i < maxTokens) {
      const tok = t[end];
      if (!isPlainGap(tok.gap)) break;
      const owner = sc.owner[end];
      if (owner) {
        // A demonym closes the name and belongs to it ("Forces armées russes").
        if (owner.via === 'demonym' && owner.start === tok.start) {
          absorbed = owner;
          lastContent = tokenRange(sc, owner.start, owner.end)[1] - 1;
        }
        break;
      }
      if (rules.tailBreakers.has(tok.raw.toLowerCase()) && !rules.nameConnectors.has(tok.key)) break;
      if (rules.nameConnectors.has(tok.key) && STARTS_LOWER.test(tok.raw)) {
        afterConnector = true;
        end++;
        continue;
      }
      if (tok.capitalised || afterConnector || looksAdjectival(tok.key, rules)) {
        lastContent = end;
        afterConnector = false;
        end++;
        continue;
      }
      break;
    }
    if (lastContent === i) continue;
    const start = head.start;
    const stop = t[lastContent].end;
    claimDiscovered(ctx, sc, 'Organization', ctx.text.slice(start, stop).replace(/\s+/g, ' '), start, stop, 'cue', {}, absorbed !== undefined);
    i = lastContent;
  }
}

/** "la ville de X", "l'oblast de X", "le port de X". */
export function discoverHeadedPlaces(ctx: ArticleContext, sc: SentenceContext): void {
  const { rules } = ctx;
  const t = sc.tokens;
  const of = new Set(['de', 'du', 'd']);
  for (let i = 0; i < t.length; i++) {
    if (sc.owner[i] || t[i].capitalised) continue;
    const length = matchPhraseAt(t, i, rules.placeHeads);
    if (length === 0 || !isFree(sc, i, i + length)) continue;
    const prep = i + length;
    const k = prep + 1;
    if (k >= t.length || !of.has(t[prep].key) || !isPlainGap(t[prep].gap) || !isPlainGap(t[k].gap) || sc.weakAt.has(k)) continue;
    const end = readName(sc, k, rules.lexicons.placecues.maxPlaceTokens, rules);
    if (end < 0) continue;
    claimDiscovered(ctx, sc, 'Place', labelOf(ctx, sc, k, end), t[k].start, t[end - 1].end, 'cue', cueText(ctx, sc, i, k));
    i = end - 1;
  }
}

/** "le missile Sarmat", "les drones Shahed", "le missile Hwasong 20": a family word, a name. */
export function discoverWeaponNames(ctx: ArticleContext, sc: SentenceContext): void {
  const { rules } = ctx;
  const t = sc.tokens;
  for (let i = 0; i + 1 < t.length; i++) {
    if (sc.owner[i] || t[i].capitalised || (t[i].roles & TOKEN_ROLES.weaponFamily) === 0 || !rules.weaponFamily.has(t[i].key)) continue;
    const k = i + 1;
    if (t[k].gap !== ' ' || sc.weakAt.has(k)) continue;
    let end = readName(sc, k, MAX_WEAPON_NAME_TOKENS, rules);
    if (end < 0) continue;
    if (end < t.length && t[end].gap === ' ' && /^\p{N}{1,4}$/u.test(t[end].raw) && !sc.owner[end]) end++;
    claimDiscovered(ctx, sc, 'WeaponSystem', labelOf(ctx, sc, k, end), t[k].start, t[end - 1].end, 'cue', { cue: t[i].raw, cueStart: t[i].start });
    i = end - 1;
  }
}

function familyWordBefore(sc: SentenceContext, offset: number, rules: MentionRules): boolean {
  const [at] = tokenRange(sc, offset, offset + 1);
  for (let i = at - 1; i >= 0 && i >= at - 2; i--) if (rules.weaponFamily.has(sc.tokens[i].key)) return true;
  return false;
}

/**
 * A calibre specifies the weapon its head names ("obus de 152 mm" are
 * artillery shells, not a system of their own): when the head is a known
 * category, its mention stretches over the calibre; when it is a known named
 * system, that system stays. Returns false when the head is no known weapon.
 */
function specifyKnownWeapon(ctx: ArticleContext, sc: SentenceContext, start: number, length: number): boolean {
  const [first] = tokenRange(sc, start, start + 1);
  const head = sc.owner[first];
  if (!head || head.type !== 'WeaponSystem' || head.start !== start || !head.known) return false;
  if (!isWeaponCategory(ctx, head) || head.end >= start + length) return true;
  const end = start + length;
  claim(ctx, sc, { ...head, end, surface: ctx.text.slice(head.start, end) }, true);
  return true;
}

/** Hwasong-19, KN-23, S-400, Su-35, 9M723; Iskander-M after a family word; "obus de 152 mm" of an unknown head. */
export function discoverWeaponShapes(ctx: ArticleContext, sc: SentenceContext): void {
  const { rules } = ctx;
  const { text, start: base } = sc.sentence;
  // Most sentences hold no shape core and need no regular expression at all.
  const cores = typeof text === 'string' ? shapeCores(text) : 0;
  if (cores === 0) return;
  const maxLength = rules.lexicons.weaponcues.maxDesignationLength;
  const take = (start: number, surface: string, replace = false, label = surface): void => {
    if (surface.length > maxLength) return;
    const [first, last] = tokenRange(sc, start, start + surface.length);
    if (first === last || (!replace && !isFree(sc, first, last))) return;
    if (replace) {
      for (let i = first; i < last; i++) if (sc.owner[i] && sc.owner[i]!.type !== 'WeaponSystem') return;
    }
    claimDiscovered(ctx, sc, 'WeaponSystem', label, start, start + surface.length, 'shape', {}, replace);
  };
  if (cores & CALIBRE_CORE) {
    for (let m = firstMatch(CALIBRE, text); m !== null; m = CALIBRE.exec(text)) {
      if (!rules.calibreHeads.has(foldKey(m[1]))) continue;
      if (specifyKnownWeapon(ctx, sc, base + m.index, m[0].length)) continue;
      take(base + m.index, m[0], true, `${m[1].toLowerCase()} de ${m[2]} mm`);
    }
  }
  if (cores & DESIGNATION_CORE) {
    for (const m of matchesBeforeHyphens(DESIGNATION, DESIGNATION_AT, text, designationHyphens)) {
      const [surface, prefix, digits] = m;
      if (rules.notDesignations.has(prefix)) continue;
      if (YEAR.test(digits) && /\p{Ll}/u.test(prefix)) continue;
      take(base + m.index, surface);
    }
  }
  if (cores & INDEX_DESIGNATION_CORE) {
    for (let m = firstMatch(INDEX_DESIGNATION, text); m !== null; m = INDEX_DESIGNATION.exec(text)) take(base + m.index, m[0]);
  }
  if (cores & LETTER_SUFFIX_CORE) {
    for (const m of matchesBeforeHyphens(LETTER_SUFFIX_DESIGNATION, LETTER_SUFFIX_DESIGNATION_AT, text, letterSuffixHyphens)) {
      if (rules.notDesignations.has(m[1]) || !familyWordBefore(sc, base + m.index, rules)) continue;
      take(base + m.index, m[0]);
    }
  }
}

/**
 * "à X": an unknown capitalised single word (hyphenated parts allowed) after
 * a bare locative preposition is a Place, unless the preposition marks a
 * recipient or the word is a person's name already read in the article.
 */
export function discoverBareLocatives(ctx: ArticleContext, sc: SentenceContext, personWords: () => ReadonlySet<string>): void {
  const { rules } = ctx;
  const t = sc.tokens;
  for (let i = 0; i + 1 < t.length; i++) {
    if (sc.owner[i]) continue;
    const phrase = (t[i].roles & TOKEN_ROLES.bareLocative) !== 0 && rules.bareLocatives.has(t[i].raw) ? 1 : matchPhraseAt(t, i, rules.bareLocativePhrases);
    if (phrase === 0 || i + phrase >= t.length || !isFree(sc, i, i + phrase)) continue;
    const k = i + phrase;
    // Elided "d'X" joins with an apostrophe; everything else with one space.
    if (!(t[k].gap === ' ' || (phrase > 1 && /^['’]$/.test(t[k].gap)))) continue;
    const word = t[k];
    if (sc.owner[k] || sc.weakAt.has(k) || !word.capitalised || word.allCaps) continue;
    let end = k + 1;
    while (end < t.length && HYPHEN_GAP.test(t[end].gap) && !sc.owner[end] && t[end].capitalised) end++;
    if (end < t.length && isJoiningGap(t[end].gap) && (t[end].capitalised || HYPHEN_GAP.test(t[end].gap))) continue;
    const keys = t.slice(k, end).map((tok) => tok.key);
    if (keys.join('').length < 3 || keys.some((key) => rules.nonNames.has(key) || personWords().has(key))) continue;
    if (matchPhraseAt(t, k, rules.titles) > 0 || (phrase === 1 && recipientBefore(t, i, rules))) continue;
    claimDiscovered(ctx, sc, 'Place', labelOf(ctx, sc, k, end), t[k].start, t[end - 1].end, 'cue', { cue: ctx.text.slice(t[i].start, t[k - 1].end), cueStart: t[i].start });
    i = end - 1;
  }
}
