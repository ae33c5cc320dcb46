/** Contract: loadCorpus reads every article of a folder in path order, skips every file that is not one with a reason naming the problem, and refuses a missing folder or a folder without articles. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadCorpus } from '../../src/corpus';
import { makeFolder, PARAGRAPH, removeFolder } from './helpers';

const folders: string[] = [];
const folder = (files: Record<string, string | Buffer> = {}) => {
  const dir = makeFolder(files);
  folders.push(dir);
  return dir;
};
afterAll(() => folders.forEach(removeFolder));

const ARTICLE = `Un titre de test\n${PARAGRAPH}\n`;
const reasonOf = (corpus: ReturnType<typeof loadCorpus>, file: string) => corpus.skipped.find((s) => s.file === file)?.reason;

describe('loadCorpus: reading', () => {
  it('reads .txt, .md, .html and .htm recursively, sorted by path, id = file name without extension', () => {
    const dir = folder({
      'b.txt': ARTICLE,
      'a.md': `# Titre Markdown\n\n${PARAGRAPH}`,
      'sous/c.html': `<html><body><p>${PARAGRAPH}</p></body></html>`,
      'sous/d.htm': `<html><body><p>${PARAGRAPH}</p></body></html>`,
    });
    const corpus = loadCorpus(dir);
    expect(corpus.dir).toBe(path.resolve(dir));
    expect(corpus.articles.map((a) => a.file)).toEqual(['a.md', 'b.txt', 'sous/c.html', 'sous/d.htm']);
    expect(corpus.articles.map((a) => a.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(corpus.skipped).toEqual([]);
  });

  it('reports progress after each file', () => {
    const dir = folder({ 'a.txt': ARTICLE, 'b.txt': ARTICLE.replace('titre', 'autre titre'), 'c.pdf': 'x' });
    const calls: [number, number, string][] = [];
    loadCorpus(dir, { onProgress: (done, total, file) => calls.push([done, total, file]) });
    expect(calls).toEqual([
      [1, 3, 'a.txt'],
      [2, 3, 'b.txt'],
      [3, 3, 'c.pdf'],
    ]);
  });

  it('ignores hidden files and folders', () => {
    const dir = folder({ 'a.txt': ARTICLE, '.DS_Store': Buffer.from([0, 1, 2]), '.git/config': 'x' });
    const corpus = loadCorpus(dir);
    expect(corpus.articles).toHaveLength(1);
    expect(corpus.skipped).toEqual([]);
  });
});

describe('loadCorpus: skipped files and why', () => {
  it('skips empty and whitespace-only files', () => {
    const dir = folder({ 'ok.txt': ARTICLE, 'vide.txt': '', 'blanc.txt': ' \n\t\r\n  ' });
    const corpus = loadCorpus(dir);
    expect(reasonOf(corpus, 'vide.txt')).toBe('empty file');
    expect(reasonOf(corpus, 'blanc.txt')).toBe('only whitespace');
    expect(corpus.articles.map((a) => a.id)).toEqual(['ok']);
  });

  it('skips a binary file, naming the byte of the first NUL', () => {
    const dir = folder({ 'ok.txt': ARTICLE, 'image.txt': Buffer.concat([Buffer.from('GIF89a'), Buffer.from([0, 0, 1])]) });
    expect(reasonOf(loadCorpus(dir), 'image.txt')).toBe('binary (NUL at byte 6)');
  });

  it('skips unknown extensions, naming the extension', () => {
    const dir = folder({ 'ok.txt': ARTICLE, 'rapport.pdf': 'x', 'LISEZMOI': 'x' });
    const corpus = loadCorpus(dir);
    expect(reasonOf(corpus, 'rapport.pdf')).toMatch(/^unknown extension "\.pdf"/);
    expect(reasonOf(corpus, 'LISEZMOI')).toMatch(/^unknown extension "\(none\)"/);
  });

  it('skips a file over the size limit, naming the limit, without failing the rest', () => {
    const dir = folder({ 'petit.txt': ARTICLE, 'gros.txt': ARTICLE.repeat(50) });
    const corpus = loadCorpus(dir, { maxBytes: 2048 });
    expect(reasonOf(corpus, 'gros.txt')).toMatch(/^too large \(.+; limit 2\.0 KiB\)$/);
    expect(corpus.articles.map((a) => a.id)).toEqual(['petit']);
  });

  it('skips a second file with the same id', () => {
    const dir = folder({ 'a.txt': ARTICLE, 'a.html': `<p>${PARAGRAPH}</p>` });
    const corpus = loadCorpus(dir);
    expect(corpus.articles.map((a) => a.file)).toEqual(['a.html']);
    expect(reasonOf(corpus, 'a.txt')).toBe('duplicate id "a" (already read from a.html)');
  });

  it('skips a file with nothing but page noise', () => {
    const dir = folder({ 'ok.txt': ARTICLE, 'menu.txt': 'Outils du site\nLeave a comment\nhttps://exemple.org\n' });
    expect(reasonOf(loadCorpus(dir), 'menu.txt')).toMatch(/^no article text/);
  });

  it('skips a symlink loop, a folder link that loops back and a broken link', () => {
    const dir = folder({ 'ok.txt': ARTICLE, 'sous/b.txt': ARTICLE.replace('titre', 'autre') });
    fs.symlinkSync('boucle.txt', path.join(dir, 'boucle.txt'));
    fs.symlinkSync('..', path.join(dir, 'sous', 'parent'));
    fs.symlinkSync('absent.txt', path.join(dir, 'casse.txt'));
    const corpus = loadCorpus(dir);
    expect(reasonOf(corpus, 'boucle.txt')).toMatch(/symlink loop/);
    expect(reasonOf(corpus, 'sous/parent')).toMatch(/symlink loop/);
    expect(reasonOf(corpus, 'casse.txt')).toMatch(/broken symlink/);
    expect(corpus.articles.map((a) => a.file)).toEqual(['ok.txt', 'sous/b.txt']);
  });

  it('reads a file through a symlink that works', () => {
    const dir = folder({ 'vrai.txt': ARTICLE });
    fs.mkdirSync(path.join(dir, 'liens'));
    fs.symlinkSync('../vrai.txt', path.join(dir, 'liens', 'alias.txt'));
    expect(loadCorpus(dir).articles.map((a) => a.file)).toEqual(['liens/alias.txt', 'vrai.txt']);
  });

  it('skips a file it has no permission to read', () => {
    const dir = folder({ 'ok.txt': ARTICLE, 'secret.txt': ARTICLE });
    fs.chmodSync(path.join(dir, 'secret.txt'), 0o000);
    fs.chmodSync(dir, 0o755);
    let skipped: { file: string; reason: string }[];
    if (process.getuid?.() !== 0) {
      skipped = loadCorpus(dir).skipped;
    } else {
      // Root reads any file whatever its mode, so the same load runs in a child process as the unprivileged user "nobody".
      const script = `const { loadCorpus } = require('./src/corpus'); process.stdout.write(JSON.stringify(loadCorpus(${JSON.stringify(dir)}, { detectLanguage: false }).skipped));`;
      const child = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
        cwd: path.resolve(__dirname, '../..'),
        uid: 65534,
        gid: 65534,
        encoding: 'utf8',
        timeout: 30000,
      });
      if (child.status !== 0) {
        // The project itself is not readable by "nobody" on this machine: the case cannot be staged, say so rather than pass silently.
        console.warn(`permission test not run: child as nobody failed (${child.stderr.split('\n')[0]})`);
        return;
      }
      skipped = JSON.parse(child.stdout);
    }
    expect(skipped).toEqual([{ file: 'secret.txt', reason: 'unreadable (permission denied: EACCES)' }]);
  });
});

describe('loadCorpus: folder errors', () => {
  it('throws naming a missing folder', () => {
    expect(() => loadCorpus('/nulle/part/articles')).toThrow('newsgraph build-graph: articles folder /nulle/part/articles does not exist');
  });

  it('throws naming a folder without articles, with what was skipped', () => {
    const empty = folder();
    expect(() => loadCorpus(empty)).toThrow(`newsgraph build-graph: articles folder ${empty} has no articles (no files)`);
    const junk = folder({ 'vide.txt': '', 'x.pdf': 'x' });
    expect(() => loadCorpus(junk)).toThrow(/has no articles \(2 skipped: vide\.txt \(empty file\); x\.pdf \(unknown extension/);
  });

  it('throws when the path is a file', () => {
    const dir = folder({ 'a.txt': ARTICLE });
    expect(() => loadCorpus(path.join(dir, 'a.txt'))).toThrow(/is not a folder/);
  });

  it('refuses a limit that is not a positive number', () => {
    const dir = folder({ 'a.txt': ARTICLE });
    expect(() => loadCorpus(dir, { maxBytes: 0 })).toThrow(/maxBytes must be a positive number/);
  });
});
