import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ENTITY_TYPES } from '../ontology';

/**
 * The knowledge base of known entities: graph-data/knowledge/gazetteer.json.
 * Real domain data (states, leaders, ministers, agencies, armed forces, units,
 * media, treaties, weapon systems, places), never keyed to one article.
 */
/** ISO-8601 year or year-month (2024, 2024-05): when a post began or ended. */
const PartialDateSchema = z.string().regex(/^\d{4}(-\d{2})?$/);

/** A post a Person holds or held. */
export const GazetteerRoleSchema = z.object({
  /** The post in French, as the press writes it ("ministre de la Défense"). */
  title: z.string(),
  /** Id of the Country or Organization where the post is held. */
  of: z.string(),
  /** True for the head of that state, government or organisation (a LEADS relation). */
  leads: z.boolean().optional(),
  /** When the post began, if known. */
  since: PartialDateSchema.optional(),
  /** When the post ended; absent means the holder is current (or the end is unknown). */
  until: PartialDateSchema.optional(),
});
export type GazetteerRole = z.infer<typeof GazetteerRoleSchema>;

export const GazetteerEntrySchema = z.object({
  /** Stable English snake_case slug; becomes the node key. */
  id: z.string().regex(/^[a-z0-9_]+$/),
  type: z.enum(ENTITY_TYPES),
  /** Organization: "media" for a news outlet (agency, paper, broadcaster), which is an entity only where the article's sentences cite it, not in a masthead or credit. */
  kind: z.enum(['media']).optional(),
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
  roles: z.array(GazetteerRoleSchema).optional(),
  /** Aliases that are only a mention when the context confirms them (a bare surname shared by others, a common word). */
  weakAliases: z.array(z.string().min(1)).optional(),
  /** Free-text note on why an entry or alias is there. */
  note: z.string().optional(),
});
export type GazetteerEntry = z.infer<typeof GazetteerEntrySchema>;

/**
 * A name deliberately claimed by several entities of one type (e.g. a title
 * used for two bodies). Any other name shared within a type is a data error.
 */
export const SharedNameSchema = z.object({
  name: z.string().min(1),
  /** Ids of the entities that all carry this name. */
  ids: z.array(z.string()).min(2),
  /** Why the name is shared, and how the matcher should choose. */
  reason: z.string().min(1),
});
export type SharedName = z.infer<typeof SharedNameSchema>;

export const GazetteerSchema = z.object({
  version: z.number().int(),
  entities: z.array(GazetteerEntrySchema),
  /** Allow-list of intended same-type name clashes. */
  sharedNames: z.array(SharedNameSchema).optional(),
});
export type Gazetteer = z.infer<typeof GazetteerSchema>;

/**
 * A knowledge file (gazetteer, lexicon) is missing, not JSON or not of its
 * schema: the user's data is wrong, not the code, so the command line exits 2
 * (the `exitCode` convention of scripts/lib/cli.ts).
 */
