/**
 * Spans of the article that carry no entity: web addresses and file paths,
 * bylines ("by Sara", "Par Jean Dupont"), photo credits ("© AFP", "Photo : …"),
 * source lines. Markers come from nonentities.json. A news outlet is an
 * entity only where a sentence of the article cites it ("selon Reuters",
 * "a rapporté l'agence Yonhap"), not in a masthead, a credit row or a
 * signature ("Le Quotidien International", "Photo : Reuters / X").
 */
import type { ArticleContext } from './context';
import { foldKey } from './fold';
import type { MentionLexicons } from './lexicon';

export interface Span {
  start: number;
  end: number;
}

const URL = /(?:https?:\/\/|www\.)\S+/gi;
/** A chunk with two or more path or colon separators (wiki paths, time stamps, file names). */
const PATH_LIKE = /[^\s/:]+(?:[/:][^\s/:]+){2,}\S*/g;
export const DOMAIN = /(?<![\p{L}\p{N}@])[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|org|net|fr|ru|kr|kp|de|ai|io|info|news|tv|uk|ua|jp|cn|be|ch|ca|eu|co|us)(?![\p{L}\p{N}])\S*/giu;
/**
 * What every DOMAIN match contains: a dot, a top-level domain and no letter after it. Most articles have none,
 * and this plain scan is far cheaper than DOMAIN's, which tries every word start (profiled at 2–3 % of extraction).
 */
