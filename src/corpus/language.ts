/**
 * Language of each line, tagged with eld (Efficient Language Detector),
 * which is right on single lines where whole-article detectors are not: the
 * seed articles mix French, German and English lines.
 *
 * eld costs about 150 µs a call whatever the length of the line, which alone
 * would hold the whole pipeline near 1 MB/s; so a vote of function words
 * (graph-data/knowledge/languages.json) settles the lines whose language is
 * plain (most of them), short headings take the article's language, and only
 * the other lines go to eld.
 *
 * eld ships as an ES module whose package exports only an `import`
 * condition, which a CommonJS build cannot `require('eld')`. Its entry file
 * is therefore located on disk and required by path: Node ≥ 20.19 loads ES
 * modules from require(), and the jest config transforms eld for tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** Default function-word lists, relative to this file (src/corpus → graph-data/knowledge). */
export const DEFAULT_LANGUAGES_FILE = path.resolve(__dirname, '../../graph-data/knowledge/languages.json');

/** The function-word vote only reads the start of a line: enough words to decide, bounded cost. */
const MAX_VOTE_CHARS = 200;

/** Once this many function words are counted the vote stops: more would not change a clear majority. */
const ENOUGH_FUNCTION_WORDS = 8;

/** Spaces, digits and punctuation; elided articles split off (d’armes → d, armes). Not Unicode-mode: several times faster. */
const WORD_SEPARATORS = /[\s\d.,;:!?'’‘"“”«»()[\]{}\/…–—-]+/;

const languagesFileSchema = z.object({
  minFunctionWords: z.number().int().positive(),
  minShare: z.number().gt(0.5).max(1),
  functionWords: z.record(z.string(), z.array(z.string())),
});

/** Function words by language, compiled for the vote. */
export interface FunctionWords {
  minFunctionWords: number;
  minShare: number;
  /** Lower-case word → languages it belongs to. */
  languagesOf: ReadonlyMap<string, readonly string[]>;
  /** The same words by a hash of their code units, so a line's words are looked up where they stand (built by loadFunctionWords). */
  byHash?: WordsByHash;
}

/**
 * The function words in an open-addressing table by a hash of their code units, with their languages as indices:
 * a line's words are hashed where they stand and looked up without a string or a map.
 */
interface WordsByHash {
  /** Word index + 1 at the slot of its hash (hash & mask, then the next ones), 0 for an empty slot. */
  slots: Int32Array;
  mask: number;
  words: string[];
  /** Indices into `languages` of each word's languages. */
  languagesOfWord: number[][];
  languages: string[];
  /** Longest function word, in units: longer words are not looked up. */
  longest: number;
  /** Votes of the line being read, per language index (scratch, cleared for each line). */
  counts: Int32Array;
}

/** The hash step of one code unit; hashes stay small integers (30 bits). */
function hashStep(hash: number, code: number): number {
  return (Math.imul(hash, 31) + code) & 0x3fffffff;
}

function wordsByHash(languagesOf: ReadonlyMap<string, readonly string[]>): WordsByHash | undefined {
  // The empty word is found between two separators, which split() gives and a walk over words does not.
  if (languagesOf.has('')) return undefined;
  let size = 16;
  while (size < 4 * languagesOf.size) size *= 2;
  const slots = new Int32Array(size);
  const mask = size - 1;
  const words: string[] = [];
  const languagesOfWord: number[][] = [];
  const languages: string[] = [];
  let longest = 0;
  for (const [word, wordLanguages] of languagesOf) {
    let hash = 0;
    for (let i = 0; i < word.length; i++) hash = hashStep(hash, word.charCodeAt(i));
    let slot = hash & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = words.length + 1;
    words.push(word);
    languagesOfWord.push(
      wordLanguages.map((language) => {
        if (!languages.includes(language)) languages.push(language);
        return languages.indexOf(language);
      }),
    );
    longest = Math.max(longest, word.length);
  }
  return { slots, mask, words, languagesOfWord, languages, longest, counts: new Int32Array(languages.length) };
}

/** The index of the function word that is exactly [start, end) of `lower`, whose hash is `hash`, or -1. */
function functionWordAt(byHash: WordsByHash, lower: string, start: number, end: number, hash: number): number {
  const { slots, mask, words } = byHash;
  for (let slot = hash & mask; slots[slot] !== 0; slot = (slot + 1) & mask) {
    const word = words[slots[slot] - 1];
    if (word.length === end - start && lower.startsWith(word, start)) return slots[slot] - 1;
  }
  return -1;
}

/** Whether each code unit is one of WORD_SEPARATORS: 0 not known yet, 1 separator, 2 not. */
const SEPARATOR_UNITS = new Uint8Array(0x10000);
const SEPARATOR_UNIT = new RegExp(`^${WORD_SEPARATORS.source.slice(0, -1)}$`);

function isSeparator(code: number): boolean {
  let known = SEPARATOR_UNITS[code];
  if (known === 0) SEPARATOR_UNITS[code] = known = SEPARATOR_UNIT.test(String.fromCharCode(code)) ? 1 : 2;
  return known === 1;
}

let defaultFunctionWords: FunctionWords | undefined;

/** Reads a function-word file; throws naming the file when it is missing or wrong. */
export function loadFunctionWords(file: string = DEFAULT_LANGUAGES_FILE): FunctionWords {
  let parsed;
  try {
    parsed = languagesFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    throw new Error(`newsgraph corpus: cannot read function words ${file} (${(error as Error).message})`);
  }
  if (!parsed.success) {
    throw new Error(`newsgraph corpus: ${file}: not a function-word file (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`);
  }
  const languagesOf = new Map<string, string[]>();
  for (const [language, words] of Object.entries(parsed.data.functionWords)) {
    for (const word of words) {
      const key = word.toLowerCase();
      languagesOf.set(key, [...(languagesOf.get(key) ?? []), language]);
    }
  }
  return { minFunctionWords: parsed.data.minFunctionWords, minShare: parsed.data.minShare, languagesOf, byHash: wordsByHash(languagesOf) };
}

/**
 * voteLanguage on the hashed function words: the words of `lower` (a line's sample lower-cased), as
 * lower.split(WORD_SEPARATORS) gives them, each hashed where it stands. Same verdict as the split path.
 */
function voteByHash(lower: string, byHash: WordsByHash, words: FunctionWords): string | undefined {
  const counts = byHash.counts;
  counts.fill(0);
  // Languages in the order of their first vote.
  const order: number[] = [];
  let total = 0;
  const n = lower.length;
  let i = 0;
  while (i < n && total < ENOUGH_FUNCTION_WORDS) {
    if (isSeparator(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    let hash = 0;
    let j = i;
    for (; j < n; j++) {
      const code = lower.charCodeAt(j);
      if (isSeparator(code)) break;
      hash = hashStep(hash, code);
    }
    const word = j - i <= byHash.longest ? functionWordAt(byHash, lower, i, j, hash) : -1;
    if (word >= 0) {
      total++;
      const languages = byHash.languagesOfWord[word];
      for (let k = 0; k < languages.length; k++) if (counts[languages[k]]++ === 0) order.push(languages[k]);
    }
    i = j;
  }
  if (total < words.minFunctionWords) return undefined;
  // The first language to reach the most votes, as a walk over a map of votes in insertion order gives it.
  let best = -1;
  let bestVotes = 0;
  for (const language of order) {
    if (counts[language] > bestVotes) {
      best = language;
      bestVotes = counts[language];
    }
  }
  return bestVotes / total >= words.minShare ? byHash.languages[best] : undefined;
}

/** The language most function words of the line belong to, when they are enough and agree; else undefined. */
export function voteLanguage(line: string, words: FunctionWords = (defaultFunctionWords ??= loadFunctionWords())): string | undefined {
  const sample = line.length > MAX_VOTE_CHARS ? line.slice(0, MAX_VOTE_CHARS) : line;
  const lower = sample.toLowerCase();
  if (words.byHash) return voteByHash(lower, words.byHash, words);
  const votes = new Map<string, number>();
  let total = 0;
  for (const word of lower.split(WORD_SEPARATORS)) {
    const languages = words.languagesOf.get(word);
    if (!languages) continue;
    total++;
    for (const language of languages) votes.set(language, (votes.get(language) ?? 0) + 1);
    if (total >= ENOUGH_FUNCTION_WORDS) break;
  }
  if (total < words.minFunctionWords) return undefined;
  let best: string | undefined;
  let bestVotes = 0;
  for (const [language, n] of votes) {
    if (n > bestVotes) {
      best = language;
      bestVotes = n;
    }
  }
  return bestVotes / total >= words.minShare ? best : undefined;
}

/** eld database size: 'small' tells French, English and German lines apart well and loads in about half a second. */
const ELD_ENTRY = 'eld/src/entries/static.small.js';

/** Longest stretch of a line given to the detector: a few hundred characters decide the language. */
const MAX_DETECT_CHARS = 300;

/** Lines shorter than this (a name, a number) take the language of the article. */
const MIN_DETECT_CHARS = 12;

/**
 * A line this short that the vote cannot settle (a heading such as "Offensive
 * russe en Ukraine") takes the language of the article: eld is little better
 * than a guess on four words, and a call costs as much as on a paragraph.
 */
const MIN_ELD_CHARS = 60;

interface EldResult {
  language: string;
  isReliable(): boolean;
}
interface Eld {
  detect(text: string): EldResult;
}

let detector: Eld | null | undefined;
let loadError: string | undefined;

function findEldEntry(): string | undefined {
  const searchPaths = require.resolve.paths('eld') ?? [];
  for (const dir of searchPaths) {
    const candidate = path.join(dir, ELD_ENTRY);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** The eld instance, loaded on first use; null when eld cannot be loaded (the reason is in languageDetectorError()). */
export function languageDetector(): Eld | null {
  if (detector !== undefined) return detector;
  const entry = findEldEntry();
  if (!entry) {
    loadError = `eld not found (looked for ${ELD_ENTRY} in node_modules)`;
    detector = null;
    return detector;
  }
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(entry) as { default?: Eld; eld?: Eld };
    detector = mod.default ?? mod.eld ?? null;
    if (!detector) loadError = `eld at ${entry} exports no detector`;
  } catch (error) {
    loadError = `eld could not be loaded from ${entry} (${(error as Error).message.split('\n')[0]})`;
    detector = null;
  }
  return detector;
}

/** Why language tagging is off, when it is. */
export function languageDetectorError(): string | undefined {
  languageDetector();
  return loadError;
}

/** ISO 639-1 code of a line, or undefined when the line is too short or the detector unsure. */
export function detectLanguage(line: string): string | undefined {
  if (line.length < MIN_DETECT_CHARS) return undefined;
  const voted = voteLanguage(line);
  if (voted) return voted;
  return line.length < MIN_ELD_CHARS ? undefined : detectWithEld(line);
}

/** eld's verdict on a line, when reliable. */
export function detectWithEld(line: string): string | undefined {
  const eld = languageDetector();
  if (!eld) return undefined;
  const result = eld.detect(line.length > MAX_DETECT_CHARS ? line.slice(0, MAX_DETECT_CHARS) : line);
  return result.language && result.isReliable() ? result.language : undefined;
}

/**
 * Language of every line of the text (index = line number). Lines the
 * detector cannot decide take the language most lines have.
 */
export function tagLineLanguages(text: string): (string | undefined)[] {
  const lines = text.split('\n');
  const tags = lines.map((line) => detectLanguage(line));
  const counts = new Map<string, number>();
  for (const tag of tags) if (tag) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  let majority: string | undefined;
  let best = 0;
  for (const [tag, n] of counts) {
    if (n > best) {
      majority = tag;
      best = n;
    }
  }
  return tags.map((tag, i) => tag ?? (lines[i].trim().length > 0 ? majority : undefined));
}
