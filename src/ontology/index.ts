/**
 * newsgraph ontology: the entity types, relation types and claim fields that
 * every stage speaks (see ../shared/ONTOLOGY.md, which is binding: extend,
 * never rename or drop).
 */

export const ENTITY_TYPES = ['Country', 'Person', 'Organization', 'Treaty', 'WeaponSystem', 'Place'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const RELATION_TYPES = [
  'LEADS',
  'OFFICIAL_OF',
  'MET_WITH',
  'VISITED',
  'SIGNED',
  'RATIFIED',
  'ALLIED_WITH',
  'DEPLOYED_TROOPS_TO',
  'SUPPLIED_ARMS_TO',
  'SUPPLIED',
  'TRANSFERRED_TECHNOLOGY_TO',
  'DEVELOPS',
  'SUPPORTS',
  'WARNED',
  'ATTACKED',
  'LOCATED_IN',
  'MEMBER_OF',
  'PART_OF',
  'SUFFERED_LOSSES_IN',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** Relations stored as undirected edges: A—B is the same statement as B—A. */
export const SYMMETRIC_RELATIONS: ReadonlySet<RelationType> = new Set<RelationType>(['MET_WITH', 'ALLIED_WITH']);

/**
 * Allowed subject and object types per relation (ONTOLOGY.md, "Relation types").
 * The extractor drops any relation whose ends do not fit.
 */
export const RELATION_SIGNATURES: Readonly<Record<RelationType, { subject: readonly EntityType[]; object: readonly EntityType[] }>> = {
  LEADS: { subject: ['Person'], object: ['Country', 'Organization'] },
  OFFICIAL_OF: { subject: ['Person'], object: ['Country', 'Organization'] },
  MET_WITH: { subject: ['Person'], object: ['Person'] },
  VISITED: { subject: ['Person'], object: ['Place', 'Country'] },
  SIGNED: { subject: ['Person', 'Country'], object: ['Treaty'] },
  RATIFIED: { subject: ['Country', 'Organization'], object: ['Treaty'] },
  ALLIED_WITH: { subject: ['Country'], object: ['Country'] },
  DEPLOYED_TROOPS_TO: { subject: ['Country'], object: ['Country', 'Place'] },
  SUPPLIED_ARMS_TO: { subject: ['Country'], object: ['Country'] },
  SUPPLIED: { subject: ['Country'], object: ['WeaponSystem'] },
  TRANSFERRED_TECHNOLOGY_TO: { subject: ['Country'], object: ['Country'] },
  DEVELOPS: { subject: ['Country'], object: ['WeaponSystem'] },
  SUPPORTS: { subject: ['Country', 'Person'], object: ['Country'] },
  WARNED: { subject: ['Country', 'Person'], object: ['Country', 'Person', 'Organization'] },
  ATTACKED: { subject: ['Country'], object: ['Country', 'Place'] },
  LOCATED_IN: { subject: ['Place'], object: ['Country', 'Place'] },
  MEMBER_OF: { subject: ['Country', 'Person'], object: ['Organization'] },
  PART_OF: { subject: ['Organization'], object: ['Country', 'Organization'] },
  SUFFERED_LOSSES_IN: { subject: ['Country'], object: ['Place', 'Country'] },
};

export const CLAIM_STATUSES = ['asserted', 'reported', 'planned', 'denied'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** One statement of a relation in one sentence of one article. */
export interface Claim {
  /** Article id: its file name without extension. */
  doc: string;
  /** Index of the sentence in the article, from 0. */
  sentence: number;
  /** The sentence text exactly as in the cleaned article. */
  quote: string;
  /** A number the claim states (11000, 5000000). */
  quantity?: number;
  /** What the quantity counts (soldats, conteneurs, obus, tués …). */
  unit?: string;
  /** ISO-8601, as precise as the text (2024-06, 2025-11-06). */
  date?: string;
  /** Who says so, when the text names a source (NIS, HUR, Zelensky). */
  attributedTo?: string;
  status: ClaimStatus;
}

/** A place where an entity is named: character offsets into the cleaned article text. */
export interface MentionRef {
  doc: string;
  sentence: number;
  start: number;
  end: number;
}

/** Node attributes of graph.json (at least these). */
export interface EntityAttributes {
  /** Canonical French name (Corée du Nord). */
  label: string;
  type: EntityType;
  /** Every other surface form met or known. */
  aliases: string[];
  /** Wikidata id where certain (Q423). */
  wikidata?: string;
  mentions: MentionRef[];
  [extra: string]: unknown;
}

/** Edge attributes of graph.json (at least these). */
export interface RelationAttributes {
  type: RelationType;
  /** Never empty. */
  claims: Claim[];
  /** On OFFICIAL_OF: the post held (ministre des Affaires étrangères). */
  role?: string;
  /** On SUPPLIED_ARMS_TO: labels of the weapons the text names. */
  items?: string[];
  [extra: string]: unknown;
}

/** Article node metadata carried in the graph's attributes. */
export interface ArticleMeta {
  id: string;
  title?: string;
  /** ISO date of publication when the text gives it. */
  date?: string;
  /** Source address when the text gives it. */
  url?: string;
  /** Path of the file the article was read from, relative to the articles folder. */
  file: string;
  sentences: number;
  /** SHA-256 of the file's bytes. */
  hash: string;
}

/** Graph-level attributes of graph.json. */
export interface GraphAttributes {
  name: 'newsgraph';
  /** Extractor version that produced the graph. */
  extractorVersion: string;
  /** ISO timestamp of the build. */
  builtAt: string;
  articles: ArticleMeta[];
  /** Files of the articles folder that were not read, and why. */
  skipped?: { file: string; reason: string }[];
  [extra: string]: unknown;
}

export function isEntityType(value: unknown): value is EntityType {
  return typeof value === 'string' && (ENTITY_TYPES as readonly string[]).includes(value);
}

export function isRelationType(value: unknown): value is RelationType {
  return typeof value === 'string' && (RELATION_TYPES as readonly string[]).includes(value);
}
