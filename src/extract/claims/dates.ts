import { allMatches, fold } from './text';

/** A date expression of a sentence, resolved to ISO-8601 as precise as the text. */
export interface DateMention {
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  iso: string;
  start: number;
  end: number;
}

const MONTHS = ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre'];
const MONTH = `(${MONTHS.join('|')})`;
const WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
const YEAR = '((?:19|20)\\d{2})';
const B = '(?<![a-z0-9])';
const E = '(?![a-z0-9])';

/** A known publication date, split. */
interface Reference {
  year: number;
  month?: number;
  day?: number;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Reads an ISO date (YYYY, YYYY-MM, YYYY-MM-DD, or a full timestamp); undefined when it is not one. */
export function parseIsoDate(iso: string | undefined): Reference | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso ?? '');
  if (!m) return undefined;
  const ref: Reference = { year: Number(m[1]) };
  if (m[2]) ref.month = Number(m[2]);
  if (m[3]) ref.day = Number(m[3]);
  return ref;
}

function shiftDays(ref: Reference, days: number): Date | undefined {
  if (ref.month === undefined || ref.day === undefined) return undefined;
  return new Date(Date.UTC(ref.year, ref.month - 1, ref.day + days));
}

function isoDay(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function isoMonth(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}

/** A month named without its year: the publication year, or the one before when that month is still to come. */
function yearForMonth(month: number, ref: Reference | undefined): number | undefined {
  if (!ref) return undefined;
  if (ref.month !== undefined && month > ref.month) return ref.year - 1;
  return ref.year;
}

type Resolver = (m: RegExpExecArray, ref: Reference | undefined) => string | undefined;

/** Date patterns in priority order: a span taken by an earlier pattern is not read again. */
const PATTERNS: Array<{ re: RegExp; resolve: Resolver }> = [
  {
    re: new RegExp(`${B}(1er|\\d{1,2})\\s+${MONTH}\\s+${YEAR}${E}`, 'g'),
    resolve: (m) => `${m[3]}-${pad(MONTHS.indexOf(m[2]) + 1)}-${pad(m[1] === '1er' ? 1 : Number(m[1]))}`,
  },
  { re: new RegExp(`${B}${MONTH}\\s+(?:de\\s+l'annee\\s+)?${YEAR}${E}`, 'g'), resolve: (m) => `${m[2]}-${pad(MONTHS.indexOf(m[1]) + 1)}` },
  {
    re: new RegExp(`${B}(1er|\\d{1,2})\\s+${MONTH}${E}`, 'g'),
    resolve: (m, ref) => {
      const month = MONTHS.indexOf(m[2]) + 1;
      const year = yearForMonth(month, ref);
      return year === undefined ? undefined : `${year}-${pad(month)}-${pad(m[1] === '1er' ? 1 : Number(m[1]))}`;
    },
  },
  {
    re: new RegExp(`${B}${MONTH}\\s+(?:de\\s+)?l'annee\\s+derniere${E}`, 'g'),
    resolve: (m, ref) => (ref ? `${ref.year - 1}-${pad(MONTHS.indexOf(m[1]) + 1)}` : undefined),
  },
  {
    re: new RegExp(`${B}(?:en|depuis|d'ici|des|fin|debut|mi-|courant|jusqu'en|au mois de|le mois de|avant|apres|depuis le mois de)\\s*${MONTH}${E}`, 'g'),
    resolve: (m, ref) => {
      const month = MONTHS.indexOf(m[1]) + 1;
      const year = yearForMonth(month, ref);
      return year === undefined ? undefined : `${year}-${pad(month)}`;
    },
  },
  { re: new RegExp(`${B}(?:en|depuis|d'ici|des|fin|debut|mi-|courant|avant|apres|jusqu'en|de|l'an|annee)\\s*${YEAR}${E}`, 'g'), resolve: (m) => m[1] },
  { re: new RegExp(`${B}(?:ce mois-ci|ce mois|courant du mois|cette semaine|en ce moment)${E}`, 'g'), resolve: (_m, ref) => (ref?.month ? `${ref.year}-${pad(ref.month)}` : undefined) },
  {
    re: new RegExp(`${B}(?:le mois dernier|le mois precedent)${E}`, 'g'),
    resolve: (_m, ref) => (ref?.month ? isoMonth(new Date(Date.UTC(ref.year, ref.month - 2, 1))) : undefined),
  },
  {
    re: new RegExp(`${B}la semaine (?:derniere|passee)${E}`, 'g'),
    resolve: (_m, ref) => {
      const d = ref && shiftDays(ref, -7);
      return d ? isoMonth(d) : undefined;
    },
  },
  { re: new RegExp(`${B}avant-hier${E}`, 'g'), resolve: (_m, ref) => { const d = ref && shiftDays(ref, -2); return d ? isoDay(d) : undefined; } },
  { re: new RegExp(`${B}hier${E}`, 'g'), resolve: (_m, ref) => { const d = ref && shiftDays(ref, -1); return d ? isoDay(d) : undefined; } },
  { re: new RegExp(`${B}aujourd'hui${E}`, 'g'), resolve: (_m, ref) => { const d = ref && shiftDays(ref, 0); return d ? isoDay(d) : undefined; } },
  {
    re: new RegExp(`${B}(${WEEKDAYS.join('|')})(?:\\s+dernier)?${E}`, 'g'),
    resolve: (m, ref) => {
      const today = ref && shiftDays(ref, 0);
      if (!today) return undefined;
      // The last such weekday before publication (press usage: "lundi" in a Wednesday paper is two days ago).
      let back = (today.getUTCDay() - WEEKDAYS.indexOf(m[1]) + 7) % 7;
      if (back === 0) back = 7;
      const d = shiftDays(ref!, -back);
      return d ? isoDay(d) : undefined;
    },
  },
  { re: new RegExp(`${B}(?:cette annee|cet ete|cet hiver|ce printemps|cet automne)${E}`, 'g'), resolve: (_m, ref) => (ref ? String(ref.year) : undefined) },
  { re: new RegExp(`${B}(?:l'annee derniere|l'an dernier|l'an passe|l'annee passee|l'ete dernier|l'hiver dernier)${E}`, 'g'), resolve: (_m, ref) => (ref ? String(ref.year - 1) : undefined) },
  { re: new RegExp(`${B}(?:l'annee prochaine|l'an prochain)${E}`, 'g'), resolve: (_m, ref) => (ref ? String(ref.year + 1) : undefined) },
];

/** Any month name or year, anywhere: what the patterns holding MONTH or YEAR need at least. */
const ANY_MONTH = new RegExp(MONTH);
const ANY_YEAR = new RegExp(YEAR);

/** True when `group` occurs in `source` and not as an optional part (followed by a quantifier that allows zero). */
function requiresGroup(source: string, group: string): boolean {
  const at = source.indexOf(group);
  if (at < 0) return false;
  const next = source[at + group.length];
  return next !== '?' && next !== '*' && next !== '{';
}

/** What each pattern needs in the sentence: a month name, a year (read from the pattern itself). */
const NEEDS = new Map(PATTERNS.map(({ re }) => [re, { month: requiresGroup(re.source, MONTH), year: requiresGroup(re.source, YEAR) }]));

/**
 * Any match of a pattern that needs neither a month nor a year: their alternation, tried once on a sentence. Most
 * sentences hold no relative date, and then none of these patterns is scanned on its own.
 */
const ANY_RELATIVE = new RegExp(
  PATTERNS.filter(({ re }) => !NEEDS.get(re)?.month && !NEEDS.get(re)?.year)
    .map(({ re }) => `(?:${re.source})`)
    .join('|'),
);

/**
 * Every date expression of a sentence, resolved against the article's
 * publication date when the text is relative ("ce mois-ci", "hier", "lundi
 * dernier", a month without year). Relative dates are omitted when the
 * publication date is unknown. Never throws.
 */
export function findDates(text: string, articleDate?: string): DateMention[] {
  const folded = fold(text);
  const ref = parseIsoDate(articleDate);
  const taken: DateMention[] = [];
  const hasMonth = ANY_MONTH.test(folded);
  const hasYear = ANY_YEAR.test(folded);
  const hasRelative = ANY_RELATIVE.test(folded);
  for (const { re, resolve } of PATTERNS) {
    // A pattern that needs a month name or a year finds nothing in a sentence without one; the others, nothing
    // where their alternation finds nothing.
    const needs = NEEDS.get(re);
    if ((needs?.month && !hasMonth) || (needs?.year && !hasYear) || (!needs?.month && !needs?.year && !hasRelative)) continue;
    for (const m of allMatches(re, folded)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (taken.some((d) => d.start < end && start < d.end)) continue;
      const iso = resolve(m as RegExpExecArray, ref);
      if (iso && /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(iso)) taken.push({ iso, start, end });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}
