// Contract: the benchmark's generated inputs (corpus, random graphs, synthetic newsgraph graphs) are a pure function of the seed, and realistic enough to exercise the pipeline.
import { GraphFileSchema } from '../../src/graph';
import { RELATION_SIGNATURES } from '../../src/ontology';
import { generateArticle, generateArticles, loadCorpusMaterial } from '../../bench/corpus';
import { fitLinearity } from '../../bench/extraction';
import { randomEdgeList } from '../../bench/graphs';
import { summarise } from '../../bench/measure';
import { syntheticNewsGraph } from '../../bench/newsgraph';
import { createBenchRng } from '../../bench/rng';

const material = loadCorpusMaterial();

describe('generated corpus', () => {
  test('the same seed gives the same articles, another seed other ones', () => {
    const a = generateArticles(material, 7, 12);
    const b = generateArticles(material, 7, 12);
    const c = generateArticles(material, 8, 12);
    expect(b).toEqual(a);
    expect(c.map((x) => x.content)).not.toEqual(a.map((x) => x.content));
  });

  test('article i depends only on (seed, i): a larger corpus starts with the smaller one', () => {
    const small = generateArticles(material, 'seed', 5);
    const large = generateArticles(material, 'seed', 10);
    expect(large.slice(0, 5)).toEqual(small);
    expect(generateArticle(material, 'seed', 7)).toEqual(large[7]);
    expect(new Set(large.map((x) => x.file)).size).toBe(10);
  });

  test('articles are French prose built from the seed sentences, with a title and a date line', () => {
    const article = generateArticle(material, 1, 0);
    const lines = article.content.split('\n');
    expect(lines[0].length).toBeGreaterThan(20);
    expect(lines[2]).toMatch(/^Publié le \d{1,2} [a-zéû]+ \d{4}$/);
    expect(article.content.length).toBeGreaterThan(500);
    expect(article.content).toMatch(/ (la|le|les|des|du) /);
  });

  test('known names are swapped for names of the same entity type', () => {
    const known = new Map<string, string>();
    for (const [type, entities] of material.namesByType) for (const names of entities) for (const name of names) known.set(name, type);
    let slots = 0;
    for (const template of material.templates) for (const part of template) if (typeof part !== 'string') slots++;
    expect(slots).toBeGreaterThan(10);
    for (const template of material.templates) {
      for (const part of template) if (typeof part !== 'string') expect(known.get(part.original)).toBe(part.type);
    }
  });
});

describe('random graphs', () => {
  test('G(n, m): seeded, m distinct edges, no self-loops', () => {
    const a = randomEdgeList(50, 300, 3);
    expect(randomEdgeList(50, 300, 3)).toEqual(a);
    expect(randomEdgeList(50, 300, 4).sources).not.toEqual(a.sources);
    const keys = new Set<string>();
    for (let k = 0; k < 300; k++) {
      expect(a.sources[k]).not.toBe(a.targets[k]);
      keys.add(`${a.sources[k]}>${a.targets[k]}`);
    }
    expect(keys.size).toBe(300);
  });

  test('undirected lists never hold both (a, b) and (b, a); too many edges is refused', () => {
    const u = randomEdgeList(10, 45, 1, true);
    const keys = new Set<string>();
    for (let k = 0; k < 45; k++) keys.add(`${Math.min(u.sources[k], u.targets[k])}-${Math.max(u.sources[k], u.targets[k])}`);
    expect(keys.size).toBe(45);
    expect(() => randomEdgeList(10, 46, 1, true)).toThrow(/cannot draw 46 distinct edges over 10 nodes/);
  });

  test('synthetic newsgraph graphs follow graph.json and the relation signatures', () => {
    const graph = syntheticNewsGraph({ nodes: 60, edges: 150, seed: 5 });
    expect(graph.order).toBe(60);
    expect(graph.size).toBe(150);
    expect(GraphFileSchema.safeParse(JSON.parse(JSON.stringify(graph.export()))).success).toBe(true);
    graph.forEachEdge((_, attrs, __, ___, s, t) => {
      const sig = RELATION_SIGNATURES[attrs.type];
      const fits = (a: string, b: string) => sig.subject.includes(a as never) && sig.object.includes(b as never);
      expect(fits(s.type, t.type) || fits(t.type, s.type)).toBe(true);
    });
    expect(syntheticNewsGraph({ nodes: 60, edges: 150, seed: 5 }).export()).toEqual(graph.export());
  });
});

describe('measure helpers', () => {
  test('summarise gives median, min and max; an empty list is refused', () => {
    expect(summarise([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3, runs: 3 });
    expect(summarise([4, 1, 2, 3]).median).toBe(2.5);
    expect(() => summarise([])).toThrow(/no runs/);
  });

  test('fitLinearity recovers a straight line and flags a curve', () => {
    const line = fitLinearity([1, 2, 4, 8].map((mb) => ({ mb, seconds: 0.5 + 2 * mb })));
    expect(line.secondsPerMb).toBeCloseTo(2, 10);
    expect(line.fixedSeconds).toBeCloseTo(0.5, 10);
    expect(line.r2).toBeCloseTo(1, 10);
    const curve = fitLinearity([1, 2, 4, 8].map((mb) => ({ mb, seconds: mb * mb })));
    expect(curve.r2).toBeLessThan(0.99);
    expect(curve.throughputRatio).toBeLessThan(0.5);
  });

  test('the rng is seeded and stays in range', () => {
    const a = createBenchRng('x');
    const b = createBenchRng('x');
    const draws = Array.from({ length: 100 }, () => a.int(7));
    expect(Array.from({ length: 100 }, () => b.int(7))).toEqual(draws);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(7);
    expect(new Set(draws).size).toBe(7);
  });
});
