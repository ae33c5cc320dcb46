/** Contract: the seed corpus of graph-data/articles loads whole, with no page noise left in any sentence. */
import path from 'node:path';
import { loadCorpus, loadNoiseRules } from '../../src/corpus';

const ARTICLES_DIR = path.resolve(__dirname, '../../graph-data/articles');
const corpus = loadCorpus(ARTICLES_DIR);
const sentences = corpus.articles.flatMap((a) => a.sentences.map((s) => ({ article: a, sentence: s })));

describe('seed corpus', () => {
  it('loads the five articles and skips none', () => {
    expect(corpus.articles).toHaveLength(5);
    expect(corpus.skipped).toEqual([]);
  });

  it('gives every article a title, a hash and sentences whose offsets hold', () => {
    for (const article of corpus.articles) {
      expect(article.title).toBeTruthy();
      expect(article.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(article.sentences.length).toBeGreaterThan(10);
      for (const s of article.sentences) {
        expect(s.text.length).toBeGreaterThan(0);
        expect(article.text.slice(s.start, s.end)).toBe(s.text);
      }
    }
  });

  it('leaves no line that a noise rule matches, and no tooltip markup', () => {
    const rules = loadNoiseRules();
    const noisy = corpus.articles
      .flatMap((article) => article.text.split('\n'))
      .filter((line) => line && rules.lines.some((pattern) => pattern.test(line)));
    expect(noisy).toEqual([]);
    for (const { sentence } of sentences) {
      expect(sentence.text).not.toMatch(/plugin-autotooltip|WikikPedia/);
      expect(['Outils du site', 'Outils pour utilisateurs', 'Utilisateur non connecté', 'Leave a Comment', 'You may also like']).not.toContain(sentence.text);
      expect(sentence.text).not.toMatch(/^https?:\/\//);
    }
  });

  it('never repeats a line inside an article (titles shown several times are kept once)', () => {
    for (const article of corpus.articles) {
      const lines = article.text.split('\n').filter(Boolean);
      expect(new Set(lines).size).toBe(lines.length);
    }
  });

  it('tags most sentences French and some German ones German', () => {
    const languages = sentences.map(({ sentence }) => sentence.language);
    expect(languages.filter((l) => l === 'fr').length / languages.length).toBeGreaterThan(0.9);
    expect(languages).toContain('de');
  });
});
