/**
 * Page-noise removal: one generic cleaner driven by the rules of
 * graph-data/knowledge/noise.json (line patterns, header-only line patterns,
 * inline patterns, blocks with start/end markers, date cues). Besides the
 * cleaned text it returns what the noise told about the article: its source
 * address (first bare address line), its title (first line that is not
 * noise) and its publication date.
 *
 * Linear in the text: every rule is tested once per line, and line patterns
 * are only tried on lines short enough to be page chrome.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { MonthNames } from './dates';
import { parseDateIn, parsePathDate } from './dates';
import { anyMatches, mayMatch } from './required';

/** Default location of the rules, relative to this file (src/corpus → graph-data/knowledge). */
export const DEFAULT_NOISE_FILE = path.resolve(__dirname, '../../graph-data/knowledge/noise.json');

/** Line patterns are not tried on longer lines: page chrome is short, and this bounds the cost on long paragraphs. */
const MAX_NOISE_LINE_CHARS = 1000;

/** A line at least this long is article body: the header zone (bylines, tag lines, breadcrumbs) ends before it. */
const BODY_LINE_MIN_CHARS = 160;

/** The header zone never extends past this many non-blank lines. */
const HEADER_MAX_LINES = 15;

/** Datelines ("Publié le 6 novembre 2025 à 10h", a wiki footer) are short; longer lines are not searched for date cues. */
const MAX_DATELINE_CHARS = 200;

/** Titles longer than this are cut at a word boundary (a text whose first line is a whole paragraph). */
const MAX_TITLE_CHARS = 200;

/** Case-insensitive; Unicode mode only where a pattern needs it (\p{…}, \u{…}): it makes V8's matching about four times slower. */
const DEFAULT_FLAGS = 'i';
const NEEDS_UNICODE = /\\[pPu]\{/;

const ruleSchema = z.object({ why: z.string().optional(), pattern: z.string(), flags: z.string().optional() });
const blockSchema = z.object({
  why: z.string().optional(),
  start: z.string(),
  end: z.string().optional(),
  maxLines: z.number().int().positive().optional(),
  toEnd: z.boolean().optional(),
  flags: z.string().optional(),
});
const noiseFileSchema = z.object({
  lines: z.array(ruleSchema),
  headerLines: z.array(ruleSchema).default([]),
  inline: z.array(ruleSchema).default([]),
  blocks: z.array(blockSchema).default([]),
  dates: z
    .object({
      publicationCues: z.array(z.string()).default([]),
      modificationCues: z.array(z.string()).default([]),
      months: z.record(z.string(), z.number().int().min(1).max(12)).default({}),
    })
    .default({ publicationCues: [], modificationCues: [], months: {} }),
});

export type NoiseFile = z.infer<typeof noiseFileSchema>;

/** A block of lines dropped whole: from a line matching `start` to one matching `end`, or to the end of the text. */
export interface BlockRule {
  start: RegExp;
  /** Absent with `toEnd`: the block runs to the end of the text (comment sections, related articles). */
  end?: RegExp;
  /** How far the end marker is looked for; past this the start line alone is dropped. */
  maxLines: number;
  toEnd: boolean;
}

/** The compiled rules. */
export interface NoiseRules {
  /** A trimmed line matching one of these is dropped wherever it is. */
  lines: RegExp[];
  /** Dropped only in the header zone, before the first body paragraph (bylines, breadcrumbs, tag lists). */
  headerLines: RegExp[];
  /** Removed inside lines. A named group `echo` captures a caption the page repeats on a line of its own, dropped too. */
  inline: RegExp[];
  blocks: BlockRule[];
  /** Lower-case cues that introduce a publication date ("publié le"). */
  publicationCues: string[];
  /** Lower-case cues that introduce a modification date, used when nothing better is found. */
  modificationCues: string[];
  months: MonthNames;
}

function compile(source: string, flags: string | undefined, where: string, global = false): RegExp {
  try {
    const base = flags ?? (NEEDS_UNICODE.test(source) ? `${DEFAULT_FLAGS}u` : DEFAULT_FLAGS);
    return new RegExp(source, base + (global ? 'g' : ''));
  } catch (error) {
    throw new Error(`newsgraph corpus: ${where}: invalid pattern ${JSON.stringify(source)} (${(error as Error).message})`);
  }
}

/** Compiles parsed noise rules; `where` names the file in errors. */
export function compileNoiseRules(data: unknown, where = 'noise rules'): NoiseRules {
  const parsed = noiseFileSchema.safeParse(data);
  if (!parsed.success) {
    throw new Error(`newsgraph corpus: ${where}: not a noise-rules file (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`);
  }
  const file = parsed.data;
  const byLength = (a: string, b: string) => b.length - a.length;
  return {
    lines: file.lines.map((r, i) => compile(r.pattern, r.flags, `${where} lines[${i}]`)),
    headerLines: file.headerLines.map((r, i) => compile(r.pattern, r.flags, `${where} headerLines[${i}]`)),
    inline: file.inline.map((r, i) => compile(r.pattern, r.flags, `${where} inline[${i}]`, true)),
    blocks: file.blocks.map((b, i) => ({
      start: compile(b.start, b.flags, `${where} blocks[${i}].start`),
      end: b.end === undefined ? undefined : compile(b.end, b.flags, `${where} blocks[${i}].end`),
      maxLines: b.maxLines ?? Number.MAX_SAFE_INTEGER,
      toEnd: b.toEnd ?? b.end === undefined,
    })),
    // Longest cue first, so "publié le" wins over "publié".
    publicationCues: file.dates.publicationCues.map((c) => c.toLowerCase()).sort(byLength),
    modificationCues: file.dates.modificationCues.map((c) => c.toLowerCase()).sort(byLength),
    months: new Map(Object.entries(file.dates.months).map(([k, v]) => [k.toLowerCase(), v])),
  };
}

const cache = new Map<string, NoiseRules>();
let defaultRules: NoiseRules | undefined;

/** Reads and compiles a noise-rules file (cached by path). Throws naming the file when it is missing or wrong. */
export function loadNoiseRules(file: string = DEFAULT_NOISE_FILE): NoiseRules {
  // The default file is asked for once per article: its rules are found without resolving its path again.
  if (file === DEFAULT_NOISE_FILE && defaultRules !== undefined) return defaultRules;
  const resolved = path.resolve(file);
  const cached = cache.get(resolved);
  if (cached) return cached;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(resolved, 'utf8'));
  } catch (error) {
    throw new Error(`newsgraph corpus: cannot read noise rules ${resolved} (${(error as Error).message})`);
  }
  const rules = compileNoiseRules(data, resolved);
  cache.set(resolved, rules);
  if (file === DEFAULT_NOISE_FILE) defaultRules = rules;
  return rules;
}

