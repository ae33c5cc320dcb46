import type { NoiseRules } from './noise';

/** A sentence of a cleaned article. `text === article.text.slice(start, end)`. */
export interface Sentence {
  /** Index in the article, from 0. */
  index: number;
  /** Character offset of the first character in the cleaned article text. */
  start: number;
  /** Character offset one past the last character. */
  end: number;
  text: string;
  /** Language of the sentence's line as tagged (fr, en, de …), when known. */
  language?: string;
}

/** An article read from the articles folder, cleaned and segmented. */
export interface Article {
  /** File name without extension (000_af729455cf742e64). */
  id: string;
  /** Path of the file, relative to the articles folder. */
  file: string;
  /** Title: the first line of the text, or the HTML <title>/<h1>. */
  title?: string;
  /** Publication date (ISO-8601, as precise as the text) when the text gives it. */
  date?: string;
  /** Source address when the text gives it. */
  url?: string;
  /** The cleaned text: NFC, normalised spaces, page noise removed. All offsets point into it. */
  text: string;
  sentences: Sentence[];
  /** SHA-256 (hex) of the file's bytes. */
  hash: string;
  /** Notes about how the file was read ("decoded as windows-1252"), for the build summary. */
  notes: string[];
}

/** A file of the articles folder that was not read, and why. */
export interface SkippedFile {
  file: string;
  reason: string;
}

export interface LoadCorpusOptions {
  /** Largest file read, in bytes; larger files are skipped with a reason. Default 50 MiB. */
  maxBytes?: number;
  /** Called after each file, for progress display. */
  onProgress?: (done: number, total: number, file: string) => void;
  /** Folder of knowledge files whose noise.json holds the page-noise rules. Default graph-data/knowledge. */
  knowledgeDir?: string;
  /** Page-noise rules already compiled (compileNoiseRules); wins over knowledgeDir. */
  noise?: NoiseRules;
  /** Tag each sentence's language with eld. Default true. */
  detectLanguage?: boolean;
}

export interface Corpus {
  /** Absolute path of the articles folder. */
  dir: string;
  articles: Article[];
  skipped: SkippedFile[];
}
