/**
 * French sentence segmentation, line by line: a line never merges with the
 * next one, so a heading or title without a final stop is its own sentence.
 * A single linear scan per line (no Intl.Segmenter: it is slow on long
 * paragraphs and its rules need the same French repairs anyway) finds
 * candidate stops (. ! ? … and runs of them) followed by a space, a closing
 * mark or the line end, and rejects those that do not end a sentence:
 *  - the next word starts in lower case (ellipsis mid-sentence, "etc. et");
 *  - the stop follows an abbreviation that never ends a sentence (M., Mme.,
 *    av., p.; from graph-data/knowledge/abbreviations.json) or an initial
 *    (J. Trump), or opens a numbered item ("1. ");
 *  - the stop is inside a short quotation « … » whose closing mark comes
 *    later (a closing » right after the stop stays with the sentence).
 * Numbers with spaces or dots ("20 000", "4.700", "1.5") are never split:
 * a stop is only a candidate when a space or a closing mark follows it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Default abbreviation list, relative to this file (src/corpus → graph-data/knowledge). */
export const DEFAULT_ABBREVIATIONS_FILE = path.resolve(__dirname, '../../graph-data/knowledge/abbreviations.json');

/** A quotation at most this long is never split inside, whatever stops it holds. */
export const MAX_UNSPLIT_QUOTE_CHARS = 250;

/** Abbreviations are short: the word before a stop is looked at over this many characters at most. */
const MAX_ABBREVIATION_CHARS = 12;

const TERMINATORS = new Set(['.', '!', '?', '…']);
/** Marks that close a quotation or a bracket and stay with the sentence they end, even after a space (French « … »). */
const SPACED_CLOSERS = new Set(['»', '”', ')', ']', '›']);
/** Marks that close only when glued to the stop: a straight quote after a space opens the next sentence. */
const GLUED_CLOSERS = new Set(['"', '\'', '’', '“']);
/** Characters that precede a word without belonging to it. */
const WORD_OPENERS = new Set([' ', '(', '[', '«', '"', '“', '‘', '\'', '’', '\n']);
const LIST_BULLET = /^(?:[-•*–—▪►]|\d{1,3}[.)])\s+/;
/** The units LIST_BULLET can begin with. */
const BULLET_OPENERS: ReadonlySet<number> = new Set([...'-•*–—▪►0123456789'].map((c) => c.charCodeAt(0)));

const LOWER_START = /\p{Ll}/u;
const SPACE = /\s/;
const SINGLE_CAPITAL = /^\p{Lu}$/u;
const DIGITS = /^\d+$/;

/** A sentence's place in the text, before its language is known. */
export interface SentenceSpan {
  index: number;
  start: number;
  end: number;
  text: string;
  /** Index of the line the sentence is on, counting every line of the text from 0. */
  line: number;
}

export interface SegmentOptions {
  /** Words that never end a sentence before a full stop. Default: the list of abbreviations.json. */
  abbreviations?: ReadonlySet<string>;
}

let defaultAbbreviations: ReadonlySet<string> | undefined;

/** Reads an abbreviation file ({ "nonFinal": [...] }); throws naming the file when it is wrong. */
export function loadAbbreviations(file: string = DEFAULT_ABBREVIATIONS_FILE): ReadonlySet<string> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`newsgraph corpus: cannot read abbreviations ${file} (${(error as Error).message})`);
  }
  const list = (data as { nonFinal?: unknown }).nonFinal;
  if (!Array.isArray(list) || !list.every((w) => typeof w === 'string')) {
    throw new Error(`newsgraph corpus: ${file}: "nonFinal" must be a list of words`);
  }
  return new Set(list as string[]);
}

function abbreviations(options?: SegmentOptions): ReadonlySet<string> {
  if (options?.abbreviations) return options.abbreviations;
  defaultAbbreviations ??= loadAbbreviations();
  return defaultAbbreviations;
}

/** The marks shortQuotes pairs. */
const QUOTE_MARK = /[«“»”]/g;

/** A short quotation of a line: positions of its opening and closing marks. */
interface QuoteSpan {
  open: number;
  close: number;
}

/**
 * The short quotations of the line that are not inside another short one,
 * in text order (so disjoint). Pairs « » and “ ” by nesting; unbalanced marks
 * protect nothing. Returns [] when the line has no opening mark.
 */
function shortQuotes(text: string, from: number, to: number): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const stack: number[] = [];
  // From one quotation mark to the next: the characters between them change nothing.
  QUOTE_MARK.lastIndex = from;
  for (let m = QUOTE_MARK.exec(text); m !== null && m.index < to; m = QUOTE_MARK.exec(text)) {
    const i = m.index;
    const c = text[i];
    if (c === '«' || c === '“') stack.push(i);
    else if (stack.length > 0) {
      const open = stack.pop()!;
      if (i - open > MAX_UNSPLIT_QUOTE_CHARS) continue;
      // Spans close inner first: an outer span replaces the inner ones it holds.
      while (spans.length > 0 && spans[spans.length - 1].open > open) spans.pop();
      spans.push({ open, close: i });
    }
  }
  return spans;
}

/** The word just before position `at` (exclusive), at most MAX_ABBREVIATION_CHARS long. */
function wordBefore(text: string, at: number, lineStart: number): { word: string; start: number } {
  let i = at;
  const limit = Math.max(lineStart, at - MAX_ABBREVIATION_CHARS);
  while (i > limit && !WORD_OPENERS.has(text[i - 1])) i--;
  return { word: text.slice(i, at), start: i };
}