/** What the cleaner found out about the article while removing noise. */
export interface CleanedText {
  /** The text without page noise: lines trimmed, paragraphs separated by one blank line. */
  text: string;
  /** First non-noise line, cut to MAX_TITLE_CHARS. */
  title?: string;
  /** Source address: the first bare address line, or the first "Source: address" line. */
  url?: string;
  /** Publication date (ISO), from a dateline, a date line in the header, a dated path, or a modification date. */
  date?: string;
  /** Number of lines dropped as noise. */
  droppedLines: number;
}

const BARE_URL = /^(?:https?:\/\/|www\.)\S+$/i;
const URL_IN_LINE = /(?:https?:\/\/|www\.)\S+/i;
const SOURCE_LINE = /^[-•*]?\s*(?:sources?|quelle|lien|link|url)\s*:\s*((?:https?:\/\/|www\.)\S+)$/i;
const HAS_LETTER = /\p{L}/u;
const HAS_DIGIT = /\d/;
/** A line that ends a sentence or a clause with a stop: not broken mid-sentence. */
const ENDS_CLOSED = /[.!?…:;»"”)\]]$/;
const ENDS_OPEN = /[\p{L}\p{N},]$/u;
const STARTS_LOWER = /^\p{Ll}/u;
/** A line that only holds a date, a time or figures (dateline, timestamp). */
const DATE_ONLY_LETTERS = /^[\p{L}.]+$/u;

function matchesAny(line: string, patterns: RegExp[]): boolean {
  return anyMatches(patterns, line);
}

/** Index of the first body line: the first long line, bounded by HEADER_MAX_LINES non-blank lines. */
function headerEnd(lines: string[]): number {
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].length === 0) continue;
    if (lines[i].length >= BODY_LINE_MIN_CHARS || ++seen > HEADER_MAX_LINES) return i;
  }
  return lines.length;
}

