/**
 * Contract: a folder of pages saved from the web builds whatever can be read;
 * every file that cannot be an article is named on stderr with the reason and
 * skipped (exit 0), `--strict` turns any skip into exit 2 with the previous
 * graph untouched, an unusable folder is exit 2 naming it, and no text makes
 * the reader or the extractor throw.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { captureIO, runCli } from '../../scripts/lib/cli';
import * as buildGraphCommand from '../../scripts/build-graph';
import { CorpusFolderError, DEFAULT_MAX_BYTES, loadCorpus, loadNoiseRules, NotAnArticleError, readArticle } from '../../src/corpus';
import { createExtractor } from '../../src/extract';
import { buildGraph, loadGraph } from '../../src/graph';

const ROOT = path.resolve(__dirname, '..', '..');
const MIB = 1024 * 1024;

/** A sentence the extractor finds entities in, written for this test. */
const GOOD_TEXT = 'Le ministre russe de la Défense a rencontré Kim Jong Un à Pyongyang en mars 2024.\n';

const tmp = (prefix: string) => mkdtempSync(path.join(os.tmpdir(), `newsgraph-rel-${prefix}-`));

async function build(articles: string, out: string, ...extra: string[]) {
  const io = captureIO();
  const code = await runCli(buildGraphCommand.SPEC, buildGraphCommand.main, ['--articles', articles, '--out', out, '--no-cache', '--quiet', ...extra], io);
  return { code, out: io.out(), err: io.err() };
}

