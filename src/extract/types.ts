import type { Claim, EntityType, RelationType } from '../ontology';

/** An entity of the knowledge base (graph-data/knowledge/gazetteer.json) or discovered in text. */
export interface EntityRecord {
  /** Stable node key: for known entities the gazetteer id (north_korea style slug); for discovered ones a slug of the label. */
  id: string;
  label: string;
  type: EntityType;
  /** Other names: French, English, German, transliterations, acronyms. */
  aliases: string[];
  wikidata?: string;
  /** True when the entity came from the knowledge base, false when discovered in text. */
  known: boolean;
  [extra: string]: unknown;
}

/** A resolved mention of an entity in one sentence. Offsets point into the cleaned article text. */
export interface Mention {
  entityId: string;
  type: EntityType;
  sentence: number;
  start: number;
  end: number;
  /** The text as written (RPDC, nord-coréens, Moscou). */
  surface: string;
  /** How it was found: gazetteer name, demonym, capital-as-actor, title cue, shape, coreference … */
  via: string;
  /** Title or role phrase that introduced the entity ("ministre russe des Affaires étrangères", "l'agence"), when one did. */
  cue?: string;
  /** Offset of `cue` in the cleaned article text. */
  cueStart?: number;
}

/** A relation statement found in one sentence. */
export interface ExtractedRelation {
  subject: string;
  type: RelationType;
  object: string;
  claim: Claim;
  role?: string;
  items?: string[];
}

/** Everything extracted from one article. */
export interface ArticleExtraction {
  doc: string;
  /** Entities mentioned or related in this article (known and discovered). */
  entities: EntityRecord[];
  mentions: Mention[];
  relations: ExtractedRelation[];
}
