/**
 * Pins findContradictions and `npm run contradictions`: edges whose claims give
 * different numbers for one unit are listed with every claim; agreeing numbers,
 * other units and claims without numbers are not.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findContradictions } from '../../src/analysis';
import { buildGraph, saveGraph } from '../../src/graph';
import type { ArticleExtraction, ExtractedRelation } from '../../src/extract/types';
import type { Claim } from '../../src/ontology';
import { captureIO, runCli } from '../../scripts/lib/cli';
import { main, SPEC } from '../../scripts/contradictions';

function claim(doc: string, extra: Partial<Claim>): Claim {
  return { doc, sentence: 0, quote: `quote of ${doc}`, status: 'reported', ...extra };
}

function rel(subject: string, type: ExtractedRelation['type'], object: string, c: Claim): ExtractedRelation {
  return { subject, type, object, claim: c };
}

const entities = [
  { id: 'a', label: 'Aland', type: 'Country' as const, aliases: [], known: true },
  { id: 'b', label: 'Borduria', type: 'Country' as const, aliases: [], known: true },
  { id: 'c', label: 'Carpania', type: 'Country' as const, aliases: [], known: true },
];

function smallGraph() {
  const extraction: ArticleExtraction = {
    doc: 'd1',
    entities,
    mentions: [],
    relations: [
      rel('a', 'DEPLOYED_TROOPS_TO', 'b', claim('d1', { quantity: 10000, unit: 'soldats', attributedTo: 'NIS', date: '2024-10' })),
      rel('a', 'DEPLOYED_TROOPS_TO', 'b', claim('d2', { quantity: 12000, unit: 'soldats', status: 'asserted' })),
      rel('a', 'DEPLOYED_TROOPS_TO', 'b', claim('d3', { quantity: 10000, unit: 'soldats' })),
      rel('a', 'DEPLOYED_TROOPS_TO', 'b', claim('d4', { quantity: 500, unit: 'officiers' })),
      rel('a', 'DEPLOYED_TROOPS_TO', 'b', claim('d5', {})),
      // Agreeing numbers only: not a contradiction.
      rel('a', 'SUPPLIED_ARMS_TO', 'c', claim('d1', { quantity: 20000, unit: 'conteneurs' })),
      rel('a', 'SUPPLIED_ARMS_TO', 'c', claim('d2', { quantity: 20000, unit: 'conteneurs', status: 'asserted' })),
      // Different units on one edge: not a contradiction either.
      rel('c', 'SUPPLIED_ARMS_TO', 'b', claim('d1', { quantity: 300, unit: 'obus' })),
      rel('c', 'SUPPLIED_ARMS_TO', 'b', claim('d2', { quantity: 40, unit: 'missiles' })),
      rel('b', 'ATTACKED', 'c', claim('d3', { quantity: 5, unit: 'tués', status: 'planned' })),
      rel('b', 'ATTACKED', 'c', claim('d4', { quantity: 7, unit: 'tués', status: 'denied' })),
    ],
  };
  return buildGraph([extraction], { extractorVersion: 'test', articles: [] });
}

describe('findContradictions', () => {
  test('lists the edges whose claims disagree for one unit, with every claim of that unit', () => {
    const found = findContradictions(smallGraph());
    expect(found.map((c) => `${c.sourceLabel} ${c.type} ${c.targetLabel} ${c.unit}`)).toEqual(['Borduria ATTACKED Carpania tués', 'Aland DEPLOYED_TROOPS_TO Borduria soldats']);
    const troops = found.find((c) => c.type === 'DEPLOYED_TROOPS_TO')!;
    expect(troops.quantities).toEqual([10000, 12000]);
    expect(troops.claims.map((c) => [c.quantity, c.doc, c.attributedTo, c.date, c.status])).toEqual([
      [10000, 'd1', 'NIS', '2024-10', 'reported'],
      [10000, 'd3', undefined, undefined, 'reported'],
      [12000, 'd2', undefined, undefined, 'asserted'],
    ]);
  });

  test('statuses and types narrow what is compared', () => {
    expect(findContradictions(smallGraph(), { statuses: ['reported', 'asserted'] }).map((c) => c.type)).toEqual(['DEPLOYED_TROOPS_TO']);
    expect(findContradictions(smallGraph(), { types: ['ATTACKED'] }).map((c) => c.type)).toEqual(['ATTACKED']);
    expect(findContradictions(smallGraph(), { minDistinct: 3 })).toEqual([]);
  });

  test('an empty graph has no contradictions; bad input is refused by name', () => {
    expect(findContradictions(buildGraph([], { extractorVersion: 'x', articles: [] }))).toEqual([]);
    expect(() => findContradictions({} as never)).toThrow(/newsgraph contradictions: the given graph is not a valid graphology instance/);
    expect(() => findContradictions(smallGraph(), { minDistinct: 1 })).toThrow(/minDistinct/);
  });
});

describe('npm run contradictions', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-contradictions-'));
  const file = path.join(dir, 'graph.json');
  saveGraph(smallGraph(), file);

  test('prints each edge, then each claim with quantity, unit, source, date, status and article', async () => {
    const io = captureIO();
    expect(await runCli(SPEC, main, ['--graph', file], io)).toBe(0);
    const out = io.out();
    expect(out).toContain('Aland —DEPLOYED_TROOPS_TO→ Borduria');
    expect(out).toMatch(/10 000 soldats · source: NIS · date: 2024-10 · reported · article d1/);
    expect(out).toMatch(/12 000 soldats · source: — · date: — · asserted · article d2/);
    expect(out).not.toContain('conteneurs');
  });

  test('--json gives the same list', async () => {
    const io = captureIO();
    expect(await runCli(SPEC, main, ['--graph', file, '--json'], io)).toBe(0);
    const parsed = JSON.parse(io.out());
    expect(parsed.contradictions).toHaveLength(2);
  });

  test('a missing or broken graph file is one line on stderr and exit 2', async () => {
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{"nodes": [');
    for (const target of [path.join(dir, 'absent.json'), broken]) {
      const io = captureIO();
      expect(await runCli(SPEC, main, ['--graph', target], io)).toBe(2);
      expect(io.err().trim().split('\n')).toHaveLength(1);
      expect(io.err()).toContain(target);
    }
  });
});