/** The stderr line build-graph prints for a skipped file. */
const skippedLine = (dir: string, file: string, reason: RegExp) =>
  new RegExp(`^newsgraph build-graph: ${escape(path.join(dir, file))}: ${reason.source}; skipped$`, 'm');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('one folder with every kind of bad file', () => {
  const dir = tmp('mixed');
  const articles = path.join(dir, 'articles');
  const out = path.join(dir, 'graph.json');
  mkdirSync(articles);
  const write = (name: string, content: string | Buffer) => writeFileSync(path.join(articles, name), content);
  write('bon.txt', GOOD_TEXT);
  write('vide.txt', '');
  write('blanc.txt', '  \n\t\r\n  ');
  write('binaire.txt', Buffer.from([0x4c, 0x61, 0x00, 0x01, 0x02]));
  write('windows.txt', Buffer.from('Le général a rencontré « ses » homologues à Séoul. ', 'latin1'));
  write('cp1252.txt', Buffer.concat([Buffer.from('La d', 'latin1'), Buffer.from([0xe9]), Buffer.from('l', 'latin1'), Buffer.from([0xe9, 0x67, 0x61, 0x74, 0x69, 0x6f, 0x6e, 0x20, 0x93]), Buffer.from('russe', 'latin1'), Buffer.from([0x94, 0x20, 0x96, 0x20]), Buffer.from('arrive.', 'latin1')]));
  write('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('La Chine soutient la Russie depuis Pékin.\n', 'utf8')]));
  write('crlf.txt', 'La Russie livre des obus.\r\nLa Corée du Nord envoie des troupes.\r\n');
  write(
    'page.html',
    `<!doctype html><html><head><title>Moscou et Pyongyang</title><style>.marqueur-style{color:red}</style>
<script>window.marqueurScript = "ne pas lire";</script></head>
<body><nav><a href="/">Accueil</a> <a href="/monde">marqueur-nav</a></nav>
<article><h1>Moscou et Pyongyang</h1><p>La Corée du Nord a envoyé des soldats en Russie, selon Séoul.</p></article>
<footer>marqueur-footer © Journal</footer><script>track("marqueur-script-bas")</script></body></html>`,
  );
  write('notes.docx', 'PK\u0003\u0004');
  write('sans-extension', GOOD_TEXT);
  mkdirSync(path.join(articles, 'dossier.txt')); // a folder named like an article: walked, holds nothing
  symlinkSync('boucle-b.txt', path.join(articles, 'boucle-a.txt'));
  symlinkSync('boucle-a.txt', path.join(articles, 'boucle-b.txt'));
  symlinkSync('.', path.join(articles, 'soi-meme'));
  symlinkSync('nulle-part.txt', path.join(articles, 'casse.txt'));
  const fifo = spawnSync('mkfifo', [path.join(articles, 'tube.txt')]).status === 0;

  let result: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    result = await build(articles, out);
  });

  test('builds the rest and exits 0', () => {
    expect(result.code).toBe(0);
    const graph = loadGraph(out);
    const files = (graph.getAttribute('articles') as { file: string }[]).map((a) => a.file).sort();
    expect(files).toEqual(['bom.txt', 'bon.txt', 'cp1252.txt', 'crlf.txt', 'page.html', 'windows.txt']);
  });

  test.each([
    ['vide.txt', /empty file/],
    ['blanc.txt', /only whitespace/],
    ['binaire.txt', /binary \(NUL at byte 2\)/],
    ['notes.docx', /unknown extension "\.docx" \(read: .*\)/],
    ['sans-extension', /unknown extension "\(none\)" \(read: .*\)/],
    ['boucle-a.txt', /symlink loop \(ELOOP\)/],
    ['boucle-b.txt', /symlink loop \(ELOOP\)/],
    ['soi-meme', /symlink loop \(links back to a folder already read\)/],
    ['casse.txt', /broken symlink or vanished file \(ENOENT\)/],
  ])('names %s on stderr with the reason', (file, reason) => {
    expect(result.err).toMatch(skippedLine(articles, file, reason));
  });

  (fifo ? test : test.skip)('a pipe named like an article is skipped, not waited on', () => {
    expect(result.err).toMatch(skippedLine(articles, 'tube.txt', /not a regular file \(device, socket or pipe\)/));
  });

  test('the graph records the same skipped files and reasons', () => {
    const skipped = loadGraph(out).getAttribute('skipped') as { file: string; reason: string }[];
    expect(skipped.map((s) => s.file)).toEqual(expect.arrayContaining(['vide.txt', 'binaire.txt', 'boucle-a.txt', 'notes.docx']));
    for (const s of skipped) expect(result.err).toContain(`${path.join(articles, s.file)}: ${s.reason}; skipped`);
  });

  test('Windows-1252 and Latin-1 files are read correctly, with a note on stderr', () => {
    const latin1 = readArticle(path.join(articles, 'windows.txt'));
    expect(latin1.text).toContain('Le général a rencontré « ses » homologues à Séoul.');
    expect(latin1.notes.join(' ')).toMatch(/not valid UTF-8: decoded as windows-1252/);
    const cp1252 = readArticle(path.join(articles, 'cp1252.txt'));
    // 0x93/0x94/0x96 are curly quotes and an en dash in Windows-1252, C1 controls in Latin-1.
    expect(cp1252.text).toContain('La délégation “russe” – arrive.');
    expect(cp1252.text).not.toMatch(/[\u0080-\u009f\ufffd]/);
    expect(result.err).toMatch(new RegExp(`^newsgraph build-graph: ${escape(path.join(articles, 'cp1252.txt'))}: note: not valid UTF-8: decoded as windows-1252`, 'm'));
    expect(result.err).toMatch(new RegExp(`^newsgraph build-graph: ${escape(path.join(articles, 'windows.txt'))}: note: not valid UTF-8`, 'm'));
  });

  test('a UTF-8 byte-order mark is dropped, not read as text', () => {
    const article = readArticle(path.join(articles, 'bom.txt'));
    expect(article.text.startsWith('La Chine')).toBe(true);
    expect(article.sentences[0].text.startsWith('La Chine')).toBe(true);
    expect(article.notes).toContain('UTF-8 byte-order mark removed');
  });

  test('CRLF line ends leave no carriage return in text, sentences or quotes', () => {
    const article = readArticle(path.join(articles, 'crlf.txt'));
    expect(article.text).not.toContain('\r');
    expect(article.sentences.map((s) => s.text)).toEqual(['La Russie livre des obus.', 'La Corée du Nord envoie des troupes.']);
    const graph = loadGraph(out);
    graph.forEachEdge((_, attrs) => attrs.claims.forEach((claim) => expect(claim.quote).not.toContain('\r')));
  });

  test('only the article text of an HTML page is read: no script, style, navigation or footer', () => {
    const article = readArticle(path.join(articles, 'page.html'));
    expect(article.text).toContain('La Corée du Nord a envoyé des soldats en Russie, selon Séoul.');
    expect(article.text).not.toMatch(/marqueur|window\.|track\(|color:red|Accueil/);
    expect(article.title).toBe('Moscou et Pyongyang');
    expect(readFileSync(out, 'utf8')).not.toMatch(/marqueur/);
  });
});