/** True when every word of the line is a month name or a number: "6 novembre 2025", "08.11.2025 16:45". */
function isDateLine(line: string, months: MonthNames): boolean {
  if (line.length > 60) return false;
  const words = line.split(/[\s,]+/).filter((w) => DATE_ONLY_LETTERS.test(w));
  return words.every((w) => months.has(w.replace(/\.$/, '').toLowerCase()) || /^(à|a|um|at|h)$/i.test(w));
}

/** A header line that is only a date ("6 novembre 2025", "08.11.2025 16:45"): read for the date, then dropped. */
function isDateline(line: string, months: MonthNames): boolean {
  return /\d/.test(line) && isDateLine(line, months) && parseDateIn(line, months) !== undefined;
}

function cueDate(lines: string[], cues: string[], months: MonthNames): string | undefined {
  for (const line of lines) {
    if (line.length === 0 || line.length > MAX_DATELINE_CHARS || !HAS_DIGIT.test(line)) continue;
    const lower = line.toLowerCase();
    for (const cue of cues) {
      const at = lower.indexOf(cue);
      if (at === -1) continue;
      const date = parseDateIn(line.slice(at + cue.length), months);
      if (date) return date;
    }
  }
  return undefined;
}

/** The publication date, by decreasing trust: dateline cue, date line in the header, dated path, modification cue. */
export function findPublicationDate(lines: string[], rules: NoiseRules): string | undefined {
  const fromCue = cueDate(lines, rules.publicationCues, rules.months);
  if (fromCue) return fromCue;
  const end = headerEnd(lines);
  for (let i = 0; i < end; i++) {
    const line = lines[i];
    if (line.length > 0 && isDateline(line, rules.months)) return parseDateIn(line, rules.months);
  }
  for (const line of lines) {
    // Only lines that are a path or address, or hold one (a wiki footer "page/path.txt · modified …").
    const pathLike = !line.includes(' ') || line.includes(' · ') || URL_IN_LINE.test(line);
    if (line.length > MAX_NOISE_LINE_CHARS || !pathLike) continue;
    const candidate = URL_IN_LINE.exec(line)?.[0] ?? line.split(' ')[0];
    const date = parsePathDate(candidate);
    if (date) return date;
  }
  return cueDate(lines, rules.modificationCues, rules.months);
}

/** The article's source address: the first bare address line, else the first "Source: address" line. */
export function findSourceUrl(lines: string[]): string | undefined {
  const bare = lines.find((line) => BARE_URL.test(line));
  if (bare) return bare;
  for (const line of lines) {
    const m = SOURCE_LINE.exec(line);
    if (m) return m[1];
  }
  return undefined;
}

/** Marks the lines dropped by block rules. */
function markBlocks(lines: string[], rules: NoiseRules, bodyStart: number, drop: Uint8Array): void {
  if (rules.blocks.length === 0) return;
  const totalChars = lines.reduce((n, l) => n + l.length, 0);
  let charsBefore = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.length > 0 && line.length <= MAX_NOISE_LINE_CHARS && !drop[i]) {
      for (const block of rules.blocks) {
        if (!mayMatch(block.start, line) || !block.start.test(line)) continue;
        if (block.toEnd) {
          // A foot-of-page block only once the article has begun, and only if less text follows than came before.
          if (i >= bodyStart && totalChars - charsBefore < charsBefore) {
            drop.fill(1, i);
            return;
          }
          drop[i] = 1;
          break;
        }
        const last = Math.min(lines.length - 1, i + block.maxLines);
        let endAt = -1;
        for (let j = i + 1; j <= last; j++) {
          if (block.end!.test(lines[j])) {
            endAt = j;
            break;
          }
        }
        drop.fill(1, i, (endAt === -1 ? i : endAt) + 1);
        break;
      }
    }
    charsBefore += line.length;
  }
}

