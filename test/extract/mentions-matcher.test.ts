/**
 * The gazetteer scan decides which candidates of a name fit the case it is
 * written in from flat tables (candidatesAt); that must be what the case
 * rules of the candidate objects say (fittingCandidates), for every name of
 * the shipped gazetteer written in any mix of capitals.
 */
import fc from 'fast-check';
import path from 'node:path';
import { loadKnowledgeBase } from '../../src/extract/kb';
import { fold, foldKey } from '../../src/extract/mentions/fold';
import { loadMentionLexicons } from '../../src/extract/mentions/lexicon';
import { buildCaseTable, candidatesAt, collectNames, fittingCandidates } from '../../src/extract/mentions/matcher';

const kb = loadKnowledgeBase(path.resolve(__dirname, '..', '..', 'graph-data', 'knowledge'));
const names = collectNames(kb, loadMentionLexicons(kb));
const keys = [...names.keys()];
const slots = [...names.values()];
const table = buildCaseTable(keys, slots);
/** Every spelling of the gazetteer, with the index of its key. */
const spellings = slots.flatMap((slot, k) => slot.candidates.flatMap((c) => c.forms.map((f) => ({ k, name: f.name }))));

function agree(k: number, written: string): void {
  const text = `« ${written} »`;
  const folded = fold(text);
  const start = 2;
  const end = start + written.length;
  expect(candidatesAt(table, slots, k, text, folded, start, end)).toEqual(fittingCandidates(slots[k], text, folded, start, end));
}

describe('gazetteer case table', () => {
  test('agrees on each spelling as written, in capitals and in lower case', () => {
    expect(slots.length).toBeGreaterThan(1000);
    for (const { k, name } of spellings) {
      if (foldKey(name) !== fold(name)) continue;
      agree(k, name);
      agree(k, name.toUpperCase().length === name.length ? name.toUpperCase() : name);
      agree(k, name.toLowerCase());
    }
  });

  test('agrees on any mix of capitals', () => {
    const spelling = fc.constantFrom(...spellings.filter(({ name }) => foldKey(name) === fold(name)));
    fc.assert(
      fc.property(spelling, fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), ({ k, name }, upper) => {
        const written = [...name].map((ch, i) => (upper[i % upper.length] ? ch.toUpperCase() : ch.toLowerCase())).join('');
        if (fold(written) !== fold(name)) return;
        agree(k, written);
      }),
      { numRuns: 3000 },
    );
  });
});
