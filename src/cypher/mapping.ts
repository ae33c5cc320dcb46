/**
 * The graph → property-graph mapping shared by every Cypher target (the
 * embedded engine, a Neo4j server over Bolt, the neo4j-admin CSV files and the
 * cypher-shell script), so they all hold the same nodes, relationships and
 * properties. queries/README.md documents it for analysts.
 *
 * Neo4j properties cannot hold maps, nor lists with nulls or mixed types, so
 * a relation's claims become parallel lists (index i of every list is claim i)
 * and a missing claim field becomes a sentinel: '' for text, -1 for a quantity.
 */
import type { NewsGraph } from '../graph';
import type { Claim, EntityType, RelationAttributes, RelationType } from '../ontology';
import { ENTITY_TYPES, RELATION_TYPES } from '../ontology';

/** A value Neo4j can store as a property: a scalar or a homogeneous list of scalars. */
export type PropertyValue = string | number | boolean | string[] | number[] | boolean[];

/** Property maps as sent to the loader statements. */
export type Properties = Record<string, PropertyValue>;

/** Label every entity node carries besides its type. */
export const ENTITY_LABEL = 'Entity';
/** Label of the article nodes. */
export const ARTICLE_LABEL = 'Article';
/** Relationship from an entity to each article that names it. */
export const MENTIONED_IN = 'MENTIONED_IN';

/** Stands for a claim field the text does not give, in a text list (units, dates, sources). */
export const MISSING_TEXT = '';
/** Stands for a claim without a quantity in `quantities` (real quantities are counts, never negative). */
export const MISSING_QUANTITY = -1;

/** Node attributes that are display state (viewer layout), not facts: never exported. */
const DISPLAY_ATTRIBUTES: ReadonlySet<string> = new Set(['x', 'y', 'size', 'color', 'hidden', 'zIndex', 'forceLabel', 'highlighted', 'image']);
/** Node attributes that the mapping writes itself or turns into relationships. */
const RESERVED_NODE_ATTRIBUTES: ReadonlySet<string> = new Set(['id', 'label', 'type', 'aliases', 'wikidata', 'mentions', 'mentionCount']);
/** Edge attributes that the mapping writes itself. */
const RESERVED_EDGE_ATTRIBUTES: ReadonlySet<string> = new Set([
  'key',
  'type',
  'claims',
  'claimCount',
  'docs',
  'sentences',
  'quotes',
  'quantities',
  'units',
  'dates',
  'sources',
  'statuses',
  'role',
  'items',
]);
/** A property name every target accepts unquoted, including the neo4j-admin CSV header. */
const PROPERTY_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** One entity node: `(:Entity:<type> {…props})`. */
export interface EntityRow {
  id: string;
  /** Every property, `id` included (the loader replaces the whole map, so re-exports converge). */
  props: Properties;
}

/** One article node: `(:Article {…props})`. */
export interface ArticleRow {
  id: string;
  props: Properties;
}

/** `(:Entity {id: entity})-[:MENTIONED_IN {count}]->(:Article {id: article})`. */
export interface MentionRow {
  entity: string;
  article: string;
  /** How many times the article names the entity. */
  count: number;
}

/** One relation: `(:Entity {id: source})-[:<type> {key, …props}]->(:Entity {id: target})`. */
export interface RelationRow {
  /** The graph's edge key (`subject|TYPE|object`), unique per relationship: what MERGE matches on. */
  key: string;
  source: string;
  target: string;
  /** Every property, `key` included. */
  props: Properties;
}

/** The whole graph as rows, grouped the way the loader statements need them (labels and types cannot be parameters). */
export interface GraphRows {
  /** Entity rows per entity type; only types that occur. */
  entities: Map<EntityType, EntityRow[]>;
  articles: ArticleRow[];
  mentions: MentionRow[];
  /** Relation rows per relation type; only types that occur. */
  relations: Map<RelationType, RelationRow[]>;
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/**
 * Returns the value when Neo4j can store it as a property (a scalar or a
 * non-mixed list of scalars), else undefined. Empty lists are kept.
 */
export function toPropertyValue(value: unknown): PropertyValue | undefined {
  if (isScalar(value)) return value;
  if (!Array.isArray(value) || !value.every(isScalar)) return undefined;
  const kinds = new Set(value.map((item) => typeof item));
  return kinds.size <= 1 ? (value as PropertyValue) : undefined;
}

/** Extra attributes (centrality scores, community …) that can be stored, sorted by name for stable output. */
function extraProperties(attributes: Record<string, unknown>, reserved: ReadonlySet<string>): Properties | undefined {
  let props: Properties | undefined;
  // Most graphs carry no extra attribute: the names are only sorted once one is found.
  const names = Object.keys(attributes);
  if (names.every((name) => reserved.has(name))) return undefined;
  for (const name of names.sort()) {
    if (reserved.has(name) || DISPLAY_ATTRIBUTES.has(name) || !PROPERTY_NAME.test(name)) continue;
    const value = toPropertyValue(attributes[name]);
    if (value !== undefined) (props ??= {})[name] = value;
  }
  return props;
}

/** The claims of a relation as parallel lists with the sentinels above. */
export function claimLists(claims: readonly Claim[]): Properties {
  return claimProperties({}, claims);
}

/** Adds claimLists' properties to `props` (one pass over the claims: a large graph has one row per relation). */
function claimProperties(props: Properties, claims: readonly Claim[]): Properties {
  const n = claims.length;
  const docs = new Array<string>(n);
  const sentences = new Array<number>(n);
  const quotes = new Array<string>(n);
  const quantities = new Array<number>(n);
  const units = new Array<string>(n);
  const dates = new Array<string>(n);
  const sources = new Array<string>(n);
  const statuses = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const c = claims[i];
    docs[i] = c.doc;
    sentences[i] = c.sentence;
    quotes[i] = c.quote;
    quantities[i] = c.quantity ?? MISSING_QUANTITY;
    units[i] = c.unit ?? MISSING_TEXT;
    dates[i] = c.date ?? MISSING_TEXT;
    sources[i] = c.attributedTo ?? MISSING_TEXT;
    statuses[i] = c.status;
  }
  props.claimCount = n;
  props.docs = docs;
  props.sentences = sentences;
  props.quotes = quotes;
  props.quantities = quantities;
  props.units = units;
  props.dates = dates;
  props.sources = sources;
  props.statuses = statuses;
  return props;
}

