/**
 * Publication dates written in page text or metadata, read with generic
 * patterns: ISO (2025-07-14), day-first numeric (14/07/2025, 08.11.2025),
 * day month year in French, German or English (6 novembre 2025, 6. November
 * 2025, November 6, 2025), and dates in paths (…:2025:07:…, /2025/01/06/).
 * Month names come from noise.json ("dates.months").
 */

/** Years outside this range are taken for something else (a count, a code). */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

const ISO_DATE = /\b(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/;
const NUMERIC_DAY_FIRST = /(?<!\d)(\d{1,2})[./](\d{1,2})[./](\d{4})(?!\d)/;
const DAY_MONTH_YEAR = /(?<!\d)(\d{1,2})(?:er|\.)?\s+([\p{L}]+)\.?\s+(\d{4})(?!\d)/u;
const MONTH_DAY_YEAR = /(?<![\p{L}])([\p{L}]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/u;
const MONTH_YEAR = /(?<![\p{L}])([\p{L}]+)\.?\s+(\d{4})(?!\d)/u;
/** A year and month as path segments: separators / or :, the year possibly glued to a prefix (spot-2025). */
const PATH_DATE = /(?:^|[/:_-])(\d{4})[/:](\d{1,2})(?:[/:](\d{1,2}))?(?=[/:._-]|$)/;

export type MonthNames = ReadonlyMap<string, number>;

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** ISO date (YYYY-MM or YYYY-MM-DD) when the parts make a real date, else undefined. */
export function isoDate(year: number, month: number, day?: number): string | undefined {
  if (!(year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12)) return undefined;
  if (day === undefined) return `${year}-${pad(month)}`;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!(day >= 1 && day <= last)) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function monthOf(word: string, months: MonthNames): number | undefined {
  return months.get(word.toLowerCase());
}

/** First complete date written in the text, as ISO; month-year only when no day is given. */
export function parseDateIn(text: string, months: MonthNames): string | undefined {
  let m = ISO_DATE.exec(text);
  if (m) {
    const d = isoDate(+m[1], +m[2], +m[3]);
    if (d) return d;
  }
  m = NUMERIC_DAY_FIRST.exec(text);
  if (m) {
    const d = isoDate(+m[3], +m[2], +m[1]);
    if (d) return d;
  }
  m = DAY_MONTH_YEAR.exec(text);
  if (m) {
    const month = monthOf(m[2], months);
    const d = month && isoDate(+m[3], month, +m[1]);
    if (d) return d;
  }
  m = MONTH_DAY_YEAR.exec(text);
  if (m) {
    const month = monthOf(m[1], months);
    const d = month && isoDate(+m[3], month, +m[2]);
    if (d) return d;
  }
  m = MONTH_YEAR.exec(text);
  if (m) {
    const month = monthOf(m[1], months);
    const d = month && isoDate(+m[2], month);
    if (d) return d;
  }
  return undefined;
}

/** Date given by year/month(/day) segments of a path or address (…:2025:07:…, /2025/01/06/). */
export function parsePathDate(text: string): string | undefined {
  const m = PATH_DATE.exec(text);
  if (!m) return undefined;
  return (m[3] !== undefined ? isoDate(+m[1], +m[2], +m[3]) : undefined) ?? isoDate(+m[1], +m[2]);
}

/** Normalises a date found in metadata (2025-11-06T10:00:00Z, 6 novembre 2025 …) to ISO, or undefined. */
export function normalizeDate(value: string | undefined, months: MonthNames): string | undefined {
  if (!value) return undefined;
  return parseDateIn(value, months);
}
