/**
 * Extract stage: mentions → resolution → relations → claims, for one article at a time.
 * Public entry: createExtractor(). Everything else in this folder is private to the stage.
 */
import type { Article } from '../corpus';
import { DEFAULT_KNOWLEDGE_DIR } from './knowledge';
import { loadKnowledgeBase } from './kb';
import { findMentions, knownRecord } from './mentions';
import { findRelations } from './relations';
import type { ArticleExtraction, EntityRecord, ExtractedRelation } from './types';
import type { GazetteerEntry } from './knowledge';

export type { ArticleExtraction, EntityRecord, ExtractedRelation, Mention } from './types';
export { DEFAULT_KNOWLEDGE_DIR, KnowledgeFileError, loadGazetteer } from './knowledge';
export type { Gazetteer, GazetteerEntry } from './knowledge';

/**
 * Version of the extraction method. Bump it whenever the code or the knowledge
 * files change what is extracted: cached extractions of another version are redone.
 */
export const EXTRACTOR_VERSION = '0.2.4';

export interface ExtractorOptions {
  /** Folder holding gazetteer.json and the lexicon files. Default graph-data/knowledge. */
  knowledgeDir?: string;
}

export interface Extractor {
  /** EXTRACTOR_VERSION plus a hash of the knowledge files, for cache keys. */
  readonly version: string;
  /** Never throws on any text: an article with nothing recognisable yields empty lists. */
  extract(article: Article): ArticleExtraction;
}

/**
 * Some relation ends come from the knowledge base, not the sentence (the body a
 * title is held at, an agency's country): they join the article's entities so
 * the graph keeps the relation. Returns `entities` itself when nothing is missing.
 */
function withRelationEnds(entities: EntityRecord[], relations: readonly ExtractedRelation[], gazetteer: ReadonlyMap<string, GazetteerEntry>): EntityRecord[] {
  const present = new Set(entities.map((e) => e.id));
  const added: EntityRecord[] = [];
  for (const relation of relations) {
    for (const id of [relation.subject, relation.object]) {
      const entry = present.has(id) ? undefined : gazetteer.get(id);
      if (!entry) continue;
      present.add(id);
      added.push(knownRecord(entry));
    }
  }
  return added.length ? [...entities, ...added] : entities;
}

export function createExtractor(options: ExtractorOptions = {}): Extractor {
  const kb = loadKnowledgeBase(options.knowledgeDir ?? DEFAULT_KNOWLEDGE_DIR);
  const gazetteer = new Map(kb.gazetteer.entities.map((entry) => [entry.id, entry]));
  return {
    version: `${EXTRACTOR_VERSION}+${kb.hash.slice(0, 12)}`,
    extract(article: Article): ArticleExtraction {
      const { entities, mentions } = findMentions(article, kb);
      const relations = findRelations(article, mentions, entities, kb);
      return { doc: article.id, entities: withRelationEnds(entities, relations, gazetteer), mentions, relations };
    },
  };
}