export class KnowledgeFileError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'KnowledgeFileError';
  }
}

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
    throw new KnowledgeFileError(`newsgraph knowledge: cannot read ${file}: ${(error as Error).message}`);
  }
  const parsed = GazetteerSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new KnowledgeFileError(`newsgraph knowledge: ${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  const ids = new Set<string>();
  for (const entry of parsed.data.entities) {
    if (ids.has(entry.id)) throw new KnowledgeFileError(`newsgraph knowledge: ${file}: duplicate id "${entry.id}"`);
    ids.add(entry.id);
  }
  for (const entry of parsed.data.entities) {
    for (const ref of [entry.country, entry.parent, ...(entry.roles ?? []).map((r) => r.of)]) {
      if (ref !== undefined && !ids.has(ref)) {
        throw new KnowledgeFileError(`newsgraph knowledge: ${file}: entity "${entry.id}" refers to unknown id "${ref}"`);
      }
    }
  }
  for (const shared of parsed.data.sharedNames ?? []) {
    for (const ref of shared.ids) {
      if (!ids.has(ref)) {
        throw new KnowledgeFileError(`newsgraph knowledge: ${file}: sharedNames "${shared.name}" refers to unknown id "${ref}"`);
      }
    }
  }
  return parsed.data;
}

/**
 * Name key used to compare gazetteer names: lower case, accents dropped, every
 * character that is not a letter or digit (hyphen, apostrophe, dot, slash) a
 * space, runs of spaces collapsed — the same equivalence the mention matcher uses.
 */
export function gazetteerNameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Entity types a reference field may point to. */
const REFERENCE_TARGETS = {
  country: ['Country'],
  parent: ['Organization', 'Place', 'Country'],
  role: ['Country', 'Organization'],
} as const;

/** Strong names of an entry: the ones that alone identify it (weak aliases excluded). */
function strongNames(entry: GazetteerEntry): string[] {
  return [entry.label, ...entry.aliases, ...(entry.demonyms ?? []), ...(entry.metonyms ?? [])];
}

/**
 * Consistency audit of a loaded gazetteer, beyond what loadGazetteer enforces:
 * a strong name (label, alias, demonym, metonym) claimed by two entities of one
 * type unless listed in `sharedNames`; a weak alias that is another same-type
 * entity's strong name; a Country without demonyms; a Person without roles;
 * a reference to an entity of the wrong type; one Wikidata id on two entities;
 * a name with stray spaces. Returns one line per problem, empty when clean.
 */
export function auditGazetteer(gazetteer: Gazetteer): string[] {
  const problems: string[] = [];
  const byId = new Map(gazetteer.entities.map((e) => [e.id, e]));
  const claimants = new Map<string, Set<string>>();
  for (const entry of gazetteer.entities) {
    for (const name of [...strongNames(entry), ...(entry.weakAliases ?? [])]) {
      if (name !== name.trim() || /\s{2,}/.test(name)) problems.push(`${entry.id}: name "${name}" has stray spaces`);
    }
    for (const name of strongNames(entry)) {
      const key = `${entry.type}\u0000${gazetteerNameKey(name)}`;
      const set = claimants.get(key) ?? new Set<string>();
      set.add(entry.id);
      claimants.set(key, set);
    }
  }
  const allowed = new Map<string, Set<string>>();
  for (const shared of gazetteer.sharedNames ?? []) allowed.set(gazetteerNameKey(shared.name), new Set(shared.ids));
  for (const [key, ids] of claimants) {
    if (ids.size < 2) continue;
    const [type, name] = key.split('\u0000');
    const allow = allowed.get(name);
    const covered = allow !== undefined && [...ids].every((id) => allow.has(id));
    if (!covered) problems.push(`${type} name "${name}" is claimed by ${[...ids].sort().join(', ')} (list it in sharedNames if intended)`);
  }
  for (const entry of gazetteer.entities) {
    for (const weak of entry.weakAliases ?? []) {
      const others = [...(claimants.get(`${entry.type}\u0000${gazetteerNameKey(weak)}`) ?? [])].filter((id) => id !== entry.id);
      if (others.length > 0) problems.push(`${entry.id}: weak alias "${weak}" is a strong name of ${others.join(', ')}`);
    }
    if (entry.type === 'Country' && (entry.demonyms ?? []).length === 0) problems.push(`${entry.id}: Country without demonyms`);
    if (entry.type === 'Person' && (entry.roles ?? []).length === 0) problems.push(`${entry.id}: Person without roles`);
    const refs: [keyof typeof REFERENCE_TARGETS, string | undefined][] = [
      ['country', entry.country],
      ['parent', entry.parent],
      ...(entry.roles ?? []).map((r): [keyof typeof REFERENCE_TARGETS, string] => ['role', r.of]),
    ];
    for (const [field, ref] of refs) {
      const target = ref === undefined ? undefined : byId.get(ref);
      if (target !== undefined && !(REFERENCE_TARGETS[field] as readonly string[]).includes(target.type)) {
        problems.push(`${entry.id}: ${field} "${ref}" is a ${target.type}`);
      }
    }
    if (entry.parent === entry.id) problems.push(`${entry.id}: parent of itself`);
  }
  const wikidataOwner = new Map<string, string>();
  for (const entry of gazetteer.entities) {
    if (entry.wikidata === undefined) continue;
    const owner = wikidataOwner.get(entry.wikidata);
    if (owner !== undefined) problems.push(`wikidata ${entry.wikidata} is on both ${owner} and ${entry.id}`);
    else wikidataOwner.set(entry.wikidata, entry.id);
  }
  return problems;
}
