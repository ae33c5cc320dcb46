/** Contract: normalisation, the cleaner and the sentence splitter never throw, on any text, and sentences always satisfy the offsets invariant. */
import fc from 'fast-check';
import { cleanText, NotAnArticleError, normalizeText, readArticle, segmentSentences } from '../../src/corpus';
import type { Sentence } from '../../src/corpus';

function checkOffsets(text: string, sentences: Sentence[], firstIndex = 0): void {
  let previousEnd = 0;
  sentences.forEach((s, i) => {
    expect(s.index).toBe(firstIndex + i);
    expect(s.text).toBe(text.slice(s.start, s.end));
    expect(s.text.length).toBeGreaterThan(0);
    expect(s.text).toBe(s.text.trim());
    expect(s.start).toBeGreaterThanOrEqual(previousEnd);
    previousEnd = s.end;
  });
}

/** Text made of the characters the splitter and cleaner care about, so that their rules actually fire. */
const frenchish = fc
  .array(
    fc.constantFrom(
      'M.', 'Mme', ' ', ' ', '\n', '.', '...', '…', '!', '?', '«', '»', '“', '”', '"', '(', ')', '-', '• ', '1.', '20 000', '4.700',
      'Le', 'la', 'Corée', 'ÉTAT', 'a', 'b', 'J.', 'av.', 'J.-C.', ',', ':', '\u00a0', '\u202f', '\u200b', '\r\n', 'plugin-autotooltip_big', 'http://x.y/2024/01/',
    ),
    { maxLength: 200 },
  )
  .map((parts) => parts.join(''));

const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 }), frenchish);

describe('never throws, offsets always hold', () => {
  it('segmentSentences on random Unicode and French-like text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        checkOffsets(text, segmentSentences(text));
      }),
      { numRuns: 500 },
    );
  });

  it('normalizeText + cleanText + segmentSentences on random text', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const cleaned = cleanText(normalizeText(raw));
        checkOffsets(cleaned.text, segmentSentences(cleaned.text));
      }),
      { numRuns: 500 },
    );
  });

  it('on texts of only numbers', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer(), fc.double()), { maxLength: 50 }), fc.constantFrom(' ', '. ', '\n', ', '), (numbers, sep) => {
        const text = numbers.join(sep);
        checkOffsets(text, segmentSentences(text));
        const cleaned = cleanText(normalizeText(text)).text;
        // Lines without a letter are page noise (timestamps, counters); only "e" of exponents, NaN and Infinity can stay.
        for (const line of cleaned.split('\n')) if (line) expect(line).toMatch(/[eNI]/);
      }),
    );
  });

  it('on empty text', () => {
    expect(segmentSentences('')).toEqual([]);
    expect(cleanText('').text).toBe('');
    expect(normalizeText('')).toBe('');
  });

  it('on a huge text (40 000 sentences) and a 2-million-character sentence', () => {
    const sentence = 'Le ministre M. Durand a confirmé « 20 000 » soldats… ';
    const huge = `${sentence.repeat(40000)}\n${'a'.repeat(2_000_000)}`;
    const sentences = segmentSentences(huge);
    expect(sentences.length).toBe(40001);
    checkOffsets(huge, sentences.slice(-3), sentences.length - 3);
    const cleaned = cleanText(normalizeText(huge));
    expect(cleaned.text.length).toBeGreaterThan(2_000_000);
  });

  it('readArticle on random bytes either reads an article or refuses it with a reason', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.constantFrom('a.txt', 'a.md', 'a.html'), (bytes, file) => {
        try {
          const article = readArticle(file, Buffer.from(bytes), { detectLanguage: false });
          checkOffsets(article.text, article.sentences);
        } catch (error) {
          expect(error).toBeInstanceOf(NotAnArticleError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
