/**
 * Reading a RegExp's source: where a class or a group ends, and the
 * alternatives at one level. Shared by the noise-rule filters (required.ts)
 * and the extract stage's trigger prefilter, which read patterns to learn
 * what every match must contain or open with.
 */

/** Index just past the class that opens at `i` ("[" … "]": the first unescaped "]" closes it), or -1. */
export function classEnd(source: string, i: number): number {
  for (let j = i + 1; j < source.length; j++) {
    if (source[j] === '\\') j++;
    else if (source[j] === ']') return j + 1;
  }
  return -1;
}

/** Index just past the group that opens at `i` ("(" … ")"), or -1. */
export function groupEnd(source: string, i: number): number {
  let depth = 0;
  for (let j = i; j < source.length; j++) {
    const c = source[j];
    if (c === '\\') j++;
    else if (c === '[') {
      const end = classEnd(source, j);
      if (end < 0) return -1;
      j = end - 1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j + 1;
  }
  return -1;
}

/** The alternatives of [from, to) at its own level, as [start, end) ranges; null when a class or group is not closed. */
export function topAlternatives(source: string, from = 0, to = source.length): [number, number][] | null {
  const alternatives: [number, number][] = [];
  for (let j = from, alternative = from; j <= to; j++) {
    const c = source[j];
    if (j < to && c === '\\') j++;
    else if (j < to && c === '[') j = classEnd(source, j) - 1;
    else if (j < to && c === '(') j = groupEnd(source, j) - 1;
    if (j < 0) return null;
    if (j === to || source[j] === '|') {
      alternatives.push([alternative, j]);
      alternative = j + 1;
    }
  }
  return alternatives;
}