function isAbbreviation(word: string, known: ReadonlySet<string>): boolean {
  if (word.length === 0) return false;
  if (known.has(word)) return true;
  const lower = word.toLowerCase();
  // A single capital is one code point: one unit, or two for an astral letter.
  return (lower !== word && known.has(lower)) || (word.length <= 2 && SINGLE_CAPITAL.test(word));
}

/** Same notion of space as String.prototype.trim, so sentence texts are trimmed in its sense. */
function isSpace(c: string): boolean {
  return c === ' ' || SPACE.test(c);
}

/** Pushes the trimmed span [start, end) as a sentence when it holds anything. */
function pushSentence(out: SentenceSpan[], text: string, start: number, end: number, line: number): void {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  if (end <= start) return;
  // Only a bullet mark or a digit can open a list bullet: most sentences skip the pattern.
  const bullet = BULLET_OPENERS.has(text.charCodeAt(start)) ? LIST_BULLET.exec(text.slice(start, Math.min(end, start + 8))) : null;
  if (bullet && start + bullet[0].length < end) start += bullet[0].length;
  out.push({ index: out.length, start, end, text: text.slice(start, end), line });
}

/** Finds the next stop character; a regex scan is much faster than a loop over characters. */
const NEXT_TERMINATOR = /[.!?…]/g;

/** Finds the next opening quotation mark. */
const NEXT_QUOTE = /[«“]/g;

/** Splits one line [from, to) of the text into sentences, appended to `out`; `hasQuote` says whether it holds an opening mark. */
function segmentLine(
  text: string,
  from: number,
  to: number,
  line: number,
  hasQuote: boolean,
  known: ReadonlySet<string>,
  out: SentenceSpan[],
): void {
  const quotes = hasQuote ? shortQuotes(text, from, to) : [];
  let quote = 0;
  let sentenceStart = from;
  let i = from;
  while (i < to) {
    NEXT_TERMINATOR.lastIndex = i;
    const found = NEXT_TERMINATOR.exec(text);
    if (!found || found.index >= to) break;
    i = found.index;
    let j = i + 1;
    while (j < to && TERMINATORS.has(text[j])) j++;
    // Closing marks after the stop belong to the sentence; `end` is past the last of them.
    let end = j;
    let k = j;
    while (k < to && GLUED_CLOSERS.has(text[k]) && k === end) end = ++k;
    while (k < to && (text[k] === ' ' || SPACED_CLOSERS.has(text[k]))) {
      k++;
      if (text[k - 1] !== ' ') end = k;
    }
    if (k === j && j < to) {
      // Stop glued to the next character (4.700, U.S.A, www.x.org): not a boundary.
      i = j;
      continue;
    }
    if (k >= to) break;
    while (quote < quotes.length && quotes[quote].close < i) quote++;
    // Inside a short quotation that the closing marks after this stop do not close.
    const quoted = quote < quotes.length && quotes[quote].open < i && quotes[quote].close >= end;
    if (!quoted && isBoundary(text, i, j, end, k, sentenceStart, from, known)) {
      pushSentence(out, text, sentenceStart, end, line);
      sentenceStart = k;
    }
    i = k;
  }
  pushSentence(out, text, sentenceStart, to, line);
}

/** LOWER_START.test(text[at]), answered without the RegExp for ASCII. */
function startsLower(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 0x80) return code >= 0x61 && code <= 0x7a;
  return LOWER_START.test(text[at]);
}

/** Whether the stop run [i, j), closed at `end`, with the next sentence starting at `next`, ends a sentence. */
function isBoundary(
  text: string,
  i: number,
  j: number,
  end: number,
  next: number,
  sentenceStart: number,
  lineStart: number,
  known: ReadonlySet<string>,
): boolean {
  if (startsLower(text, next)) return false;
  if (j === i + 1 && text[i] === '.' && end === j) {
    const { word, start } = wordBefore(text, i, lineStart);
    if (isAbbreviation(word, known)) return false;
    if (DIGITS.test(word) && text.slice(sentenceStart, start).trim().length === 0) return false;
  }
  return true;
}

/**
 * Splits text into sentences, line by line. Offsets point into `text`:
 * `sentence.text === text.slice(start, end)`, trimmed, never empty, indices
 * from 0 in text order. List bullets ("- ", "1. ") are left out of the
 * sentence. Returns [] for text without any non-space character.
 */
export function segmentSentences(text: string, options?: SegmentOptions): SentenceSpan[] {
  const known = abbreviations(options);
  const out: SentenceSpan[] = [];
  let line = 0;
  let from = 0;
  // Position of the next opening quotation mark, found once for the whole text rather than searched from every line.
  let nextQuote = -1;
  while (from <= text.length) {
    let to = text.indexOf('\n', from);
    if (to === -1) to = text.length;
    if (nextQuote !== Infinity && nextQuote < from) {
      NEXT_QUOTE.lastIndex = from;
      nextQuote = NEXT_QUOTE.exec(text)?.index ?? Infinity;
    }
    segmentLine(text, from, to, line, nextQuote < to, known, out);
    from = to + 1;
    line++;
  }
  return out;
}