describe('--strict', () => {
  test('any skipped file is exit 2 and the previous graph keeps its exact bytes', async () => {
    const dir = tmp('strict');
    const articles = path.join(dir, 'articles');
    mkdirSync(articles);
    writeFileSync(path.join(articles, 'bon.txt'), GOOD_TEXT);
    const out = path.join(dir, 'graph.json');
    expect((await build(articles, out)).code).toBe(0);
    const before = readFileSync(out);
    writeFileSync(path.join(articles, 'vide.txt'), '');
    writeFileSync(path.join(articles, 'autre.txt'), 'La Chine soutient la Russie.');
    const strict = await build(articles, out, '--strict');
    expect(strict.code).toBe(2);
    expect(strict.err).toMatch(skippedLine(articles, 'vide.txt', /empty file/));
    expect(strict.err).toMatch(/^newsgraph build-graph: --strict: 1 file\(s\) skipped; .* left as it was$/m);
    expect(readFileSync(out).equals(before)).toBe(true);
    // Without --strict the same folder builds.
    expect((await build(articles, out)).code).toBe(0);
    expect(readFileSync(out).equals(before)).toBe(false);
  });
});

describe('an unusable articles folder', () => {
  test.each([
    ['missing', (dir: string) => path.join(dir, 'absent'), /articles folder \S+absent does not exist/],
    ['a file, not a folder', (dir: string) => (writeFileSync(path.join(dir, 'f.txt'), GOOD_TEXT), path.join(dir, 'f.txt')), /articles folder \S+f\.txt is not a folder/],
    ['empty', (dir: string) => (mkdirSync(path.join(dir, 'vide')), path.join(dir, 'vide')), /articles folder \S+vide has no articles \(no files\)/],
    [
      'holding only skipped files',
      (dir: string) => (mkdirSync(path.join(dir, 'rien')), writeFileSync(path.join(dir, 'rien', 'a.txt'), ''), path.join(dir, 'rien')),
      /articles folder \S+rien has no articles \(1 skipped: a\.txt \(empty file\)\)/,
    ],
  ])('%s: exit 2, the folder named, the previous graph untouched', async (_name, make, message) => {
    const dir = tmp('folder');
    const articles = make(dir);
    const out = path.join(dir, 'graph.json');
    writeFileSync(out, 'previous graph');
    const run = await build(articles, out);
    expect(run.code).toBe(2);
    expect(run.err).toContain(articles);
    expect(run.err).toMatch(message);
    expect(run.err).not.toMatch(/\n\s+at /);
    expect(readFileSync(out, 'utf8')).toBe('previous graph');
  });

  test('loadCorpus refuses the same folders with an exit-2 CorpusFolderError', () => {
    const dir = tmp('load');
    for (const folder of [path.join(dir, 'absent'), (mkdirSync(path.join(dir, 'vide')), path.join(dir, 'vide'))]) {
      let error: unknown;
      try {
        loadCorpus(folder);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CorpusFolderError);
      expect((error as CorpusFolderError).exitCode).toBe(2);
      expect((error as Error).message).toContain(folder);
    }
  });
});

describe('an unreadable file (permission denied)', () => {
  // Root reads a chmod 000 file anyway: as root, the build runs as "nobody" in a child process.
  const asRoot = process.getuid?.() === 0;
  const nobody = 65534;

  test('is skipped with the reason, the rest builds', async () => {
    const dir = tmp('perm');
    const articles = path.join(dir, 'articles');
    mkdirSync(articles);
    writeFileSync(path.join(articles, 'bon.txt'), GOOD_TEXT);
    writeFileSync(path.join(articles, 'ferme.txt'), GOOD_TEXT);
    chmodSync(path.join(articles, 'ferme.txt'), 0o000);
    const out = path.join(dir, 'graph.json');
    let code: number | null;
    let err: string;
    if (asRoot) {
      chmodSync(dir, 0o777);
      const run = spawnSync(process.execPath, ['-r', 'ts-node/register', 'scripts/build-graph.ts', '--articles', articles, '--out', out, '--no-cache', '--quiet'], {
        cwd: ROOT,
        uid: nobody,
        gid: nobody,
        encoding: 'utf8',
        env: { ...process.env, HOME: dir },
      });
      code = run.status;
      err = run.stderr;
    } else {
      ({ code, err } = await build(articles, out));
    }
    expect(err).toMatch(skippedLine(articles, 'ferme.txt', /unreadable \(permission denied: EACCES\)/));
    expect(code).toBe(0);
    expect((loadGraph(out).getAttribute('articles') as { file: string }[]).map((a) => a.file)).toEqual(['bon.txt']);
  });
});

