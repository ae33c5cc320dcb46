/**
 * Character-by-character folding: every UTF-16 unit of the input becomes exactly
 * one unit of the output, so an offset in the folded text is the same offset in
 * the original. Accents are dropped, letters lower-cased, and everything that
 * is not a letter or a digit (hyphens, apostrophes ’, punctuation, spaces)
 * becomes a space: "l’ONU" → "l onu", "Nord-Coréens" → "nord coreens".
 */

const SPACE = ' ';
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const COMBINING_MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

function computeFold(unit: string): string {
  // Lone surrogates cannot be normalised: keep them as letters of their own.
  const code = unit.charCodeAt(0);
  if (code >= 0xd800 && code <= 0xdfff) return unit;
  const stripped = unit.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
  const first = stripped.length > 0 ? stripped[0] : SPACE;
  return LETTER_OR_DIGIT.test(first) ? first : SPACE;
}

const SPACE_CODE = 0x20;
/** Folded code of each UTF-16 code unit; 0 until computed. */
const FOLD_TABLE = new Uint16Array(0x10000);
const UTF16 = new TextDecoder('utf-16le');

function foldCode(code: number): number {
  let folded = FOLD_TABLE[code];
  if (folded === 0) {
    folded = computeFold(String.fromCharCode(code)).charCodeAt(0);
    // NUL folds to a space, so 0 can mean "not computed yet".
    if (folded === 0) folded = SPACE_CODE;
    FOLD_TABLE[code] = folded;
  }
  return folded;
}

/** Folded form of one UTF-16 unit: always a single unit. */
export function foldUnit(unit: string): string {
  return String.fromCharCode(foldCode(unit.charCodeAt(0)));
}

/** Scratch bytes of the one-byte fold, grown as needed: folding an article allocates only its result. */
let latin1Scratch = new Uint8Array(0);

/**
 * Folds a whole string; `fold(s).length === s.length` always holds. Folded
 * text is nearly always a–z, digits and spaces: it is then built as a
 * one-byte string, half the memory of a two-byte one for every pass that
 * reads it and every key cut out of it.
 */
export function fold(text: string): string {
  const n = text.length;
  if (latin1Scratch.length < n) latin1Scratch = new Uint8Array(Math.max(n, 2 * latin1Scratch.length));
  const bytes = latin1Scratch;
  for (let i = 0; i < n; i++) {
    const folded = foldCode(text.charCodeAt(i));
    if (folded > 0xff) return foldTwoByte(text, bytes, i);
    bytes[i] = folded;
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset, n).toString('latin1');
}

/** The fold of a text whose unit at `from` folds beyond Latin-1 (œ, Greek, Cyrillic …): `bytes` holds the fold before it. */
function foldTwoByte(text: string, bytes: Uint8Array, from: number): string {
  const out = new Uint16Array(text.length);
  out.set(bytes.subarray(0, from));
  for (let i = from; i < text.length; i++) out[i] = foldCode(text.charCodeAt(i));
  return UTF16.decode(out);
}

/** Folds a name or cue for lookup: as fold(), with runs of spaces collapsed and the ends trimmed. */
export function foldKey(text: string): string {
  return fold(text).replace(/ +/g, ' ').trim();
}

/** True when the folded unit is a letter or a digit (a word character). */
export function isWordUnit(folded: string): boolean {
  return folded !== SPACE;
}

/** Snake-case slug of a label, ASCII letters and digits only ("Ri Il-hwan" → "ri_il_hwan"). */
export function slug(label: string): string {
  return foldKey(label)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}
