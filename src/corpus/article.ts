/**
 * One file → one Article: decode, convert (HTML, Markdown), normalise,
 * remove page noise, pick up metadata, segment sentences, tag languages.
 */
import * as crypto from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DecodedText } from './decode';
import { decodeBytes } from './decode';
import { normalizeDate } from './dates';
import { htmlToArticle } from './html';
import { tagLineLanguages } from './language';
import { markdownToArticle } from './markdown';
import type { NoiseRules } from './noise';
import { cleanText, loadNoiseRules } from './noise';
import { normalizeText } from './normalize';
import type { SegmentOptions } from './segment';
import { segmentSentences } from './segment';
import type { Article, Sentence } from './types';

/** SHA-256 of the bytes, in hex: the one-shot crypto.hash where Node has it (20.12 on), no Hash object per article. */
const sha256: (data: Buffer) => string =
  typeof crypto.hash === 'function' ? (data) => crypto.hash('sha256', data, 'hex') : (data) => crypto.createHash('sha256').update(data).digest('hex');

/** Extensions read, by format. */
export const ARTICLE_FORMATS: Readonly<Record<string, 'text' | 'markdown' | 'html'>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
};

export interface ReadArticleOptions {
  /** Path of the file relative to the articles folder, stored as `article.file`. Default: the base name. */
  relativePath?: string;
  /** Noise rules. Default: graph-data/knowledge/noise.json. */
  noise?: NoiseRules;
  segment?: SegmentOptions;
  /** Tag each sentence's language with eld. Default true. */
  detectLanguage?: boolean;
}

/** A file that is not an article; `reason` says why, for the skipped list. */
export class NotAnArticleError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'NotAnArticleError';
  }
}

/** Format of a file by its extension, or undefined when it is not read. */
export function articleFormat(file: string): 'text' | 'markdown' | 'html' | undefined {
  return ARTICLE_FORMATS[path.extname(file).toLowerCase()];
}

/** Id of an article: its file name without extension. */
export function articleId(file: string): string {
  const base = path.basename(file);
  const ext = path.extname(base);
  return ext ? base.slice(0, -ext.length) : base;
}

/**
 * The cleaner's title is the first line, cut when it is a whole paragraph;
 * then the paragraph's first sentence is a better title, when short enough.
 */
function titleFromText(firstLine: string | undefined, sentences: Sentence[]): string | undefined {
  if (firstLine === undefined || !firstLine.endsWith('…')) return firstLine;
  const first = sentences[0];
  return first && first.text.length <= firstLine.length ? first.text : firstLine;
}

interface Converted {
  text: string;
  title?: string;
  date?: string;
  url?: string;
}

function convert(text: string, format: 'text' | 'markdown' | 'html'): Converted {
  if (format === 'html') {
    const page = htmlToArticle(text);
    // The headline often sits outside the body region: put it first so "title = first line" holds for every format.
    const body = page.title && !page.text.startsWith(page.title) ? `${page.title}\n\n${page.text}` : page.text;
    return { ...page, text: body };
  }
  if (format === 'markdown') return markdownToArticle(text);
  return { text };
}

/**
 * Reads one article from its bytes (read from `file` when not given; the
 * format is chosen by the extension of `file`). Throws NotAnArticleError with
 * the reason when the file is empty, binary, of an unknown format, or holds
 * no text once page noise is removed.
 */
export function readArticle(file: string, bytes?: Buffer, options: ReadArticleOptions = {}): Article {
  const format = articleFormat(file);
  if (!format) throw new NotAnArticleError(`unknown extension ${JSON.stringify(path.extname(file) || '(none)')} (read: ${Object.keys(ARTICLE_FORMATS).join(', ')})`);
  const data = bytes ?? readFileSync(file);
  if (data.length === 0) throw new NotAnArticleError('empty file');
  const hash = sha256(data);
  let decoded: DecodedText;
  try {
    decoded = decodeBytes(data);
  } catch (error) {
    throw new NotAnArticleError((error as Error).message);
  }
  if (decoded.text.trim().length === 0) throw new NotAnArticleError('only whitespace');

  const rules = options.noise ?? loadNoiseRules();
  const normalized = normalizeText(decoded.text);
  const converted = convert(normalized, format);
  // HTML and Markdown conversion can leave new runs of spaces; plain text is normalised already.
  const cleaned = cleanText(format === 'text' ? normalized : normalizeText(converted.text), rules);
  if (cleaned.text.trim().length === 0) {
    throw new NotAnArticleError(`no article text (${cleaned.droppedLines} lines, all page noise)`);
  }
  const text = cleaned.text;
  const spans = segmentSentences(text, options.segment);
  const languages = options.detectLanguage === false ? [] : tagLineLanguages(text);
  const sentences: Sentence[] = spans.map((s) => {
    const sentence: Sentence = { index: s.index, start: s.start, end: s.end, text: s.text };
    const language = languages[s.line];
    if (language) sentence.language = language;
    return sentence;
  });

  const article: Article = {
    id: articleId(file),
    file: options.relativePath ?? path.basename(file),
    text,
    sentences,
    hash,
    notes: decoded.notes,
  };
  const title = converted.title ? normalizeText(converted.title).replace(/\n/g, ' ') : titleFromText(cleaned.title, sentences);
  if (title) article.title = title;
  const date = normalizeDate(converted.date, rules.months) ?? cleaned.date;
  if (date) article.date = date;
  const url = converted.url ?? cleaned.url;
  if (url) article.url = url;
  return article;
}
