/**
 * Unicode classes of single UTF-16 code units, looked up in a table filled on
 * first use, so that a scan over every character of an article asks a
 * RegExp once per distinct code unit rather than once per character.
 *
 * A surrogate (half of an astral character) has every class: a test built on
 * these flags may then say "maybe" where the RegExp would say no, never the
 * reverse, which is what a filter deciding whether to run the RegExp needs.
 */

export const LETTER = 1;
export const UPPER = 2;
export const LOWER = 4;
export const DIGIT = 8;
/** Hyphen-minus, hyphen and non-breaking hyphen: the joiners of weapon designations. */
export const HYPHEN = 16;
const COMPUTED = 128;

const SURROGATE_FIRST = 0xd800;
const SURROGATE_LAST = 0xdfff;
const TABLE = new Uint8Array(0x10000);

function computeClasses(code: number): number {
  if (code >= SURROGATE_FIRST && code <= SURROGATE_LAST) return COMPUTED | LETTER | UPPER | LOWER | DIGIT;
  const unit = String.fromCharCode(code);
  let classes = COMPUTED;
  if (/\p{L}/u.test(unit)) classes |= LETTER;
  if (/\p{Lu}/u.test(unit)) classes |= UPPER;
  if (/\p{Ll}/u.test(unit)) classes |= LOWER;
  if (/\p{N}/u.test(unit)) classes |= DIGIT;
  if (code === 0x2d || code === 0x2010 || code === 0x2011) classes |= HYPHEN;
  return classes;
}

/** The class flags of a UTF-16 code unit (surrogates: all letter and digit classes). */
export function unitClasses(code: number): number {
  let classes = TABLE[code];
  if (classes === 0) TABLE[code] = classes = computeClasses(code);
  return classes;
}
