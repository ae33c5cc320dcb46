/** Plain-text summary of a build, as printed by build-graph and start. */
import type { SkippedFile } from './corpus';
import type { NewsGraph } from './graph';
import { ENTITY_TYPES, RELATION_TYPES } from './ontology';
import type { BuildStats } from './pipeline';

function countLines<T extends string>(title: string, order: readonly T[], counts: Partial<Record<T, number>>): string[] {
  const present = order.filter((key) => (counts[key] ?? 0) > 0);
  if (present.length === 0) return [`${title}: none`];
  const width = Math.max(...present.map((key) => key.length));
  return [`${title}:`, ...present.map((key) => `  ${key.padEnd(width)}  ${String(counts[key]).padStart(5)}`)];
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** The build summary: articles read and skipped, sentences, entities by type, relations by type, claims, time taken. */
export function formatBuildSummary(stats: BuildStats, skipped: readonly SkippedFile[], out?: string): string {
  const lines = [
    `articles   ${stats.articlesRead} read, ${stats.articlesSkipped} skipped`,
    ...skipped.map((s) => `  skipped ${s.file}: ${s.reason}`),
    `sentences  ${stats.sentences} (${stats.characters.toLocaleString('en-US')} characters)`,
    `entities   ${stats.entities}`,
    `relations  ${stats.relations} edges, ${stats.claims} claims`,
    ...countLines('entities by type', ENTITY_TYPES, stats.entitiesByType),
    ...countLines('relations by type', RELATION_TYPES, stats.relationsByType),
    `time       ${seconds(stats.timings.totalMs)} (read ${seconds(stats.timings.readMs)}, extract ${seconds(stats.timings.extractMs)}, graph ${seconds(stats.timings.graphMs)})`,
  ];
  if (out) lines.push(`written    ${out}`);
  return lines.join('\n');
}

/** Counts of a graph already built (for `npm start` when nothing changed). */
export function formatGraphSummary(graph: NewsGraph, file: string): string {
  const entitiesByType: Record<string, number> = {};
  const relationsByType: Record<string, number> = {};
  let claims = 0;
  graph.forEachNode((_, a) => void (entitiesByType[a.type] = (entitiesByType[a.type] ?? 0) + 1));
  graph.forEachEdge((_, a) => {
    relationsByType[a.type] = (relationsByType[a.type] ?? 0) + 1;
    claims += a.claims.length;
  });
  const articles = graph.getAttribute('articles') ?? [];
  return [
    `graph      ${file} (built ${graph.getAttribute('builtAt')}, extractor ${graph.getAttribute('extractorVersion')})`,
    `articles   ${articles.length}`,
    `entities   ${graph.order}`,
    `relations  ${graph.size} edges, ${claims} claims`,
    ...countLines('entities by type', ENTITY_TYPES, entitiesByType),
    ...countLines('relations by type', RELATION_TYPES, relationsByType),
  ].join('\n');
}
