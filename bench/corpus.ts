/**
 * Corpus for scale
 * ================
 *
 * Generates, from a seed, as many articles as a measure needs by recombining
 * the sentences of the seed articles and the names of the knowledge base:
 * every sentence of a generated article is a real sentence of the seed
 * corpus whose known entity names (gazetteer labels and aliases) are swapped,
 * half of the time, for another name of the same type. The text stays
 * realistic French press prose, so mention finding, resolution and relation
 * extraction do their real work on it.
 *
 * Article `i` depends only on (seed, i): a corpus of 2n articles starts with
 * the corpus of n, and "one more article" is article n.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadCorpus } from '../src/corpus';
import { DEFAULT_KNOWLEDGE_DIR, loadGazetteer } from '../src/extract';
import { createBenchRng, seedBits } from './rng';

/** Seed articles recombined by default. */
export const DEFAULT_SEED_ARTICLES_DIR = path.resolve(__dirname, '..', 'graph-data', 'articles');
/** Sentences shorter than this are page debris (bylines, captions), not prose. */
const MIN_SENTENCE_CHARS = 40;
/** Longer sentences are run-on page text the seeds' cleaner left whole. */
const MAX_SENTENCE_CHARS = 600;
/** Names shorter than this match inside too many words to be swapped safely. */
const MIN_NAME_CHARS = 3;
/** Chance that a known name in a sentence is replaced by another of its type. */
const SWAP_PROBABILITY = 0.5;
/** Chance that a swapped-in entity is written with its (French) label rather than an alias. */
const LABEL_PROBABILITY = 0.7;
/** Paragraphs per article, and sentences per paragraph (inclusive ranges). */
const PARAGRAPHS = [3, 8] as const;
const SENTENCES_PER_PARAGRAPH = [2, 5] as const;
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** A sentence cut at its known names: text, then a name slot of some type, then text … */
type TemplatePart = string | { type: string; original: string };

/** What the generator recombines, read once. */
export interface CorpusMaterial {
  templates: TemplatePart[][];
  /** Entities of each type, as their names: the label (French) first, then the aliases. */
  namesByType: Map<string, string[][]>;
}

/** One generated article. */
export interface GeneratedArticle {
  /** File name, relative to the corpus folder. */
  file: string;
  content: string;
}

export interface MaterialOptions {
  /** Folder of seed articles. Default graph-data/articles. */
  seedArticlesDir?: string;
  /** Knowledge folder holding gazetteer.json. Default graph-data/knowledge. */
  knowledgeDir?: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Splits a sentence at every known name (longest match first, whole words only). */
function toTemplate(sentence: string, matcher: RegExp, typeOfName: Map<string, string>): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of sentence.matchAll(matcher)) {
    const name = match[0];
    if (match.index > last) parts.push(sentence.slice(last, match.index));
    parts.push({ type: typeOfName.get(name)!, original: name });
    last = match.index + name.length;
  }
  if (last < sentence.length) parts.push(sentence.slice(last));
  return parts;
}

/** Reads the seed sentences and the gazetteer names. Throws when the seeds give no usable sentence. */
export function loadCorpusMaterial(options: MaterialOptions = {}): CorpusMaterial {
  const gazetteer = loadGazetteer(options.knowledgeDir ?? DEFAULT_KNOWLEDGE_DIR);
  const namesByType = new Map<string, string[][]>();
  const typeOfName = new Map<string, string>();
  for (const entry of gazetteer.entities) {
    const names = [entry.label, ...entry.aliases].filter((name) => name.length >= MIN_NAME_CHARS && !typeOfName.has(name));
    if (names.length === 0) continue;
    for (const name of names) typeOfName.set(name, entry.type);
    const entities = namesByType.get(entry.type) ?? [];
    entities.push(names);
    namesByType.set(entry.type, entities);
  }
  const alternatives = [...typeOfName.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escapeRegExp);
  const matcher = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');

  const corpus = loadCorpus(options.seedArticlesDir ?? DEFAULT_SEED_ARTICLES_DIR);
  const templates: TemplatePart[][] = [];
  for (const article of corpus.articles) {
    for (const sentence of article.sentences) {
      if (sentence.text.length < MIN_SENTENCE_CHARS || sentence.text.length > MAX_SENTENCE_CHARS) continue;
      if (sentence.language && sentence.language !== 'fr') continue;
      templates.push(toTemplate(sentence.text, matcher, typeOfName));
    }
  }
  if (templates.length === 0) throw new Error(`bench corpus: no French sentence of ${MIN_SENTENCE_CHARS}–${MAX_SENTENCE_CHARS} characters in ${corpus.dir}`);
  return { templates, namesByType };
}

function between(rng: ReturnType<typeof createBenchRng>, [low, high]: readonly [number, number]): number {
  return low + rng.int(high - low + 1);
}

function fillTemplate(template: TemplatePart[], material: CorpusMaterial, rng: ReturnType<typeof createBenchRng>): string {
  let out = '';
  for (const part of template) {
    if (typeof part === 'string') out += part;
    else if (rng() >= SWAP_PROBABILITY) out += part.original;
    else {
      const names = rng.pick(material.namesByType.get(part.type)!);
      out += rng() < LABEL_PROBABILITY ? names[0] : rng.pick(names);
    }
  }
  return out;
}

/** Article `index` of the corpus of `seed`: a title, a date line and paragraphs of recombined sentences. */
export function generateArticle(material: CorpusMaterial, seed: number | string, index: number): GeneratedArticle {
  const rng = createBenchRng(`${seed}/${index}`);
  const sentence = () => fillTemplate(rng.pick(material.templates), material, rng);
  const lines = [sentence(), '', `Publié le ${1 + rng.int(28)} ${rng.pick(MONTHS)} ${2023 + rng.int(3)}`, ''];
  const paragraphs = between(rng, PARAGRAPHS);
  for (let p = 0; p < paragraphs; p++) {
    const count = between(rng, SENTENCES_PER_PARAGRAPH);
    lines.push(Array.from({ length: count }, sentence).join(' '), '');
  }
  const tag = (seedBits(`${seed}/${index}/file`) >>> 0).toString(16).padStart(8, '0');
  return { file: `${String(index).padStart(6, '0')}_${tag}.txt`, content: lines.join('\n') };
}

/** Articles [from, to) of the corpus of `seed`. */
export function generateArticles(material: CorpusMaterial, seed: number | string, to: number, from = 0): GeneratedArticle[] {
  const out: GeneratedArticle[] = [];
  for (let i = from; i < to; i++) out.push(generateArticle(material, seed, i));
  return out;
}

/** Writes articles into `dir` (created when missing); returns the bytes written. */
export function writeArticles(dir: string, articles: readonly GeneratedArticle[]): number {
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (const article of articles) {
    const data = Buffer.from(article.content, 'utf8');
    writeFileSync(path.join(dir, article.file), data);
    bytes += data.length;
  }
  return bytes;
}
