import type { ClaimLexicon } from './lexicon';
import { allMatches, fold } from './text';

/** A number found in a sentence, with the noun it counts when one follows. */
export interface QuantityMention {
  value: number;
  /** Offsets of the number (with its multiplier word) in the text searched. */
  start: number;
  end: number;
  /** The unit as written on claims (soldats, obus …), when a known unit noun follows. */
  unit?: string;
  /** Class of the unit (troops, arms, losses). */
  unitClass?: string;
  /** Offsets of the unit noun. */
  unitStart?: number;
  unitEnd?: number;
  /** True when the number looks like a year or a day of a date, not a count. */
  dateLike: boolean;
  /** True when "dont" introduces the number: it counts a part of the figure before ("12 000 hommes, dont 500 officiers"). */
  partitive?: boolean;
  /**
   * Start of the earlier figure this one goes on from ("11 000 soldats envoyés …, puis environ 3 000 en renfort";
   * "6 700 conteneurs, soit 3 millions d'obus ou 500 000 obus"): a frame that counts the first counts this one too.
   */
  continues?: number;
}

/** Digits with French thousands separators (space, dot, Swiss apostrophe "11'000") or a decimal comma, then an optional scale word. */
const DIGITS_RE = /(?<![\d.,'a-z])(\d{1,3}(?:[ .']\d{3})+(?![\d])|\d+(?:,\d+)?)(?:\s*(millions?|milliards?|mille|mio|mrd))?(?![\d])/g;
const SCALE: Record<string, number> = { million: 1e6, millions: 1e6, milliard: 1e9, milliards: 1e9, mille: 1e3, mio: 1e6, mrd: 1e9, milliers: 1e3 };
/** A scale after a collective noun ("une dizaine de milliers", "une centaine de millions"). */
const COLLECTIVE_SCALE_RE = /^\s+de\s+(milliers|millions|milliards)(?![a-z])/;
const MONTH_AFTER_RE = /^\s*(?:er\s+)?(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\b/;
const YEAR_MIN = 1900;
const YEAR_MAX = 2100;
/** A quote between a number and its noun: closing a quoted number ("« environ 10 000 » soldats") or opening a quoted noun ("5 000 « bâtisseurs militaires »"). */
const CLOSING_QUOTE = '(?:[«»"“”]\\s*)?';
/** What may separate a number from its unit noun: "de", "d'" ("5 millions d'obus"); "de" is a word, not the start of "démineurs". */
const UNIT_LEAD_RE = new RegExp(`^\\s*${CLOSING_QUOTE}(?:(?:de\\s|d')\\s*)?`);
/** Words a unit noun may be separated from its number by ("5 millions d'obus", "10 000 jeunes soldats"). */
const UNIT_GAP_RE = new RegExp(`^\\s*${CLOSING_QUOTE}(?:(?:de\\s|d')\\s*)?(?:[a-zœæ-]+\\s+)?`);
/** A relative "dont" before a bare number: the number counts what the previous number counted ("10 000 soldats, dont 8 000 …"). */
const ELIDED_AFTER_RE = /(?:^|[^a-z])dont\s+$/;
/** "N d'entre eux": the number counts a part of what the text spoke of before. */
const PARTITIVE_AFTER_RE = /^\s*d'entre (?:eux|elles)(?![a-z])/;
/** How far back "dont" is looked for before a number, in characters ("dont un peu plus de"). */
const PARTITIVE_LOOKBACK = 30;
/** Farthest a figure may sit from the one it goes on from, in characters (end of the first figure's unit to the second). */
const CONTINUATION_REACH = 140;
/** Measure words after a number: it gives a size, a length or a sum, not a count ("152 mm", "300 km", "20 %"). */
const MEASURES = '(?:mm|cm|km|m|kg|t|%|kilometres?|metres?|millimetres?|pour cent|ans|jours|mois|semaines|heures|dollars|euros|roubles|wons|yens|\\$|€)(?![a-z])';
const MEASURE_AFTER_RE = new RegExp(`^\\s*${MEASURES}`);
/** What may follow a number whose noun is left out: a stop, or a preposition, adverb or verb of the clause, never a noun. */
const ELIDED_NOUN_AFTER_RE =
  /^\s*(?:[,.;:)»"]|$|(?:en|au|aux|a|dans|vers|pour|sur|selon|d'apres|de plus|supplementaires?|additionnels?|au total|en tout|d'ici|depuis|entre|jusqu'a|ont|sont|avaient|etaient|auraient|seraient|avait|etait|y|se|s'|ne|n'|l'an|la semaine|le mois|fin|debut|mi-|lors|cette|ce|cet|encore|deja|seulement|egalement|aussi)(?![a-z]))/;

/** Parses digits as the French press writes them: "20 000", "4.700", "1,5" → 20000, 4700, 1.5. */
export function parseDigits(digits: string): number {
  const compact = digits.replace(/[\s']/g, '');
  if (/^\d{1,3}(?:\.\d{3})+$/.test(compact)) return Number(compact.replace(/\./g, ''));
  return Number(compact.replace(',', '.'));
}

/** Parses a run of French number words ("trois mille", "vingt-cinq", "deux cents", "un million") with the word tables. */
export function parseNumberWords(words: string, lexicon: Pick<ClaimLexicon, 'numberWords' | 'multipliers'>): number | undefined {
  const tokens = fold(words)
    .split(/\s+/)
    .filter((t) => t && t !== 'et');
  let total = 0;
  let current = 0;
  let seen = false;
  for (const token of tokens) {
    const parts = lexicon.numberWords[token] !== undefined || lexicon.multipliers[token] !== undefined ? [token] : token.split('-').filter((p) => p && p !== 'et');
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (part === 'un' || part === 'une') {
        current += 1;
        seen = true;
        continue;
      }
      const unit = lexicon.numberWords[part];
      const mult = lexicon.multipliers[part];
      if (unit !== undefined) {
        // "quatre-vingt": four twenties, not four plus twenty.
        if (unit === 20 && i > 0 && parts[i - 1] === 'quatre') current = current - 4 + 80;
        else current += unit;
        seen = true;
      } else if (mult !== undefined) {
        seen = true;
        if (mult === 100) current = (current || 1) * 100;
        else {
          total += (current || 1) * mult;
          current = 0;
        }
      } else return undefined;
    }
  }
  return seen ? total + current : undefined;
}

function unitAt(folded: string, from: number, lexicon: ClaimLexicon): Pick<QuantityMention, 'unit' | 'unitClass' | 'unitStart' | 'unitEnd'> {
  const rest = folded.slice(from);
  for (const gapWord of [false, true]) {
    const gap = gapWord ? (UNIT_GAP_RE.exec(rest)?.[0] ?? '') : (UNIT_LEAD_RE.exec(rest)?.[0] ?? '');
    const after = rest.slice(gap.length);
    for (const entry of lexicon.units) {
      if (after.startsWith(entry.noun) && !/[a-z0-9œæ]/.test(after[entry.noun.length] ?? '')) {
        const unitStart = from + gap.length;
        return { unit: entry.unit, unitClass: entry.unitClass, unitStart, unitEnd: unitStart + entry.noun.length };
      }
    }
  }
  return NO_UNIT;
}

/** What unitAt gives for a number no unit noun follows: every key, undefined. */
const NO_UNIT: Pick<QuantityMention, 'unit' | 'unitClass' | 'unitStart' | 'unitEnd'> = Object.freeze({ unit: undefined, unitClass: undefined, unitStart: undefined, unitEnd: undefined });

/**
 * A figure with every key of QuantityMention, in its order (absent ones undefined): the readers of figures see one
 * object shape, whatever the figure holds.
 */
function quantityMention(value: number, start: number, end: number, unit: Pick<QuantityMention, 'unit' | 'unitClass' | 'unitStart' | 'unitEnd'>, dateLike: boolean): QuantityMention {
  return { value, start, end, unit: unit.unit, unitClass: unit.unitClass, unitStart: unit.unitStart, unitEnd: unit.unitEnd, dateLike, partitive: undefined, continues: undefined };
}

/**
 * Every number of a sentence with the unit noun that follows it, in text order.
 * "des milliers" and other vague amounts give nothing; years and day numbers are
 * kept but flagged `dateLike`. Never throws.
 */
export function findQuantities(text: string, lexicon: ClaimLexicon): QuantityMention[] {
  const folded = fold(text);
  const found: QuantityMention[] = [];
  for (const m of allMatches(DIGITS_RE, folded)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    let value = parseDigits(m[1]);
    if (m[2]) value *= SCALE[m[2]] ?? 1;
    if (!Number.isFinite(value)) continue;
    value = Math.round(value);
    const plainYear = !m[2] && /^\d{4}$/.test(m[1]) && value >= YEAR_MIN && value <= YEAR_MAX;
    const dayOfMonth = !m[2] && /^\d{1,2}$/.test(m[1]) && MONTH_AFTER_RE.test(folded.slice(end));
    const unit = unitAt(folded, end, lexicon);
    found.push(quantityMention(value, start, end, unit, (plainYear && !unit.unit) || dayOfMonth));
  }
  for (const m of allMatches(lexicon.numberWordsRe, folded)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (found.some((q) => q.start < end && start < q.end)) continue;
    // "mille" alone after digits is handled above; a bare scale word preceded by "des" is vague ("des millions").
    if (/(?:^|\s)(?:des|de|plusieurs|quelques)\s*$/.test(folded.slice(Math.max(0, start - 12), start)) && /^(?:cent|mille|million|milliard)s?$/.test(m[0])) continue;
    const value = parseNumberWords(m[0], lexicon);
    if (value === undefined || value <= 0) continue;
    const unit = unitAt(folded, end, lexicon);
    found.push(quantityMention(value, start, end, unit, false));
  }
  for (const m of allMatches(lexicon.approximateRe, folded)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (found.some((q) => q.start < end && start < q.end)) continue;
    const value = lexicon.approximate[m[1]];
    if (value === undefined) continue;
    // "une dizaine de milliers de soldats": the collective counts thousands.
    const scaled = COLLECTIVE_SCALE_RE.exec(folded.slice(end));
    const scaledEnd = scaled ? end + scaled[0].length : end;
    const scaledValue = scaled ? value * (SCALE[scaled[1]] ?? 1) : value;
    found.push(quantityMention(scaledValue, start, scaledEnd, unitAt(folded, scaledEnd, lexicon), false));
  }
  found.sort((a, b) => a.start - b.start);
  return withElidedUnits(folded, found, lexicon);
}

/**
 * A bare number takes the unit the text leaves implicit: the next number's in a range
 * ("entre 10 000 et 12 000 soldats", "10 000 à 12 000 soldats") and the previous one's
 * after "dont" ("10 000 soldats, dont près de 8 000 …"). Its unit offsets are its own end.
 */
/** A qualifier ending a snippet ("près de", "environ"), by lexicon: compiled once, not per figure. */
const trailingQualifiers = new WeakMap<ClaimLexicon, RegExp>();
function trailingQualifierRe(lexicon: ClaimLexicon): RegExp {
  let re = trailingQualifiers.get(lexicon);
  if (!re) {
    re = new RegExp(`(?:${lexicon.qualifierRe.source})\\s*$`);
    trailingQualifiers.set(lexicon, re);
  }
  return re;
}

function withElidedUnits(folded: string, found: readonly QuantityMention[], lexicon: ClaimLexicon): QuantityMention[] {
  const out: QuantityMention[] = [];
  for (let i = 0; i < found.length; i++) {
    let q = found[i];
    const prior = out[i - 1];
    const lead = folded.slice(Math.max(0, q.start - PARTITIVE_LOOKBACK), q.start).replace(trailingQualifierRe(lexicon), '');
    // "dont 500 officiers et trois généraux": what is listed with a part is a part too.
    const listedWithPart = prior?.partitive === true && /^\s*(?:,|et|ainsi que)\s*$/.test(folded.slice(prior.unitEnd ?? prior.end, q.start));
    if (!q.dateLike && (ELIDED_AFTER_RE.test(lead) || listedWithPart || PARTITIVE_AFTER_RE.test(folded.slice(q.end)))) q = { ...q, partitive: true };
    q = q.unit || q.dateLike ? q : withUnitOf(folded, q, found[i + 1], out, lexicon);
    out.push(q.partitive || q.dateLike ? q : continuing(folded, q, out, found, lexicon));
  }
  return out;
}

/**
 * A figure joined to an earlier counted one by "puis", "soit", "ou", "et" … (numbers.json `continuations`) goes on
 * from it: a bare number borrows its unit ("envoyés en Russie, puis environ 3 000 en renfort"), a number with a unit
 * of the same class restates it ("6 700 conteneurs, soit 3 millions d'obus"). Nothing across a sentence stop.
 */
function continuing(folded: string, q: QuantityMention, before: readonly QuantityMention[], found: readonly QuantityMention[], lexicon: ClaimLexicon): QuantityMention {
  const previous = [...before].reverse().find((p) => p !== q && p.unit && !p.dateLike && p.end <= q.start);
  if (!previous) return q;
  if (q.unit && q.unitClass !== previous.unitClass) return q;
  const gapStart = Math.max(previous.unitEnd ?? previous.end, previous.end);
  if (gapStart > q.start || q.start - gapStart > CONTINUATION_REACH) return q;
  const lead = folded.slice(gapStart, q.start).replace(trailingQualifierRe(lexicon), '');
  // "d'obus de 122 et 152 mm": another count between the two means they count something else (calibres, ranges);
  // a date ("à l'automne 2024, puis 3 000") or a measure of the first figure's noun ("d'obus de 152 mm ou 500 000 obus") is not one.
  const counted = found.some((o) => o.start > previous.start && o.end <= q.start && !o.dateLike && !MEASURE_AFTER_RE.test(folded.slice(o.end)));
  if (counted || /[.;:!?]/.test(lead) || !lexicon.continuationRe.test(lead)) return q;
  // A bare number borrows the unit only where the text leaves the noun out ("puis 3 000 en renfort", "soit 3.000 au total"):
  // a noun after it ("et 300 déminages") is what it counts.
  if (!q.unit && !ELIDED_NOUN_AFTER_RE.test(folded.slice(q.end))) return q;
  const unit = q.unit ? {} : { unit: previous.unit, unitClass: previous.unitClass, unitStart: q.end, unitEnd: q.end };
  return { ...q, ...unit, continues: previous.start };
}

/** The unit a bare number borrows: the next number's across a range joiner, or the previous one's when "dont" introduces it. */
function withUnitOf(folded: string, q: QuantityMention, next: QuantityMention | undefined, before: readonly QuantityMention[], lexicon: ClaimLexicon): QuantityMention {
  if (next?.unit && !next.dateLike && lexicon.rangeJoinerRe.test(folded.slice(q.end, next.start))) {
    return { ...q, unit: next.unit, unitClass: next.unitClass, unitStart: next.unitStart, unitEnd: next.unitEnd };
  }
  const previous = [...before].reverse().find((p) => p.unit && !p.dateLike);
  if (!previous || !q.partitive || /[.;:]/.test(folded.slice(previous.unitEnd ?? previous.end, q.start))) return q;
  return { ...q, unit: previous.unit, unitClass: previous.unitClass, unitStart: q.end, unitEnd: q.end };
}
