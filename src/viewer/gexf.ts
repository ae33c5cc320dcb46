/**
 * GEXF export (Gephi's format) with graphology-gexf's writer. Claims, aliases
 * and mentions are lists of objects, which GEXF cannot hold as such: nodes keep
 * their type, aliases and Wikidata id; edges their type, claim count and quotes.
 */
import type Graph from 'graphology';
import writeGexf from 'graphology-gexf/common/writer';
import { entityTypeColor, relationColor } from './colors';

export interface GexfDisplay {
  /** Display colour per node (default: colour of its type). */
  nodeColor?: (node: string) => string;
  /** Display size per node (default: 1 + degree). */
  nodeSize?: (node: string) => number;
}

/** Separator of list values in GEXF 1.2 `liststring` attributes; replaced in values so lists stay parseable. */
const LIST_SEPARATOR = '|';

function listValue(values: unknown[]): string[] {
  return values.filter((value): value is string => typeof value === 'string').map((value) => value.split(LIST_SEPARATOR).join('/'));
}

/** The graph as a GEXF 1.2 document (XML escaped by the writer). */
export function graphToGexf(graph: Graph, display: GexfDisplay = {}): string {
  return writeGexf(graph, {
    version: '1.2',
    formatNode(node: string, attributes: Record<string, unknown>) {
      const extra: Record<string, unknown> = {
        type: String(attributes.type ?? ''),
        aliases: listValue(Array.isArray(attributes.aliases) ? attributes.aliases : []),
        mentions: Array.isArray(attributes.mentions) ? attributes.mentions.length : 0,
      };
      if (typeof attributes.wikidata === 'string') extra.wikidata = attributes.wikidata;
      if (attributes.community !== undefined) extra.community = String(attributes.community);
      const viz: Record<string, unknown> = {
        color: display.nodeColor ? display.nodeColor(node) : entityTypeColor(attributes.type),
        size: display.nodeSize ? display.nodeSize(node) : 1 + graph.degree(node),
      };
      if (typeof attributes.x === 'number' && typeof attributes.y === 'number') Object.assign(viz, { x: attributes.x, y: attributes.y });
      return { label: String(attributes.label ?? node), attributes: extra, viz };
    },
    formatEdge(_edge: string, attributes: Record<string, unknown>) {
      const claims = Array.isArray(attributes.claims) ? (attributes.claims as Array<Record<string, unknown>>) : [];
      const extra: Record<string, unknown> = {
        type: String(attributes.type ?? ''),
        claims: claims.length,
        quotes: listValue(claims.map((claim) => claim.quote)),
        statuses: listValue([...new Set(claims.map((claim) => claim.status))]),
      };
      if (typeof attributes.role === 'string') extra.role = attributes.role;
      return {
        label: String(attributes.type ?? ''),
        weight: Math.max(1, claims.length),
        attributes: extra,
        viz: { color: relationColor(attributes.type), thickness: Math.max(1, claims.length) },
      };
    },
  } as never);
}
