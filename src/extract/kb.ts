import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Gazetteer } from './knowledge';
import { KnowledgeFileError, loadGazetteer } from './knowledge';

/**
 * Everything the extractor knows before reading an article: the gazetteer and
 * the lexicon files of graph-data/knowledge/ (triggers, title cues, units …).
 * Each consumer validates its own lexicon file with its own schema.
 */
export interface KnowledgeBase {
  dir: string;
  gazetteer: Gazetteer;
  /** Parsed JSON of every other *.json file of the folder, by base name (triggers.json → "triggers"). */
  lexicons: Readonly<Record<string, unknown>>;
  /** SHA-256 over the names and bytes of every knowledge file: part of the extractor version. */
  hash: string;
}

export function loadKnowledgeBase(dir: string): KnowledgeBase {
  const gazetteer = loadGazetteer(dir);
  const hash = createHash('sha256');
  const lexicons: Record<string, unknown> = {};
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  for (const file of files) {
    const bytes = readFileSync(path.join(dir, file));
    hash.update(file).update(bytes);
    if (file === 'gazetteer.json') continue;
    try {
      lexicons[file.replace(/\.json$/, '')] = JSON.parse(bytes.toString('utf8'));
    } catch (error) {
      throw new KnowledgeFileError(`newsgraph knowledge: ${path.join(dir, file)}: not valid JSON (${(error as Error).message})`);
    }
  }
  return { dir, gazetteer, lexicons, hash: hash.digest('hex') };
}
