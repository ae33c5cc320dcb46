/**
 * Language of each line, tagged with eld (Efficient Language Detector),
 * which is right on single lines where whole-article detectors are not: the
 * seed articles mix French, German and English lines.
 *
 * eld ships as an ES module whose package exports only an `import`
 * condition, which a CommonJS build cannot `require('eld')`. Its entry file
 * is therefore located on disk and required by path: Node ≥ 20.19 loads ES
 * modules from require(), and the jest config transforms eld for tests.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

/** eld database size: 'small' tells French, English and German lines apart well and loads in about half a second. */
const ELD_ENTRY = 'eld/src/entries/static.small.js';

/** Longest stretch of a line given to the detector: a few hundred characters decide the language. */
const MAX_DETECT_CHARS = 600;

/** Lines shorter than this (a name, a number) take the language of the article. */
const MIN_DETECT_CHARS = 12;

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
