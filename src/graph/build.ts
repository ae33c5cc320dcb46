import Graph from 'graphology';
import type { ArticleMeta, Claim, EntityAttributes, GraphAttributes, RelationAttributes, RelationType } from '../ontology';
import { SYMMETRIC_RELATIONS } from '../ontology';
import type { ArticleExtraction, EntityRecord } from '../extract';

/** The graph newsgraph builds: a mixed multigraph (several relation types may join two entities) keyed by entity id and (subject, type, object). */
export type NewsGraph = Graph<EntityAttributes, RelationAttributes, GraphAttributes>;

export interface BuildGraphOptions {
  extractorVersion: string;
  articles: ArticleMeta[];
  /** ISO timestamp stored as `builtAt`. Default: now. */
  builtAt?: string;
}

/** Key of the one edge that carries every claim of (subject, type, object); symmetric relations sort their ends. */
export function relationKey(subject: string, type: string, object: string): string {
  const [a, b] = SYMMETRIC_RELATIONS.has(type as never) && object < subject ? [object, subject] : [subject, object];
  return `${a}|${type}|${b}`;
}

/** What makes two claims of one edge the same claim (kept once). */
export function claimKey(claim: Claim): string {
  return [claim.doc, claim.sentence, claim.quantity ?? '', claim.unit ?? '', claim.date ?? '', claim.status, claim.attributedTo ?? ''].join('\u0001');
}

/** Appends the values not yet in `into` (nor equal to `exclude`), in order. */
export function mergeUnique(into: string[], values: Iterable<string>, exclude?: string): void {
  const seen = new Set(into);
  for (const value of values) {
    if (value === exclude || seen.has(value)) continue;
    seen.add(value);
    into.push(value);
  }
}

/** Attributes of an entity's node from the first record met: the record's fields, its aliases without the label, no mentions yet. */
export function newNodeAttributes(entity: EntityRecord): EntityAttributes {
  const { id: _id, known: _known, ...rest } = entity;
  return { ...rest, aliases: [...new Set(entity.aliases.filter((a) => a !== entity.label))], mentions: [] };
}

/** An edge's ends and kind from its key (relationKey): symmetric relations are undirected. */
export function edgeEnds(key: string): { source: string; target: string; type: RelationType; undirected: boolean } {
  const [source, type, target] = key.split('|') as [string, RelationType, string];
  return { source, target, type, undirected: SYMMETRIC_RELATIONS.has(type) };
}

/** Folds what one statement of a relation adds besides its claim: the first role met, and every item named. */
export function mergeRelationExtras(attrs: RelationAttributes, relation: { role?: string; items?: string[] }): void {
  if (relation.role && !attrs.role) attrs.role = relation.role;
  if (relation.items?.length) mergeUnique((attrs.items ??= []), relation.items);
}

/**
 * Merges per-article extractions into one graph: one node per entity id, one
 * edge per (subject, type, object) holding every claim; numbers that disagree
 * stay separate claims. Returns an empty graph when there are no extractions.
 */
export function buildGraph(extractions: readonly ArticleExtraction[], options: BuildGraphOptions): NewsGraph {
  const graph: NewsGraph = new Graph({ type: 'mixed', multi: true, allowSelfLoops: false });
  graph.replaceAttributes({
    name: 'newsgraph',
    extractorVersion: options.extractorVersion,
    builtAt: options.builtAt ?? new Date().toISOString(),
    articles: options.articles,
  });
  const seenClaims = new Map<string, Set<string>>();
  // Each node's aliases as a set beside its list: a hub named in every article gains a surface per mention, and rebuilding the set per mention (mergeUnique) was quadratic.
  const aliasSets = new Map<string, Set<string>>();
  const addAlias = (attrs: EntityAttributes, aliases: Set<string>, alias: string) => {
    if (alias === attrs.label || aliases.has(alias)) return;
    aliases.add(alias);
    attrs.aliases.push(alias);
  };

  for (const extraction of extractions) {
    for (const entity of extraction.entities) {
      const { id } = entity;
      if (!graph.hasNode(id)) {
        const attributes = newNodeAttributes(entity);
        graph.addNode(id, attributes);
        aliasSets.set(id, new Set(attributes.aliases));
      } else {
        const attrs = graph.getNodeAttributes(id);
        const aliases = aliasSets.get(id)!;
        for (const alias of entity.aliases) addAlias(attrs, aliases, alias);
      }
    }
    for (const mention of extraction.mentions) {
      const aliases = aliasSets.get(mention.entityId);
      if (!aliases) continue;
      const attrs = graph.getNodeAttributes(mention.entityId);
      attrs.mentions.push({ doc: extraction.doc, sentence: mention.sentence, start: mention.start, end: mention.end });
      addAlias(attrs, aliases, mention.surface);
    }
    for (const relation of extraction.relations) {
      const { subject, object, type } = relation;
      if (subject === object || !graph.hasNode(subject) || !graph.hasNode(object)) continue;
      const key = relationKey(subject, type, object);
      if (!graph.hasEdge(key)) {
        const attributes: RelationAttributes = { type, claims: [] };
        const { source, target } = edgeEnds(key);
        if (SYMMETRIC_RELATIONS.has(type)) graph.addUndirectedEdgeWithKey(key, source, target, attributes);
        else graph.addDirectedEdgeWithKey(key, source, target, attributes);
        seenClaims.set(key, new Set());
      }
      const attrs = graph.getEdgeAttributes(key);
      const ck = claimKey(relation.claim);
      const seen = seenClaims.get(key)!;
      if (!seen.has(ck)) {
        seen.add(ck);
        attrs.claims.push(relation.claim);
      }
      mergeRelationExtras(attrs, relation);
    }
  }
  return graph;
}
