/**
 * The trigger prefilter only ever skips frames whose trigger RegExp finds
 * nothing: its prefixes are necessary conditions read from the patterns.
 */
import fc from 'fast-check';
import { alternation, fold } from '../../src/extract/claims';
import { loadKnowledgeBase } from '../../src/extract/kb';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/extract/knowledge';
import { getRelationLexicon } from '../../src/extract/relations';
import { buildTriggerIndex, leadingPrefixes, MAX_PREFIX_CHARS, possibleFrames, triggerPrefixes, triggerStarts } from '../../src/extract/relations/prefilter';

describe('leadingPrefixes', () => {
  test('reads the literal opening of each alternative', () => {
    expect(leadingPrefixes('livr\\w+|vente')).toEqual(['livr', 'vente']);
  });

  test('cuts openings at MAX_PREFIX_CHARS characters', () => {
    expect(leadingPrefixes('rencontrerait')).toEqual(['rencontrerait'.slice(0, MAX_PREFIX_CHARS)]);
  });

  test('stops before an optional letter and keeps one repeated at least once', () => {
    expect(leadingPrefixes('tue?s?')).toEqual(['tu']);
    expect(leadingPrefixes('ab+c')).toEqual(['ab']);
    expect(leadingPrefixes('x{0,2}y')).toBeUndefined();
  });

  test('opens groups, skips leading lookarounds, and joins an optional group with what follows it', () => {
    expect(leadingPrefixes('(?:a|ont) ete recu')).toEqual(['a ete recu', 'ont ete re']);
    expect(leadingPrefixes("(?<!soutenir )sa guerre")).toEqual(['sa guerre']);
    expect(leadingPrefixes('(?:a |ont )?oppose')).toEqual(['oppose', 'a oppose', 'ont oppose']);
  });

  test('reads on across spaces and apostrophes, and stops at what is not literal', () => {
    expect(leadingPrefixes("s'est rendue?")).toEqual(["s'est rend"]);
    expect(leadingPrefixes('a (?:recu|accueilli)')).toEqual(['a recu', 'a accueill']);
    expect(leadingPrefixes('mis\\w* en garde')).toEqual(['mis']);
    expect(leadingPrefixes('est recue?(?= par)')).toEqual(['est recu']);
    expect(leadingPrefixes('ont (?:\\w+ )?rejoint')).toEqual(['ont rejoin', 'ont ']);
    expect(leadingPrefixes('(?:de)+ la')).toEqual(['de']);
  });

  test('gives no constraint when an opening cannot be read', () => {
    expect(leadingPrefixes('\\w+ment')).toBeUndefined();
    expect(leadingPrefixes('[ab]c|de')).toBeUndefined();
    expect(leadingPrefixes('de|')).toBeUndefined();
    expect(leadingPrefixes('(?<name>ab)')).toBeUndefined();
    expect(leadingPrefixes('(ab')).toBeUndefined();
  });
});

describe('triggerPrefixes', () => {
  test('needs the word guard alternation() puts first', () => {
    expect(triggerPrefixes(alternation(['livr\\w+', 'vente']))).toEqual(['livr', 'vente']);
    expect(triggerPrefixes(/livr\w+/g)).toBeUndefined();
  });
});

describe('triggerStarts', () => {
  const index = buildTriggerIndex([alternation(['livr\\w+']), /(?!)/g]);

  test('gives the word starts a frame can open on, and no list for a frame that can start anywhere', () => {
    expect(triggerStarts(index, 'il livre, elle livrait')).toEqual([[3, 15], undefined]);
    expect(triggerStarts(index, 'delivre')).toEqual([[], undefined]);
  });
});

describe('possibleFrames', () => {
  const index = buildTriggerIndex([alternation(['livr\\w+']), alternation(['rencontr\\w+', '(?:a|ont) recu']), /(?!)/g]);

  test('marks a frame whose trigger opens on a word of the sentence', () => {
    expect(possibleFrames(index, 'la russie a livre des obus')).toEqual([true, false, true]);
    expect(possibleFrames(index, 'la russie a recu des obus')).toEqual([false, true, true]);
    expect(possibleFrames(index, 'la russie delivre des obus')).toEqual([false, false, true]);
    expect(possibleFrames(index, 'ils ont recu')).toEqual([false, true, true]);
    expect(possibleFrames(index, 'rien ici')).toEqual([false, false, true]);
  });
});

describe('possibleFrames on the knowledge base triggers', () => {
  const lex = getRelationLexicon(loadKnowledgeBase(DEFAULT_KNOWLEDGE_DIR));
  const res = lex.frames.map((f) => f.triggerRe);
  const fired = (re: RegExp, text: string) => {
    re.lastIndex = 0;
    const hit = re.test(text);
    re.lastIndex = 0;
    return hit;
  };
  // Words cut from the triggers themselves, so random sentences do hit triggers and near misses.
  const pieces = [...new Set(lex.frames.flatMap((f) => f.triggers).flatMap((t) => fold(t).split(/[^a-z' -]+/)).filter((w) => w.length > 0))];
  const word = fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(' ', "'", '-', ',', 'x', 'e', 's', 'de', 'la', '2'), fc.string({ maxLength: 4 }));

  test('never skips a frame whose trigger matches', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 25 }), (words) => {
        const text = fold(words.join(''));
        const possible = possibleFrames(lex.triggerIndex, text);
        res.forEach((re, i) => {
          if (fired(re, text)) expect(possible[i]).toBe(true);
        });
      }),
      { numRuns: 1500 },
    );
  });

  test('lists every position where a trigger matches among the starts of its frame', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 25 }), (words) => {
        const text = fold(words.join(''));
        const starts = triggerStarts(lex.triggerIndex, text);
        res.forEach((re, i) => {
          const at = starts[i];
          if (!at) return;
          expect([...at].sort((a, b) => a - b)).toEqual(at);
          re.lastIndex = 0;
          for (const m of text.matchAll(re)) expect(at).toContain(m.index);
        });
      }),
      { numRuns: 500 },
    );
  });

  test('skips some frames on a sentence that names none of their triggers', () => {
    const possible = possibleFrames(lex.triggerIndex, fold('Le temps était doux ce matin-là.'));
    expect(possible.filter((p) => !p).length).toBeGreaterThan(lex.frames.length / 2);
  });
});
