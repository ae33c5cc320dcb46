/**
 * Unicode and line-end normalisation of article text, before any cleaning:
 * NFC, every kind of space (no-break, thin, figure, ideographic …) becomes a
 * plain space, zero-width characters and stray control characters go, line
 * ends become LF, and runs of spaces collapse. Quotes and guillemets are kept
 * as they are: matching downstream folds them loosely.
 */

/** Spaces that are not U+0020: no-break, Ogham, en/em/thin/hair …, narrow no-break, medium math, ideographic. */
const SPACE_LIKE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t\v\f]/g;

/** Zero-width and invisible formatting characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen, LRM/RLM, bidi marks). */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** C0/C1 controls other than LF (CR is handled before), which carry no text. */
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;

/** Line and paragraph separators count as line ends. */
const LINE_SEPARATORS = /[\u2028\u2029\u0085]/g;

/**
 * Every character one of the passes below changes: a text without any (most
 * articles) skips them, one scan instead of four. NFC never makes one of
 * these out of other characters (test/corpus/normalize.test.ts checks it over
 * the whole Basic Multilingual Plane), so the test is made once, before NFC.
 */
const CHANGED_BY_PASSES = /[\u2028\u2029\u0085\u200B-\u200D\u2060\uFEFF\u00AD\u200E\u200F\u202A-\u202E\u2066-\u2069\u0000-\u0008\u000E-\u001F\u007F-\u009F\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t\v\f]/;

/**
 * CHANGED_BY_PASSES or what the space passes after NFC change (two spaces, a space at a line end or start): a text
 * with none of it (most articles) only needs NFC, which never makes any of it out of other characters. The spacing
 * alternatives come first: the engine scans for them faster than for the class.
 */
const CHANGED_BY_ANY_PASS = new RegExp(` [ \\n]|\\n |${CHANGED_BY_PASSES.source}`);

/** Converts CRLF and lone CR line ends to LF. */
export function normalizeLineEnds(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
}

/**
 * Normalises one text: line ends to LF, NFC, spaces, invisible and control
 * characters removed, runs of spaces collapsed and spaces trimmed at both ends
 * of every line. Returns '' for ''.
 */
export function normalizeText(text: string): string {
  if (text.length === 0) return '';
  let out = normalizeLineEnds(text);
  if (!CHANGED_BY_ANY_PASS.test(out)) return out.normalize('NFC');
  const passes = CHANGED_BY_PASSES.test(out);
  if (passes) out = out.replace(LINE_SEPARATORS, '\n');
  out = out.normalize('NFC');
  if (passes) out = out.replace(INVISIBLE, '').replace(CONTROL, '').replace(SPACE_LIKE, ' ');
  // Each pass only when needed: on clean text they would copy it for nothing.
  if (out.includes('  ')) out = out.replace(/ {2,}/g, ' ');
  if (out.includes(' \n') || out.includes('\n ')) out = out.replace(/ ?\n ?/g, '\n');
  return out;
}
