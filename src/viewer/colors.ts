/**
 * Colours shared by the page, the static renderer and the GEXF export, so a
 * picture in a report and the live viewer read the same.
 */
import type { ClaimStatus, EntityType, RelationType } from '../ontology';

/** One colour per entity type; chosen to stay distinct for the common colour-vision deficiencies. */
export const ENTITY_TYPE_COLORS: Readonly<Record<EntityType, string>> = {
  Country: '#1f6fb5',
  Person: '#d9480f',
  Organization: '#2f9e44',
  Treaty: '#ae3ec9',
  WeaponSystem: '#e8a400',
  Place: '#15aabf',
};

/** Colour for a node whose type is not in the ontology (a graph from a newer extractor). */
export const UNKNOWN_TYPE_COLOR = '#868e96';

/**
 * One colour per relation type, by family: military relations warm, diplomatic
 * ones blue-green, structural ones (who belongs where) grey, so the structural
 * scaffolding recedes behind what analysts look for.
 */
export const RELATION_COLORS: Readonly<Record<RelationType, string>> = {
  DEPLOYED_TROOPS_TO: '#e03131',
  SUPPLIED_ARMS_TO: '#f76707',
  SUPPLIED: '#f59f00',
  TRANSFERRED_TECHNOLOGY_TO: '#c2255c',
  DEVELOPS: '#e8a400',
  ATTACKED: '#a61e4d',
  SUFFERED_LOSSES_IN: '#862e2e',
  WARNED: '#d6336c',
  ALLIED_WITH: '#1971c2',
  SUPPORTS: '#4dabf7',
  SIGNED: '#9c36b5',
  RATIFIED: '#cc5de8',
  MET_WITH: '#0ca678',
  VISITED: '#38d9a9',
  LEADS: '#5c7cfa',
  OFFICIAL_OF: '#91a7ff',
  MEMBER_OF: '#adb5bd',
  PART_OF: '#adb5bd',
  LOCATED_IN: '#ced4da',
};

export const UNKNOWN_RELATION_COLOR = '#ced4da';

export const STATUS_COLORS: Readonly<Record<ClaimStatus, string>> = {
  asserted: '#2f9e44',
  reported: '#1971c2',
  planned: '#e8a400',
  denied: '#e03131',
};

/** Palette cycled through for communities (Louvain ids are arbitrary integers). */
export const COMMUNITY_PALETTE: readonly string[] = [
  '#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b',
  '#e377c2', '#7f7f7f', '#bcbd22', '#17becf', '#393b79', '#637939',
  '#8c6d31', '#843c39', '#7b4173', '#3182bd', '#e6550d', '#31a354',
];

export function entityTypeColor(type: unknown): string {
  return (ENTITY_TYPE_COLORS as Record<string, string>)[type as string] ?? UNKNOWN_TYPE_COLOR;
}

export function relationColor(type: unknown): string {
  return (RELATION_COLORS as Record<string, string>)[type as string] ?? UNKNOWN_RELATION_COLOR;
}

/**
 * Colour of a community id: stable for a given id and its rank among the
 * graph's communities (`order`), so the biggest communities get the most distinct colours.
 */
export function communityColor(rank: number): string {
  if (!Number.isInteger(rank) || rank < 0) return UNKNOWN_TYPE_COLOR;
  return COMMUNITY_PALETTE[rank % COMMUNITY_PALETTE.length];
}

/** Human-readable name of a relation type: SUPPLIED_ARMS_TO → "supplied arms to". */
export function relationLabel(type: string): string {
  return type.toLowerCase().replace(/_/g, ' ');
}