/** Removes inline noise; returns the line and any caption the page echoes on a line of its own. */
function stripInline(line: string, rules: NoiseRules): { line: string; echoes: string[]; changed: boolean } {
  const echoes: string[] = [];
  let out = line;
  for (const pattern of rules.inline) {
    if (!mayMatch(pattern, out)) continue;
    pattern.lastIndex = 0;
    if (!pattern.test(out)) continue;
    pattern.lastIndex = 0;
    out = out.replace(pattern, (...args: unknown[]) => {
      const groups = args[args.length - 1];
      const echo = typeof groups === 'object' && groups !== null ? (groups as Record<string, string | undefined>).echo : undefined;
      if (echo) echoes.push(echo.trim());
      return ' ';
    });
  }
  if (out === line) return { line, echoes, changed: false };
  return { line: out.replace(/ {2,}/g, ' ').trim(), echoes, changed: true };
}

function cutTitle(line: string): string {
  if (line.length <= MAX_TITLE_CHARS) return line;
  const cut = line.slice(0, MAX_TITLE_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_TITLE_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Removes page noise from normalised text (LF line ends, spaces collapsed):
 * block rules, inline rules, line rules, header-only rules, lines without a
 * letter, repeated lines (a title shown three times), echoed captions.
 * A line broken by removed inline junk is joined with its continuation, and
 * so is a line that stops mid-clause when the next one starts in lower case.
 */
export function cleanText(text: string, rules: NoiseRules = loadNoiseRules()): CleanedText {
  let trimmed = false;
  const lines = text.split('\n').map((l) => {
    const line = l.trim();
    if (line.length !== l.length) trimmed = true;
    return line;
  });
  const url = findSourceUrl(lines);
  const date = findPublicationDate(lines, rules);
  const bodyStart = headerEnd(lines);
  const drop = new Uint8Array(lines.length);
  markBlocks(lines, rules, bodyStart, drop);

  const kept: string[] = [];
  // Lines already kept, by length: a paragraph is compared with the few of its length instead of hashed whole.
  const seen = new Map<number, string[]>();
  const isNoise = (candidate: string, i: number): boolean =>
    drop[i] === 1 ||
    !HAS_LETTER.test(candidate) ||
    (candidate.length <= MAX_NOISE_LINE_CHARS &&
      (matchesAny(candidate, rules.lines) || (i < bodyStart && (matchesAny(candidate, rules.headerLines) || isDateline(candidate, rules.months)))));
  let pendingEchoes: string[] = [];
  let lastBroken = false;
  let gap = false;
  let droppedLines = 0;
  let lastJoinable = false;

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (raw.length === 0) {
      gap = kept.length > 0;
      continue;
    }
    if (drop[i] === 1 || isNoise(raw, i)) {
      droppedLines++;
      continue;
    }
    const { line, echoes, changed } = stripInline(raw, rules);
    if (pendingEchoes.length > 0 && pendingEchoes.includes(line)) {
      pendingEchoes = pendingEchoes.filter((e) => e !== line);
      droppedLines++;
      continue;
    }
    const sameLength = seen.get(line.length);
    if (line.length === 0 || (changed && isNoise(line, i)) || (sameLength !== undefined && sameLength.includes(line))) {
      droppedLines++;
      continue;
    }
    pendingEchoes = echoes;
    const continues = STARTS_LOWER.test(line) && ((lastBroken && kept.length > 0) || (!gap && lastJoinable));
    if (continues) {
      kept[kept.length - 1] = `${kept[kept.length - 1]} ${line}`;
    } else {
      if (gap) kept.push('');
      kept.push(line);
    }
    if (sameLength === undefined) seen.set(line.length, [line]);
    else sameLength.push(line);
    gap = false;
    lastBroken = changed && !ENDS_CLOSED.test(line);
    lastJoinable = ENDS_OPEN.test(line) && !ENDS_CLOSED.test(line);
  }
  const firstLine = kept.find((l) => l.length > 0);
  return {
    // A clean text (nothing dropped, trimmed or joined, one blank line between paragraphs) is its own result: no copy.
    text: !trimmed && kept.length === lines.length && kept.every((line, k) => line === lines[k]) ? text : kept.join('\n'),
    title: firstLine === undefined ? undefined : cutTitle(firstLine),
    url,
    date,
    droppedLines,
  };
}
