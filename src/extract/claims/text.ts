/**
 * Length-preserving folding of French text for pattern matching: lower case,
 * accents removed, typographic apostrophes and hyphens made ASCII, every kind
 * of space made a plain space. Offsets in the folded string are offsets in
 * the original, so a match can be mapped back to the sentence without a table.
 */

const FOLDED_CHARS: Record<string, string> = {
  '\u2019': "'",
  '\u2018': "'",
  '\u02bc': "'",
  '\u00b4': "'",
  '`': "'",
  '\u2010': '-',
  '\u2011': '-',
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
  '\u2007': ' ',
  '\t': ' ',
  '\n': ' ',
  '\r': ' ',
};

const foldCache = new Map<string, string>();

function foldChar(ch: string): string {
  const cached = foldCache.get(ch);
  if (cached !== undefined) return cached;
  let out = FOLDED_CHARS[ch];
  if (out === undefined) {
    const base = ch.normalize('NFD')[0] ?? ch;
    const lower = base.toLowerCase();
    out = lower.length === 1 ? lower : base;
  }
  foldCache.set(ch, out);
  return out;
}

/** Folded code unit of every code unit seen so far (0 = not computed yet): foldChar's answers, read without building strings. */
const foldedCodes = new Uint16Array(0x10000);
/** Texts folded lately: the claim readers fold the same sentence once per relation they look at. */
const foldedTexts = new Map<string, string>();
/** Past this many cached texts the cache starts afresh (bounded memory over any corpus). */
const FOLDED_TEXTS_MAX = 2048;
/** Code units turned into a string per String.fromCharCode call (its argument count is bounded). */
const CHUNK = 4096;

function foldedCode(code: number): number {
  let out = foldedCodes[code];
  if (out === 0) {
    out = foldChar(String.fromCharCode(code)).charCodeAt(0);
    // A NUL folds to itself: keep 0 as "unknown" and answer it directly each time.
    if (out !== 0) foldedCodes[code] = out;
  }
  return out;
}

/** Folds `text` one UTF-16 code unit at a time; the result has exactly the same length. */
export function fold(text: string): string {
  const cached = foldedTexts.get(text);
  if (cached !== undefined) return cached;
  let out = '';
  for (let from = 0; from < text.length; from += CHUNK) {
    const to = Math.min(text.length, from + CHUNK);
    let surrogate = false;
    for (let i = from; i < to; i++) {
      const code = foldedCode(text.charCodeAt(i));
      FOLD_BUFFER[i - from] = code;
      if (code >= 0xd800 && code <= 0xdfff) surrogate = true;
    }
    const codes = FOLD_BUFFER.subarray(0, to - from);
    // The decoder turns the code units into a string in one native call; it would replace a lone surrogate, which
    // String.fromCharCode keeps as it is.
    out += surrogate ? String.fromCharCode.apply(null, Array.from(codes)) : UTF16.decode(codes);
  }
  if (foldedTexts.size >= FOLDED_TEXTS_MAX) foldedTexts.clear();
  foldedTexts.set(text, out);
  return out;
}
/** Folded code units of the chunk being folded. */
const FOLD_BUFFER = new Uint16Array(CHUNK);
/** Code units to string, a byte order mark kept as any other character. */
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });

/** Folds a lexicon pattern: accents and apostrophes only, so regex escapes such as \S or \b keep their meaning. */
export function foldPattern(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    out += FOLDED_CHARS[ch] ?? (ch.normalize('NFD')[0] ?? ch);
  }
  return out;
}

/** Escapes a literal for use inside a RegExp. */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Word-boundary guards for folded text (JavaScript's \b only knows ASCII, which folded French mostly is). */
export const WORD_START = "(?<![a-z0-9œæ])";
export const WORD_END = "(?![a-z0-9œæ])";

/** Builds one case-sensitive global RegExp (text is folded) from alternative fragments, longest first, with word guards. */
export function alternation(fragments: readonly string[], flags = 'g'): RegExp {
  const sorted = [...new Set(fragments.map(foldPattern))].sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return /(?!)/g;
  return new RegExp(`${WORD_START}(?:${sorted.join('|')})${WORD_END}`, flags);
}

/**
 * Every match of a global RegExp in `text`, as `[...text.matchAll(re)]` lists them (from `re.lastIndex`, an empty
 * match stepping one position on), without the copy of the RegExp matchAll makes on each call. `re.lastIndex` is
 * left as it was. Throws for a non-global RegExp, as matchAll does.
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`allMatches: ${re} is not global`);
  const from = re.lastIndex;
  const out: RegExpExecArray[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    if (m[0].length === 0) re.lastIndex = nextIndex(text, re.lastIndex, re.unicode || re.flags.includes('v'));
  }
  re.lastIndex = from;
  return out;
}

/** The position after `index` (past a surrogate pair in unicode mode), as matchAll steps over an empty match. */
function nextIndex(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const code = text.charCodeAt(index);
  if (code < 0xd800 || code > 0xdbff) return index + 1;
  const low = text.charCodeAt(index + 1);
  return low >= 0xdc00 && low <= 0xdfff ? index + 2 : index + 1;
}

/** Counts words (runs of letters, digits, apostrophes, hyphens) in a snippet. */
export function countWords(snippet: string): number {
  return (snippet.match(/[a-z0-9œæ'-]+/g) ?? []).length;
}