function entityRows(graph: NewsGraph): Map<EntityType, EntityRow[]> {
  const byType = new Map<EntityType, EntityRow[]>();
  graph.forEachNode((id, attrs) => {
    const props: Properties = { id, label: attrs.label, type: attrs.type, aliases: [...attrs.aliases] };
    if (attrs.wikidata) props.wikidata = attrs.wikidata;
    props.mentionCount = attrs.mentions.length;
    const extra = extraProperties(attrs, RESERVED_NODE_ATTRIBUTES);
    if (extra) Object.assign(props, extra);
    const rows = byType.get(attrs.type) ?? [];
    rows.push({ id, props });
    byType.set(attrs.type, rows);
  });
  return new Map(ENTITY_TYPES.filter((t) => byType.has(t)).map((t) => [t, byType.get(t)!]));
}

/**
 * One row per article of the graph's `articles` attribute, plus a bare row
 * for any doc a mention or claim cites that the list lacks, so no
 * MENTIONED_IN or `docs` entry points at nothing.
 */
function articleRows(graph: NewsGraph): ArticleRow[] {
  const rows = new Map<string, ArticleRow>();
  for (const article of graph.getAttribute('articles') ?? []) {
    const props: Properties = { id: article.id };
    if (article.title) props.title = article.title;
    if (article.date) props.date = article.date;
    if (article.url) props.url = article.url;
    if (article.file) props.file = article.file;
    if (typeof article.sentences === 'number') props.sentenceCount = article.sentences;
    rows.set(article.id, { id: article.id, props });
  }
  const cite = (doc: string) => {
    if (!rows.has(doc)) rows.set(doc, { id: doc, props: { id: doc } });
  };
  graph.forEachNode((_, attrs) => attrs.mentions.forEach((m) => cite(m.doc)));
  graph.forEachEdge((_, attrs) => attrs.claims.forEach((c) => cite(c.doc)));
  return [...rows.values()];
}

function mentionRows(graph: NewsGraph): MentionRow[] {
  const rows: MentionRow[] = [];
  graph.forEachNode((entity, attrs) => {
    const counts = new Map<string, number>();
    for (const mention of attrs.mentions) counts.set(mention.doc, (counts.get(mention.doc) ?? 0) + 1);
    for (const [article, count] of counts) rows.push({ entity, article, count });
  });
  return rows;
}

/** A relation before its properties are mapped: what relationProperties maps. */
export interface UnmappedRelationRow {
  key: string;
  source: string;
  target: string;
  attributes: RelationAttributes;
}

/** The relations grouped as graphToRows groups them (relation type order, then graph order), their properties not yet mapped. */
function unmappedRelationRows(graph: NewsGraph): Map<RelationType, UnmappedRelationRow[]> {
  const byType = new Map<RelationType, UnmappedRelationRow[]>();
  // Undirected edges (MET_WITH, ALLIED_WITH) keep graphology's stored source → target: one relationship each.
  graph.forEachEdge((key, attributes, source, target) => {
    const rows = byType.get(attributes.type) ?? [];
    rows.push({ key, source, target, attributes });
    byType.set(attributes.type, rows);
  });
  return new Map(RELATION_TYPES.filter((t) => byType.has(t)).map((t) => [t, byType.get(t)!]));
}

/** Every property of a relation, `key` included. */
export function relationProperties(row: UnmappedRelationRow): Properties {
  const { key, attributes } = row;
  const props = claimProperties({ key }, attributes.claims);
  if (attributes.role) props.role = attributes.role;
  if (attributes.items) props.items = [...attributes.items];
  const extra = extraProperties(attributes, RESERVED_EDGE_ATTRIBUTES);
  if (extra) Object.assign(props, extra);
  return props;
}

/** graphToRows with each relation's properties left to map (relationProperties) as it is loaded. */
export interface UnmappedGraphRows extends Omit<GraphRows, 'relations'> {
  relations: Map<RelationType, UnmappedRelationRow[]>;
}

/**
 * The rows of graphToRows, but the relations' properties are mapped by the
 * loader one relation at a time (relationProperties): mapped all at once,
 * the claim lists of 50 000 relations outlived several young-generation
 * collections, which copied them each time (~150 ms of a 1.6 s load).
 */
export function graphToUnmappedRows(graph: NewsGraph): UnmappedGraphRows {
  return { entities: entityRows(graph), articles: articleRows(graph), mentions: mentionRows(graph), relations: unmappedRelationRows(graph) };
}

/** Maps a newsgraph graph to property-graph rows. Returns empty groups for an empty graph. */
export function graphToRows(graph: NewsGraph): GraphRows {
  const rows = graphToUnmappedRows(graph);
  const relations = new Map<RelationType, RelationRow[]>();
  for (const [type, unmapped] of rows.relations) relations.set(type, unmapped.map((row) => ({ key: row.key, source: row.source, target: row.target, props: relationProperties(row) })));
  return { ...rows, relations };
}