describe('a very large file', () => {
  /** Prints the child's peak resident memory on exit (process.resourceUsage().maxRSS is in KiB). */
  const PEAK_PRELOAD = "process.on('exit', () => process.stderr.write(`peak-rss-kib ${process.resourceUsage().maxRSS}\\n`));\n";
  const LARGE_BYTES = 60 * MIB;

  function runChild(articles: string, out: string, preload: string) {
    const run = spawnSync(process.execPath, ['-r', 'ts-node/register', '-r', preload, 'scripts/build-graph.ts', '--articles', articles, '--out', out, '--no-cache', '--quiet'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const peak = Number(/peak-rss-kib (\d+)/.exec(run.stderr)?.[1]) * 1024;
    return { code: run.status, err: run.stderr, peak };
  }

  test('over the limit: refused with the size and the limit, never loaded into memory', () => {
    expect(LARGE_BYTES).toBeGreaterThan(DEFAULT_MAX_BYTES);
    const dir = tmp('large');
    const preload = path.join(dir, 'peak.js');
    writeFileSync(preload, PEAK_PRELOAD);
    const small = path.join(dir, 'small');
    const large = path.join(dir, 'large');
    mkdirSync(small);
    mkdirSync(large);
    writeFileSync(path.join(small, 'bon.txt'), GOOD_TEXT);
    writeFileSync(path.join(large, 'bon.txt'), GOOD_TEXT);
    const paragraph = Buffer.from(GOOD_TEXT.repeat(64));
    const big = Buffer.alloc(LARGE_BYTES);
    for (let at = 0; at < LARGE_BYTES; at += paragraph.length) paragraph.copy(big, at);
    writeFileSync(path.join(large, 'enorme.txt'), big);

    const baseline = runChild(small, path.join(dir, 'small.json'), preload);
    const withLarge = runChild(large, path.join(dir, 'large.json'), preload);
    rmSync(path.join(large, 'enorme.txt'));

    expect(baseline.code).toBe(0);
    expect(withLarge.code).toBe(0);
    expect(withLarge.err).toMatch(skippedLine(large, 'enorme.txt', /too large \(60 MiB; limit 50 MiB\)/));
    expect(existsSync(path.join(dir, 'large.json'))).toBe(true);
    // Reading the file would cost at least its size again (bytes, then text); refusing it costs nothing.
    expect(Number.isFinite(withLarge.peak) && Number.isFinite(baseline.peak)).toBe(true);
    expect(withLarge.peak - baseline.peak).toBeLessThan(LARGE_BYTES / 2);
  });
});

describe('the whole pipeline never throws on any text', () => {
  const extractor = createExtractor();
  const noise = loadNoiseRules();

  /** Bytes → Article → extraction → graph; the Article may be refused, nothing else may fail. */
  function pipeline(file: string, bytes: Buffer): void {
    let article;
    try {
      article = readArticle(file, bytes, { noise });
    } catch (error) {
      expect(error).toBeInstanceOf(NotAnArticleError);
      return;
    }
    const extraction = extractor.extract(article);
    const graph = buildGraph([extraction], { extractorVersion: 'test', articles: [{ id: article.id, file: article.file, sentences: article.sentences.length, hash: article.hash }] });
    graph.forEachEdge((_, attrs) => {
      for (const claim of attrs.claims) expect(article.sentences[claim.sentence]?.text).toBe(claim.quote);
    });
  }

  const words = fc.constantFrom('La', 'Russie', 'Corée du Nord', 'a livré', '20 000', 'obus', 'à', 'Pyongyang', 'selon', 'Séoul', '«', '»', 'Kim Jong Un', 'Hwasong', '-', '.', ',', '\n', 'M.', '<b>', '&amp;');
  const texts = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 400 }),
    fc.string({ unit: 'grapheme', maxLength: 400 }),
    fc.array(words, { maxLength: 120 }).map((w) => w.join(' ')),
    fc.array(fc.oneof(fc.integer(), fc.double()), { maxLength: 60 }).map((n) => n.join(' ')),
  );

  test('random Unicode, French-like word salad and only numbers, as .txt, .md and .html', () => {
    fc.assert(
      fc.property(texts, fc.constantFrom('a.txt', 'a.md', 'a.html'), (text, file) => pipeline(file, Buffer.from(text, 'utf8'))),
      { numRuns: 300 },
    );
  });

  test('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => pipeline('a.txt', Buffer.from(bytes))),
      { numRuns: 200 },
    );
  });

  test('no sentence at all, one huge sentence, and a huge article', () => {
    pipeline('a.txt', Buffer.from('— … « » ¶ §'));
    pipeline('a.txt', Buffer.from(`La Russie et la Corée du Nord ${'et la Chine '.repeat(40_000)}ont signé un traité.`));
    pipeline('a.txt', Buffer.from(`${'La Russie a livré 20 000 obus à la Corée du Nord selon Séoul. '.repeat(5_000)}`));
    pipeline('a.txt', Buffer.from('1 2 3 4 5 6 7 8 9 10 1 000 000 3,14 -5 2024-06-19'));
  });
});
