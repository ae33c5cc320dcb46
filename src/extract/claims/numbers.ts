import type { ClaimLexicon } from './lexicon';
import { fold } from './text';

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
}

/** Digits with French thousands separators (space, dot) or a decimal comma, then an optional scale word. */
const DIGITS_RE = /(?<![\d.,a-z])(\d{1,3}(?:[ .]\d{3})+(?![\d])|\d+(?:,\d+)?)(?:\s*(millions?|milliards?|mille|mio|mrd))?(?![\d])/g;
const SCALE: Record<string, number> = { million: 1e6, millions: 1e6, milliard: 1e9, milliards: 1e9, mille: 1e3, mio: 1e6, mrd: 1e9 };
const MONTH_AFTER_RE = /^\s*(?:er\s+)?(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\b/;
const YEAR_MIN = 1900;
const YEAR_MAX = 2100;
/** Words a unit noun may be separated from its number by ("5 millions d'obus", "10 000 jeunes soldats"). */
const UNIT_GAP_RE = /^\s*(?:(?:de|d')\s*)?(?:[a-zœæ-]+\s+)?/;

/** Parses digits as the French press writes them: "20 000", "4.700", "1,5" → 20000, 4700, 1.5. */
export function parseDigits(digits: string): number {
  const compact = digits.replace(/\s/g, '');
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
    const gap = gapWord ? (UNIT_GAP_RE.exec(rest)?.[0] ?? '') : (/^\s*(?:(?:de|d')\s*)?/.exec(rest)?.[0] ?? '');
    const after = rest.slice(gap.length);
    for (const entry of lexicon.units) {
      if (after.startsWith(entry.noun) && !/[a-z0-9œæ]/.test(after[entry.noun.length] ?? '')) {
        const unitStart = from + gap.length;
        return { unit: entry.unit, unitClass: entry.unitClass, unitStart, unitEnd: unitStart + entry.noun.length };
      }
    }
  }
  return {};
}

/**
 * Every number of a sentence with the unit noun that follows it, in text order.
 * "des milliers" and other vague amounts give nothing; years and day numbers are
 * kept but flagged `dateLike`. Never throws.
 */
export function findQuantities(text: string, lexicon: ClaimLexicon): QuantityMention[] {
  const folded = fold(text);
  const found: QuantityMention[] = [];
  for (const m of folded.matchAll(DIGITS_RE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    let value = parseDigits(m[1]);
    if (m[2]) value *= SCALE[m[2]] ?? 1;
    if (!Number.isFinite(value)) continue;
    value = Math.round(value);
    const plainYear = !m[2] && /^\d{4}$/.test(m[1]) && value >= YEAR_MIN && value <= YEAR_MAX;
    const dayOfMonth = !m[2] && /^\d{1,2}$/.test(m[1]) && MONTH_AFTER_RE.test(folded.slice(end));
    const unit = unitAt(folded, end, lexicon);
    found.push({ value, start, end, ...unit, dateLike: (plainYear && !unit.unit) || dayOfMonth });
  }
  for (const m of folded.matchAll(lexicon.numberWordsRe)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (found.some((q) => q.start < end && start < q.end)) continue;
    // "mille" alone after digits is handled above; a bare scale word preceded by "des" is vague ("des millions").
    if (/(?:^|\s)(?:des|de|plusieurs|quelques)\s*$/.test(folded.slice(Math.max(0, start - 12), start)) && /^(?:cent|mille|million|milliard)s?$/.test(m[0])) continue;
    const value = parseNumberWords(m[0], lexicon);
    if (value === undefined || value <= 0) continue;
    const unit = unitAt(folded, end, lexicon);
    found.push({ value, start, end, ...unit, dateLike: false });
  }
  return found.sort((a, b) => a.start - b.start);
}
