/**
 * Knowledge-base entries by id, for the relation readers: every sentence asks
 * for a few entries (where a place lies, whom a person leads), and a scan of
 * the gazetteer per question was a visible share of the extraction time.
 */
import type { KnowledgeBase } from '../kb';
import type { GazetteerEntry } from '../knowledge';
import { GazetteerEntrySchema } from '../knowledge';
import { sameShape } from './lexicon';

/** A state an entity belongs to or leads, as the readers hand it on. */
export interface StateRef {
  entityId: string;
  label: string;
}

/** Index of one gazetteer entity list, with the answers derived from it. */
interface EntryIndex {
  /** Id → entry; the first entry of an id wins, as a scan of the list would find it. */
  byId: Map<string, GazetteerEntry>;
  /** countryOf answers by entity id (null: none). */
  countryOf: Map<string, StateRef | null>;
  /** ledBy answers by entity id (null: none). */
  ledBy: Map<string, StateRef | null>;
}

/** Every key an entry may have: the index holds copies of one shape (the readers meet entries of every kind). */
const ENTRY_KEYS = Object.keys(GazetteerEntrySchema.shape) as Array<keyof GazetteerEntry>;

/** Keyed by the entity list itself: a knowledge base given another list gets another index. */
const indexes = new WeakMap<readonly GazetteerEntry[], EntryIndex>();
const NO_ENTRIES: readonly GazetteerEntry[] = [];

function indexOf(kb: KnowledgeBase | undefined): EntryIndex {
  const entries = kb?.gazetteer?.entities ?? NO_ENTRIES;
  let index = indexes.get(entries);
  if (!index) {
    const byId = new Map<string, GazetteerEntry>();
    for (const e of entries) if (!byId.has(e.id)) byId.set(e.id, sameShape(e, ENTRY_KEYS));
    index = { byId, countryOf: new Map(), ledBy: new Map() };
    indexes.set(entries, index);
  }
  return index;
}

/** The knowledge-base entry of `id`, if any. */
export function entryById(kb: KnowledgeBase | undefined, id: string): GazetteerEntry | undefined {
  return indexOf(kb).byId.get(id);
}

/** Lookups bound to one knowledge base, shared by every article read with it. */
export interface StateLookups {
  /** The state a known organisation, unit or place belongs to (knowledge base `country`, when that is a Country). */
  countryOf: (entityId: string) => StateRef | undefined;
  /** The Country a person leads (first role with `leads` whose body is a Country). */
  ledBy: (entityId: string) => StateRef | undefined;
}

const lookups = new WeakMap<EntryIndex, StateLookups>();

/** countryOf and ledBy over the knowledge base's gazetteer (both empty without one); answers are shared, read only. */
export function stateLookups(kb: KnowledgeBase | undefined): StateLookups {
  const index = indexOf(kb);
  let bound = lookups.get(index);
  if (bound) return bound;
  const { byId } = index;
  const countryOf = (entityId: string): StateRef | undefined => {
    let answer = index.countryOf.get(entityId);
    if (answer === undefined) {
      const country = byId.get(entityId)?.country;
      const entry = country ? byId.get(country) : undefined;
      answer = entry && entry.type === 'Country' ? { entityId: entry.id, label: entry.label } : null;
      index.countryOf.set(entityId, answer);
    }
    return answer ?? undefined;
  };
  const ledBy = (entityId: string): StateRef | undefined => {
    let answer = index.ledBy.get(entityId);
    if (answer === undefined) {
      const role = byId.get(entityId)?.roles?.find((r) => r.leads && byId.get(r.of)?.type === 'Country');
      const entry = role ? byId.get(role.of) : undefined;
      answer = entry ? { entityId: entry.id, label: entry.label } : null;
      index.ledBy.set(entityId, answer);
    }
    return answer ?? undefined;
  };
  bound = { countryOf, ledBy };
  lookups.set(index, bound);
  return bound;
}
