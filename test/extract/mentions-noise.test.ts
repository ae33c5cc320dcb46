/**
 * Web domains are noise spans; the cheap DOMAIN_TAIL scan that skips the
 * DOMAIN pattern on articles without one must never skip a real domain.
 */
import fc from 'fast-check';
import { loadMentionLexicons } from '../../src/extract/mentions/lexicon';
import { DOMAIN, DOMAIN_TAIL, noiseSpans } from '../../src/extract/mentions/noise';
import { makeKnowledgeBase } from './mentions.fixture';

const lexicons = loadMentionLexicons(makeKnowledgeBase());

describe('noiseSpans: web domains', () => {
  test('silences a domain named in prose, and nothing in prose without one', () => {
    const text = 'Selon Sputniknews.fr, la Russie enverra des troupes.';
    const start = text.indexOf('Sputniknews');
    expect(noiseSpans(text, lexicons)).toContainEqual({ start, end: start + 'Sputniknews.fr,'.length });
    expect(noiseSpans('La Russie enverra des troupes. Le Japon proteste.', lexicons)).toEqual([]);
  });

  test('every text DOMAIN matches in is one DOMAIN_TAIL finds', () => {
    const piece = fc.constantFrom('a', 'X', 'é', '1', '-', '.', '@', ' ', ',', 'fr', 'com', 'Co', 'info', 'news', 'u', 's', '/', '\u{1d400}');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        const text = pieces.join('');
        DOMAIN.lastIndex = 0;
        const matches = [...text.matchAll(DOMAIN)].length;
        if (matches > 0) expect(DOMAIN_TAIL.test(text)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

/**
 * The straightforward noise finder noiseSpans replaced (every line sliced and
 * lower-cased, the work-title pattern run over the whole text): the spans must
 * stay the same, whatever the case mapping, spacing or marks of the text.
 */
function referenceNoiseSpans(text: string, lex: typeof lexicons): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  const nouns = lex.nonentities.workTitleNouns.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  const works = new RegExp(`(?<![\\p{L}])(?:${nouns.join('|')})\\s+(?:intitulée?s?\\s+)?(«[^»\\n]{1,150}»|"[^"\\n]{1,150}"|“[^”\\n]{1,150}”)`, 'giu');
  for (const m of text.matchAll(works)) {
    const start = m.index + m[0].length - m[1].length;
    spans.push({ start, end: start + m[1].length });
  }
  const patterns = [/(?:https?:\/\/|www\.)\S+/gi, /[^\s/:]+(?:[/:][^\s/:]+){2,}\S*/g, DOMAIN, /^[ \t]*[\p{Lu}][\p{Lu}\s'’.-]{2,40}(?:,[^()\n]{0,30})?\s*\([^()\n]{1,30}\)\s*[-–—]/gmu];
  for (const re of patterns) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  const isNoise = (line: string): boolean => {
    const trimmed = line.replace(/^[\s\-•*–—[(]+/, '');
    if (trimmed.length === 0) return false;
    const lower = trimmed.toLowerCase();
    for (const marker of lex.nonentities.lineMarkers) {
      const m = marker.toLowerCase();
      if (!lower.startsWith(m)) continue;
      const unconditional = m === '©' || m === '(c)';
      if (/[\p{L}\p{N}]/u.test(trimmed[m.length] ?? '') && !unconditional) continue;
      const rest = trimmed.slice(m.length);
      if (unconditional) return true;
      if (['par', 'by', 'von'].includes(m)) {
        if (trimmed.length <= lex.nonentities.maxBylineLineLength && /^[\s:]*(?:[\p{Lu}][\p{L}.'’-]*|et|and|und|&|,|\s)+[.\s]*$/u.test(rest)) return true;
        continue;
      }
      if (/^(?:\s*\(s\))?\s*:/.test(rest)) return true;
    }
    return false;
  };
  let start = 0;
  for (const line of text.split('\n')) {
    const end = start + line.length;
    if (isNoise(line)) spans.push({ start, end });
    else {
      const lower = line.toLowerCase();
      for (const marker of lex.nonentities.anywhereMarkers.map((m) => m.toLowerCase())) {
        const at = lower.indexOf(marker);
        if (at >= 0 && end - (start + at) <= lex.nonentities.maxBylineLineLength) spans.push({ start: start + at, end });
      }
    }
    start = end + 1;
  }
  const merged: Array<{ start: number; end: number }> = [];
  for (const span of spans.sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

describe('noiseSpans: same spans as the line-by-line reference', () => {
  test('bylines, credits, markers anywhere and work titles', () => {
    const text = [
      'Par Jean Dupont',
      '- Photo : AFP',
      'Le film « Les Espions » montre Pyongyang. Le livre intitulé  "Kim" aussi.',
      'Une série « X » et un essai  “Y”, rédigé par Paul à la fin de la ligne.',
      'İstanbul : crédit photo Reuters',
      '© AFP 2025',
    ].join('\n');
    // A marker silences the end of its line only where it first occurs, and only near the end.
    const long = `Texte avec crédit photo au début, ${'puis un long développement '.repeat(5)}et crédit photo AFP`;
    expect(noiseSpans(long, lexicons)).toEqual(referenceNoiseSpans(long, lexicons));
    expect(noiseSpans(long, lexicons)).toEqual([]);
    const late = `${'Un long développement, '.repeat(6)}enfin crédit photo AFP`;
    expect(noiseSpans(late, lexicons)).toEqual([{ start: late.indexOf('crédit'), end: late.length }]);
    expect(noiseSpans(text, lexicons)).toEqual(referenceNoiseSpans(text, lexicons));
    expect(noiseSpans(text, lexicons).length).toBeGreaterThan(4);
  });

  test('agrees on random texts of markers, nouns, quotes, spacing and case', () => {
    const piece = fc.constantFrom(
      'par ', 'Par', 'PHOTO', 'photo', ' : ', ':', 'crédit photo', 'Crédits Photo', '©', '(c)', 'rédigé par', 'source', 'via', 'by',
      'film', 'Film', 'FILM', 'livre', 'ſérie', 'série', 'essai', 'intitulé', 'intitulées', 'Kelvin', 'booK', 'book',
      '«', '»', '"', '“', '”', ' ', '  ', '\n', '\t', '-', '•', '(', '[', 'İ', 'Σ', 'Jean', 'Dupont', 'et', '.', ',', 'a', 'é', '1', '\u{1d400}',
      'puis un long développement sans marque aucune, ', 'le film intitulées « A »', 'un livre intitulé\t"B"', 'la ſérie intitulée “C”', 'l’essai\n« D »', 'le roman  « E »', 'Documentaire « F', ' G »',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(noiseSpans(text, lexicons)).toEqual(referenceNoiseSpans(text, lexicons));
      }),
      { numRuns: 4000 },
    );
  });
});
