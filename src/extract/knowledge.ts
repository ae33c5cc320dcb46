import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ENTITY_TYPES } from '../ontology';

/**
 * The knowledge base of known entities: graph-data/knowledge/gazetteer.json.
 * Real domain data (states, leaders, ministers, agencies, armed forces, units,
 * media, treaties, weapon systems, places), never keyed to one article.
 */
export const GazetteerEntrySchema = z.object({
  /** Stable English snake_case slug; becomes the node key. */
  id: z.string().regex(/^[a-z0-9_]+$/),
  type: z.enum(ENTITY_TYPES),
  /** Canonical French name. */
  label: z.string().min(1),
  /** Every other name: French variants, English, German, transliterations, acronyms, typos seen in the press. */
  aliases: z.array(z.string().min(1)).default([]),
  wikidata: z.string().regex(/^Q\d+$/).optional(),
  /** Country: adjective/noun forms that name the state ("nord-coréen", "nord-coréennes", "russes"). */
  demonyms: z.array(z.string().min(1)).optional(),
  /** Country: names that stand for its government when it acts (capital, seat: "Moscou", "le Kremlin"). */
  metonyms: z.array(z.string().min(1)).optional(),
  /** Person, Organization, Place, WeaponSystem: id of the Country it belongs to. */
  country: z.string().optional(),
  /** Organization or Place: id of the entity it is part of / located in, if not the country itself. */
  parent: z.string().optional(),
  /** Person: posts held, in French ("président", "ministre des Affaires étrangères"), with the body they are held at. */
  roles: z.array(z.object({ title: z.string(), of: z.string(), leads: z.boolean().optional() })).optional(),
  /** Aliases that are only a mention when the context confirms them (a bare surname shared by others, a common word). */
  weakAliases: z.array(z.string().min(1)).optional(),
  /** Free-text note on why an entry or alias is there. */
  note: z.string().optional(),
});
export type GazetteerEntry = z.infer<typeof GazetteerEntrySchema>;

export const GazetteerSchema = z.object({
  version: z.number().int(),
  entities: z.array(GazetteerEntrySchema),
});
export type Gazetteer = z.infer<typeof GazetteerSchema>;

/** Default location of the knowledge folder, relative to the project root. */
export const DEFAULT_KNOWLEDGE_DIR = path.resolve(__dirname, '..', '..', 'graph-data', 'knowledge');

/**
 * Reads and validates gazetteer.json; throws an error naming the file and the
 * first problem (bad JSON, schema violation, duplicate id, dangling reference).
 */
export function loadGazetteer(dir: string = DEFAULT_KNOWLEDGE_DIR): Gazetteer {
  const file = path.join(dir, 'gazetteer.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`newsgraph knowledge: cannot read ${file}: ${(error as Error).message}`);
  }
  const parsed = GazetteerSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`newsgraph knowledge: ${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  const ids = new Set<string>();
  for (const entry of parsed.data.entities) {
    if (ids.has(entry.id)) throw new Error(`newsgraph knowledge: ${file}: duplicate id "${entry.id}"`);
    ids.add(entry.id);
  }
  for (const entry of parsed.data.entities) {
    for (const ref of [entry.country, entry.parent, ...(entry.roles ?? []).map((r) => r.of)]) {
      if (ref !== undefined && !ids.has(ref)) {
        throw new Error(`newsgraph knowledge: ${file}: entity "${entry.id}" refers to unknown id "${ref}"`);
      }
    }
  }
  return parsed.data;
}
