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

function lineSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      spans.push({ start, end: i });
      start = i + 1;
    }
  }
  return spans;
}

function lineIsNoise(line: string, lexicons: MentionLexicons): boolean {
  const trimmed = line.replace(/^[\s\-•*–—[(]+/, '');
  if (trimmed.length === 0) return false;
  const lower = trimmed.toLowerCase();
  for (const marker of lexicons.nonentities.lineMarkers) {
    const m = marker.toLowerCase();
    if (!lower.startsWith(m)) continue;
    const next = trimmed[m.length] ?? '';
    if (/[\p{L}\p{N}]/u.test(next) && !UNCONDITIONAL.has(m)) continue;
    const rest = trimmed.slice(m.length);
    if (UNCONDITIONAL.has(m)) return true;
    if (BYLINE_WORDS.has(foldKey(m))) {
      if (trimmed.length <= lexicons.nonentities.maxBylineLineLength && NAMES_ONLY.test(rest)) return true;
      continue;
    }
    if (/^(?:\s*\(s\))?\s*:/.test(rest)) return true;
  }
  return false;
}

/** Longest quoted title of a work that is silenced, in characters. */
const MAX_WORK_TITLE = 150;
const workTitleCache = new WeakMap<MentionLexicons, RegExp | null>();

/** "le livre « … »", "le film "…"": a work's title in quotation marks right after its noun. */
function workTitlePattern(lexicons: MentionLexicons): RegExp | null {
  let re = workTitleCache.get(lexicons);
  if (re !== undefined) return re;
  const nouns = lexicons.nonentities.workTitleNouns.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  re = nouns.length === 0 ? null : new RegExp(`(?<![\\p{L}])(?:${nouns.join('|')})\\s+(?:intitulée?s?\\s+)?(«[^»\\n]{1,${MAX_WORK_TITLE}}»|"[^"\\n]{1,${MAX_WORK_TITLE}}"|“[^”\\n]{1,${MAX_WORK_TITLE}}”)`, 'giu');
  workTitleCache.set(lexicons, re);
  return re;
}

/** Sorted, disjoint spans of `text` where no entity may be found. */
export function noiseSpans(text: string, lexicons: MentionLexicons): Span[] {
  const spans: Span[] = [];
  const works = workTitlePattern(lexicons);
  if (works) {
    works.lastIndex = 0;
    for (const m of text.matchAll(works)) {
      const start = m.index + m[0].length - m[1].length;
      spans.push({ start, end: start + m[1].length });
    }
  }
  for (const re of [URL, PATH_LIKE, DOMAIN, DATELINE]) {
    if (re === DOMAIN && !DOMAIN_TAIL.test(text)) continue;
    // A path needs two separators; PATH_LIKE, unanchored, otherwise tries every position of every word for nothing.
    if (re === PATH_LIKE && !PATH_SEPARATORS.test(text)) continue;
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  const anywhere = lexicons.nonentities.anywhereMarkers.map((m) => m.toLowerCase());
  for (const line of lineSpans(text)) {
    const content = text.slice(line.start, line.end);
    if (lineIsNoise(content, lexicons)) {
      spans.push(line);
      continue;
    }
    const lower = content.toLowerCase();
    for (const marker of anywhere) {
      const at = lower.indexOf(marker);
      if (at >= 0 && line.end - (line.start + at) <= lexicons.nonentities.maxBylineLineLength) {
        spans.push({ start: line.start + at, end: line.end });
      }
    }
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
  const entries = ctx.rules.matcher.entries;
  const unstopped = new Set<number>();
  for (const sc of ctx.sentences) {
    if (!SENTENCE_STOP.test(ctx.text.slice(sc.sentence.start, sc.sentence.end))) unstopped.add(sc.sentence.index);
  }
  if (unstopped.size === 0) return;
  ctx.drafts = ctx.drafts.filter((d) => !(d.known && unstopped.has(d.sentence) && entries.get(d.entityId)?.kind === 'media'));
}
