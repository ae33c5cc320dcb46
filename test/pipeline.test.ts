// Contract: building the seed corpus end to end yields a graph.json that honours ONTOLOGY.md, and the quick-start commands work.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GraphFileSchema, loadGraph, saveGraph } from '../src/graph';
import { RELATION_SIGNATURES } from '../src/ontology';
import { buildCorpusGraph, staleReason } from '../src/pipeline';
import { captureIO, runCli } from '../scripts/lib/cli';
import * as buildGraphCommand from '../scripts/build-graph';

const ROOT = path.resolve(__dirname, '..');
const ARTICLES = path.join(ROOT, 'graph-data', 'articles');
const SHARED = path.resolve(ROOT, '..', 'shared');

describe('buildCorpusGraph on the seed articles', () => {
  const { graph, corpus, stats } = buildCorpusGraph({ articlesDir: ARTICLES });
  const exported = graph.export();

  test('reads every article and finds entities and relations of several types', () => {
    expect(stats.articlesRead).toBe(corpus.articles.length);
    expect(stats.articlesRead).toBeGreaterThanOrEqual(5);
    expect(Object.keys(stats.entitiesByType).length).toBeGreaterThanOrEqual(5);
    expect(Object.keys(stats.relationsByType).length).toBeGreaterThanOrEqual(10);
  });

  test('graph.json matches the ontology schema', () => {
    const parsed = GraphFileSchema.safeParse(JSON.parse(JSON.stringify(exported)));
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 3)).toEqual([]);
  });

  test('every claim quotes its sentence exactly as in the cleaned article', () => {
    const byId = new Map(corpus.articles.map((a) => [a.id, a]));
    graph.forEachEdge((_, attrs) => {
      for (const claim of attrs.claims) {
        const article = byId.get(claim.doc)!;
        expect(article).toBeDefined();
        expect(claim.quote).toBe(article.sentences[claim.sentence].text);
      }
    });
  });

  test('every mention points at its entity name in the cleaned article', () => {
    const byId = new Map(corpus.articles.map((a) => [a.id, a]));
    graph.forEachNode((_, attrs) => {
      for (const m of attrs.mentions) {
        const article = byId.get(m.doc)!;
        const sentence = article.sentences[m.sentence];
        expect(m.start).toBeGreaterThanOrEqual(sentence.start);
        expect(m.end).toBeLessThanOrEqual(sentence.end);
        expect(article.text.slice(m.start, m.end).trim().length).toBeGreaterThan(0);
      }
    });
  });

  test('every edge joins entity types its relation allows', () => {
    graph.forEachEdge((_, attrs, source, target, sourceAttrs, targetAttrs) => {
      const signature = RELATION_SIGNATURES[attrs.type];
      const ends = [sourceAttrs.type, targetAttrs.type];
      const fits = (a: string, b: string) => signature.subject.includes(a as never) && signature.object.includes(b as never);
      expect(fits(ends[0], ends[1]) || (graph.isUndirected(`${source}|${attrs.type}|${target}`) && fits(ends[1], ends[0]))).toBe(true);
    });
  });

  test('a stored graph is up to date until an article changes', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-stale-'));
    cpSync(ARTICLES, dir, { recursive: true });
    const version = graph.getAttribute('extractorVersion');
    const attrs = { ...graph.getAttributes(), articles: graph.getAttribute('articles') };
    expect(staleReason(attrs, dir, version)).toBeNull();
    expect(staleReason(attrs, dir, 'other')).toMatch(/extractor changed/);
    // What a build never reads (hidden folders: .git, editors' caches) never makes the graph stale.
    mkdirSync(path.join(dir, '.cache'));
    writeFileSync(path.join(dir, '.cache', 'brouillon.txt'), 'La Russie et la Chine.');
    expect(staleReason(attrs, dir, version)).toBeNull();
    const first = corpus.articles[0].file;
    writeFileSync(path.join(dir, first), `${readFileSync(path.join(dir, first), 'utf8')}\nUne phrase de plus.`);
    expect(staleReason(attrs, dir, version)).toMatch(/article changed/);
    writeFileSync(path.join(dir, 'nouveau.txt'), 'La Russie et la Chine.');
    expect(staleReason(null, dir, version)).toBe('no graph yet');
  });
});

describe('npm run build-graph', () => {
  test('writes the graph, prints the summary, and names skipped files on stderr', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-build-'));
    const articles = path.join(dir, 'articles');
    cpSync(ARTICLES, articles, { recursive: true });
    writeFileSync(path.join(articles, 'vide.txt'), '   \n');
    const out = path.join(dir, 'graph.json');
    const io = captureIO();
    const code = await runCli(buildGraphCommand.SPEC, buildGraphCommand.main, ['--articles', articles, '--out', out], io);
    expect(code).toBe(0);
    expect(io.out()).toMatch(/articles\s+\d+ read, 1 skipped/);
    expect(io.out()).toMatch(/relations by type:/);
    expect(io.err()).toContain('vide.txt');
    expect(loadGraph(out).order).toBeGreaterThan(10);
  });

  test('--strict fails on a skipped file and leaves the previous graph as it was', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-strict-'));
    const articles = path.join(dir, 'articles');
    cpSync(ARTICLES, articles, { recursive: true });
    writeFileSync(path.join(articles, 'binaire.txt'), Buffer.from([0x41, 0x00, 0x42]));
    const out = path.join(dir, 'graph.json');
    writeFileSync(out, 'previous');
    const io = captureIO();
    const code = await runCli(buildGraphCommand.SPEC, buildGraphCommand.main, ['--articles', articles, '--out', out, '--strict'], io);
    expect(code).toBe(2);
    expect(io.err()).toMatch(/--strict/);
    expect(readFileSync(out, 'utf8')).toBe('previous');
  });

  test('a missing articles folder is an error naming the folder, exit 2', async () => {
    const io = captureIO();
    const missing = path.join(os.tmpdir(), 'newsgraph-no-such-folder');
    const code = await runCli(buildGraphCommand.SPEC, buildGraphCommand.main, ['--articles', missing, '--out', path.join(os.tmpdir(), 'x.json')], io);
    expect(code).toBe(2);
    expect(io.err()).toContain(missing);
  });
});

const scorer = path.join(SHARED, 'eval', 'score.mjs');
const gold = path.join(SHARED, 'gold', 'seeds.json');
(existsSync(scorer) && existsSync(gold) ? describe : describe.skip)('extraction quality on the seed articles (../shared/eval/score.mjs)', () => {
  test('entity F1 ≥ 0.80 and relation F1 ≥ 0.50 (the foundation floor)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-eval-'));
    const file = path.join(dir, 'graph.json');
    saveGraph(buildCorpusGraph({ articlesDir: ARTICLES }).graph, file);
    const run = spawnSync(process.execPath, [realpathSync(scorer), '--graph', file, '--gold', gold, '--json'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.entities.f).toBeGreaterThanOrEqual(0.8);
    expect(result.relations.f).toBeGreaterThanOrEqual(0.5);
  });
});

test('npm start --no-serve builds when needed and lists the most central entities', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-start-'));
  const out = execFileSync(process.execPath, ['-r', 'ts-node/register', 'scripts/start.ts', '--no-serve', '--graph', path.join(dir, 'g.json')], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  expect(out).toMatch(/relations by type:/);
  expect(out).toMatch(/most central entities/);
  const again = execFileSync(process.execPath, ['-r', 'ts-node/register', 'scripts/start.ts', '--no-serve', '--graph', path.join(dir, 'g.json')], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(again).toMatch(/up to date/);
});
