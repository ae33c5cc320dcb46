// Contract of the extraction pool (src/pipeline/workers.ts): every item is extracted exactly once, by the main thread or a worker, outcomes come back in item order, and a failing worker or one built on another extractor version rejects the whole call with a message that says which.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_NOISE_FILE } from '../../src/corpus';
import { createExtractor } from '../../src/extract';
import type { FileOutcome, WorkItem } from '../../src/pipeline/process';
import { extractInPool } from '../../src/pipeline/workers';

const SEEDS = path.resolve(__dirname, '..', '..', 'graph-data', 'articles');
const extractor = createExtractor();

function seedItems(copies: number): WorkItem[] {
  const files = readdirSync(SEEDS).filter((name) => name.endsWith('.txt')).sort();
  const items: WorkItem[] = [];
  for (let copy = 0; copy < copies; copy++) {
    for (const name of files) {
      const absolute = path.join(SEEDS, name);
      items.push({ absolute, relative: `${copy}/${name}`, bytes: readFileSync(absolute) });
    }
  }
  return items;
}

/** A main-thread extractor that only says it ran: which items the workers took shows in the outcomes. */
const markLocal = (item: WorkItem): FileOutcome => ({ skip: `local ${item.relative}` });

describe('extractInPool', () => {
  test('each item once, in item order; the workers take some, the main thread the rest', async () => {
    const items = seedItems(8);
    const seen: number[] = [];
    const outcomes = await extractInPool(items, { workers: 2, local: markLocal, extractorVersion: extractor.version, noiseFile: DEFAULT_NOISE_FILE, onDone: (done) => seen.push(done) });
    expect(outcomes).toHaveLength(items.length);
    expect(seen).toEqual(items.map((_, i) => i + 1));
    let byWorker = 0;
    outcomes.forEach((outcome, i) => {
      if ('skip' in outcome) {
        expect(outcome.skip).toBe(`local ${items[i].relative}`);
      } else {
        byWorker++;
        expect(outcome.article.file).toBe(items[i].relative);
      }
    });
    // The worker is sent its first chunk as it is created: it always gets at least that one.
    expect(byWorker).toBeGreaterThan(0);
  }, 60_000);

  test('without onDone, the call still ends when every item is done', async () => {
    const items = seedItems(1);
    const outcomes = await extractInPool(items, { workers: 2, local: markLocal, extractorVersion: extractor.version, noiseFile: DEFAULT_NOISE_FILE });
    expect(outcomes.filter(Boolean)).toHaveLength(items.length);
  }, 60_000);

  test('a worker that cannot start rejects the call with its reason', async () => {
    const noiseFile = path.join(SEEDS, 'no-such-noise-rules.json');
    await expect(extractInPool(seedItems(1), { workers: 2, local: markLocal, extractorVersion: extractor.version, noiseFile })).rejects.toThrow(/no-such-noise-rules\.json/);
  }, 60_000);

  test('a worker built on another extractor version rejects the call', async () => {
    await expect(extractInPool(seedItems(2), { workers: 2, local: markLocal, extractorVersion: 'not-this-version', noiseFile: DEFAULT_NOISE_FILE })).rejects.toThrow(/worker built extractor .* main thread not-this-version/);
  }, 60_000);

  test('fewer than two threads is refused', async () => {
    await expect(extractInPool(seedItems(1), { workers: 1, local: markLocal, extractorVersion: extractor.version, noiseFile: DEFAULT_NOISE_FILE })).rejects.toThrow(RangeError);
  });
});