export const DOMAIN_TAIL = /\.(?:com|org|net|fr|ru|kr|kp|de|ai|io|info|news|tv|uk|ua|jp|cn|be|ch|ca|eu|co|us)(?![\p{L}\p{N}])/iu;
/** Two path or colon separators within one run of non-spaces: what every PATH_LIKE match holds. */
const PATH_SEPARATORS = /[/:][^\s/:]*[/:]/;
/** Markers after which the whole line is a byline when the rest is only names. */
const BYLINE_WORDS = new Set(['par', 'by', 'von']);
/** Markers that silence their line with no colon needed. */
const UNCONDITIONAL = new Set(['©', '(c)']);
/** A wire dateline opening a line: "SÉOUL (AFP) –", "MOSCOU, 3 mars (Reuters) -". */
const DATELINE = /^[ \t]*[\p{Lu}][\p{Lu}\s'’.-]{2,40}(?:,[^()\n]{0,30})?\s*\([^()\n]{1,30}\)\s*[-–—]/gmu;
const NAMES_ONLY = /^[\s:]*(?:[\p{Lu}][\p{L}.'’-]*|et|and|und|&|,|\s)+[.\s]*$/u;

/** Where the line that starts at `from` ends (its "\n", or the end of the text). */
function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

/** The only capital whose lower case is two units, and the only one whose lower case depends on what follows. */
const CAPITAL_DOTTED_I = '\u0130';
const CAPITAL_SIGMA = '\u03a3';

/** What opens a line before its first word: spacing, bullets, an opening bracket (LINE_LEAD of a whole line). */
const LINE_LEAD = /^[\s\-•*–—[(]+/;
const LINE_LEAD_UNIT = /[\s\-•*–—[(]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const COLON_AFTER_MARKER = /^(?:\s*\(s\))?\s*:/;

/** A line marker of nonentities.json, lower-cased once, with what it asks of the rest of the line. */
interface LineMarker {
  lower: string;
  unconditional: boolean;
  byline: boolean;
}

/** The lexicon's noise markers, prepared once per lexicon object. */
interface NoiseTables {
  /** Line markers in file order. */
  lineMarkers: LineMarker[];
  /** Line markers by their first lower-case code unit, each list in file order. */
  markersByFirst: Map<number, LineMarker[]>;
  /** Anywhere markers, lower-cased. */
  anywhere: string[];
  /** Length of the longest line marker. */
  longestLineMarker: number;
  works: WorkTitles | null;
}

const tablesCache = new WeakMap<MentionLexicons, NoiseTables>();

function noiseTables(lexicons: MentionLexicons): NoiseTables {
  let tables = tablesCache.get(lexicons);
  if (tables) return tables;
  const lineMarkers = lexicons.nonentities.lineMarkers.map((marker): LineMarker => {
    const lower = marker.toLowerCase();
    return { lower, unconditional: UNCONDITIONAL.has(lower), byline: BYLINE_WORDS.has(foldKey(lower)) };
  });
  const markersByFirst = new Map<number, LineMarker[]>();
  for (const marker of lineMarkers) {
    if (marker.lower.length === 0) continue;
    const first = marker.lower.charCodeAt(0);
    if (!markersByFirst.has(first)) markersByFirst.set(first, []);
    markersByFirst.get(first)!.push(marker);
  }
  tables = {
    lineMarkers,
    markersByFirst,
    anywhere: lexicons.nonentities.anywhereMarkers.map((m) => m.toLowerCase()),
    longestLineMarker: Math.max(0, ...lineMarkers.map((m) => m.lower.length)),
    works: workTitles(lexicons),
  };
  tablesCache.set(lexicons, tables);
  return tables;
}

/** Whether one marker makes a byline, credit or source line of the line's text after its lead: `trimmed` is that text, `rest` what follows the marker. */
function markerSilences(marker: LineMarker, trimmedLength: number, next: string, rest: () => string, lexicons: MentionLexicons): boolean | undefined {
  if (LETTER_OR_DIGIT.test(next) && !marker.unconditional) return undefined;
  if (marker.unconditional) return true;
  if (marker.byline) return trimmedLength <= lexicons.nonentities.maxBylineLineLength && NAMES_ONLY.test(rest()) ? true : undefined;
  return COLON_AFTER_MARKER.test(rest()) ? true : undefined;
}

/** Whether a line (a slice of its own, any case) is a byline, credit or source line. */
function lineIsNoise(line: string, tables: NoiseTables, lexicons: MentionLexicons): boolean {
  const trimmed = line.replace(LINE_LEAD, '');
  if (trimmed.length === 0) return false;
  const lower = trimmed.toLowerCase();
  for (const marker of tables.lineMarkers) {
    const m = marker.lower;
    if (!lower.startsWith(m)) continue;
    if (markerSilences(marker, trimmed.length, trimmed[m.length] ?? '', () => trimmed.slice(m.length), lexicons)) return true;
  }
  return false;
}

/**
 * The noise spans of the line [start, end) of `text`, as lineIsNoise and the anywhere markers of a line lower-cased
 * whole give them, for a text where lower case maps unit to unit without context (no İ, no Σ): only the two pieces
 * that decide are lower-cased, the line's opening (for its line markers) and its last maxBylineLineLength units (a
 * marker silences the rest of its line only there, and only if it does not occur before).
 */
function lineSpansAt(text: string, start: number, end: number, tables: NoiseTables, lexicons: MentionLexicons, spans: Span[]): void {
  let from = start;
  while (from < end && LINE_LEAD_UNIT.test(text[from])) from++;
  if (from < end) {
    const head = text.slice(from, Math.min(end, from + tables.longestLineMarker)).toLowerCase();
    const markers = tables.markersByFirst.get(head.charCodeAt(0));
    if (markers !== undefined) {
      for (const marker of markers) {
        const m = marker.lower;
        if (!head.startsWith(m)) continue;
        const after = from + m.length;
        if (markerSilences(marker, end - from, after < end ? text[after] : '', () => text.slice(after, end), lexicons)) {
          spans.push({ start, end });
          return;
        }
      }
    }
  }
  const maxLength = lexicons.nonentities.maxBylineLineLength;
  const tailStart = Math.max(start, end - maxLength);
  const tail = text.slice(tailStart, end).toLowerCase();
  let line: string | undefined;
  for (const marker of tables.anywhere) {
    const inTail = tail.indexOf(marker);
    if (inTail < 0) continue;
    // The first occurrence in the line decides: it may stand before the tail.
    const at = tailStart === start ? start + inTail : start + (line ??= text.slice(start, end).toLowerCase()).indexOf(marker);
    if (end - at <= maxLength) spans.push({ start: at, end });
  }
}

/** Longest quoted title of a work that is silenced, in characters. */
const MAX_WORK_TITLE = 150;
/** What may stand between a work's noun and its quoted title besides spacing ("le film intitulé « … »"). */
const TITLED = 'intitulée?s?';
/** The lengths TITLED can match. */
const TITLED_LENGTHS = [8, 9, 10];
const SPACE_UNIT = /\s/;

/** The pattern of work titles ("le livre « … »", "le film "…"") and what bounds where its matches start. */
interface WorkTitles {
  /** The pattern, global, as run over a whole text. */
  pattern: RegExp;
  /** The same pattern, sticky: tried at the few offsets where a match may start. */
  sticky: RegExp;
  /** Lengths of the nouns, in code units; empty when a noun holds spacing (its matches are then not bounded). */
  nounLengths: number[];
}

/** "le livre « … »", "le film "…"": a work's title in quotation marks right after its noun. */
function workTitles(lexicons: MentionLexicons): WorkTitles | null {
  const words = lexicons.nonentities.workTitleNouns;
  if (words.length === 0) return null;
  const nouns = words.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  const source = `(?<![\\p{L}])(?:${nouns.join('|')})\\s+(?:${TITLED}\\s+)?(«[^»\\n]{1,${MAX_WORK_TITLE}}»|"[^"\\n]{1,${MAX_WORK_TITLE}}"|“[^”\\n]{1,${MAX_WORK_TITLE}}”)`;
  // Offsets are only bounded for nouns of plain letters, which case-insensitive matching pairs one unit for one.
  const bounded = words.every((w) => /^\p{L}+$/u.test(w) && !/[\ud800-\udfff]/.test(w));
  return { pattern: new RegExp(source, 'giu'), sticky: new RegExp(source, 'iuy'), nounLengths: bounded ? [...new Set(words.map((w) => w.length))] : [] };
}

/** Start of the run of spacing that ends just before `end` (`end` itself when there is none). */
function spacingStart(text: string, end: number): number {
  let i = end;
  while (i > 0 && SPACE_UNIT.test(text[i - 1])) i--;
  return i;
}

/** An opening mark of a title; after spacing, it is where the spacing after a work's noun ends. */
const TITLE_OPENER = /[«"“]/g;

/**
 * The work-title spans of `text`, the same as the global pattern's matches but
 * found by trying the sticky pattern only where a match can start: every match
 * ends its spacing at an opening mark, and before that spacing stands a noun,
 * or "intitulé" and more spacing, then a noun, whose lengths are known. The
 * starts are tried in order, each at or after the end of the last match, as
 * the global scan would.
 */
function workTitleSpans(text: string, works: WorkTitles, spans: Span[]): void {
  const push = (at: number, m: RegExpExecArray | RegExpMatchArray): void => {
    const start = at + m[0].length - m[1].length;
    spans.push({ start, end: start + m[1].length });
  };
  if (works.nounLengths.length === 0) {
    works.pattern.lastIndex = 0;
    for (const m of text.matchAll(works.pattern)) push(m.index, m);
    return;
  }
  const starts = new Set<number>();
  TITLE_OPENER.lastIndex = 0;
  for (const opener of text.matchAll(TITLE_OPENER)) {
    if (opener.index === 0 || !SPACE_UNIT.test(text[opener.index - 1])) continue;
    const nounEnd = spacingStart(text, opener.index);
    for (const length of works.nounLengths) starts.add(nounEnd - length);
    for (const titled of TITLED_LENGTHS) {
      const spacingEnd = nounEnd - titled;
      if (spacingEnd <= 0 || !SPACE_UNIT.test(text[spacingEnd - 1])) continue;
      const titledNounEnd = spacingStart(text, spacingEnd);
      for (const length of works.nounLengths) starts.add(titledNounEnd - length);
    }
  }
  let frontier = 0;
  for (const at of [...starts].sort((a, b) => a - b)) {
    if (at < frontier) continue;
    works.sticky.lastIndex = at;
    const m = works.sticky.exec(text);
    if (m === null) continue;
    push(at, m);
    frontier = at + Math.max(1, m[0].length);
  }
}

/** Sorted, disjoint spans of `text` where no entity may be found. */
export function noiseSpans(text: string, lexicons: MentionLexicons): Span[] {
  const spans: Span[] = [];
  const tables = noiseTables(lexicons);
  if (tables.works) workTitleSpans(text, tables.works, spans);
  for (const re of [URL, PATH_LIKE, DOMAIN, DATELINE]) {
    if (re === DOMAIN && !DOMAIN_TAIL.test(text)) continue;
    // A path needs two separators; PATH_LIKE, unanchored, otherwise tries every position of every word for nothing.
    if (re === PATH_LIKE && !PATH_SEPARATORS.test(text)) continue;
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  if (text.includes(CAPITAL_DOTTED_I) || text.includes(CAPITAL_SIGMA)) {
    // İ lower-cases to two units and Σ by its neighbours: such texts are read line by line, each lower-cased whole.
    const maxLength = lexicons.nonentities.maxBylineLineLength;
    for (let start = 0; start <= text.length; ) {
      const end = lineEnd(text, start);
      const content = text.slice(start, end);
      if (lineIsNoise(content, tables, lexicons)) spans.push({ start, end });
      else {
        const lowerLine = content.toLowerCase();
        for (const marker of tables.anywhere) {
          const at = lowerLine.indexOf(marker);
          if (at >= 0 && end - (start + at) <= maxLength) spans.push({ start: start + at, end });
        }
      }
      start = end + 1;
    }
    return mergeSpans(spans);
  }
  for (let start = 0; start <= text.length; ) {
    const end = lineEnd(text, start);
    lineSpansAt(text, start, end, tables, lexicons, spans);
    start = end + 1;
  }
  return mergeSpans(spans);
}

/** Sorts spans and merges the overlapping ones. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** True when [start, end) overlaps one of the sorted, disjoint spans. */
export function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start < end) lo = mid + 1;
    else hi = mid;
  }
  // spans[lo - 1] is the last span starting before `end`; being disjoint, it is the only candidate.
  return lo > 0 && spans[lo - 1].end > start;
}

/** Body text ends a sentence with a stop; mastheads, credit rows, signatures and section labels do not. */
const SENTENCE_STOP = /[.!?…»"”)]\s*$/u;

/**
 * Drops the mentions of news outlets (gazetteer kind "media") in sentences
 * without a final stop: there the outlet signs, credits or heads the page,
 * and is not a source the article cites.
 */
export function dropOutletCredits(ctx: ArticleContext): void {
  const outlets = ctx.rules.outlets;
  // Most articles cite no outlet: their sentences need not be read.
  if (!ctx.drafts.some((d) => d.known && outlets.has(d.entityId))) return;
  const unstopped = new Set<number>();
  for (const sc of ctx.sentences) {
    if (!SENTENCE_STOP.test(ctx.text.slice(sc.sentence.start, sc.sentence.end))) unstopped.add(sc.sentence.index);
  }
  if (unstopped.size === 0) return;
  ctx.drafts = ctx.drafts.filter((d) => !(d.known && unstopped.has(d.sentence) && outlets.has(d.entityId)));
}
