/**
 * Coreference inside one article. A bare surname or short form ("Shin",
 * "Kim", "Goremykine") is the person most recently named in full before it
 * (or the only candidate named anywhere in the article); with no such person
 * it is dropped, so two people sharing a surname never merge. A definite
 * treaty reference ("le traité", "ce pacte", "l'accord") is the treaty most
 * recently mentioned, or the only one.
 */
import type { ArticleContext, Draft, WeakName } from './context';
import { claim, setWeakName, tokenRange } from './context';
import { foldKey } from './fold';
import { personShortForms } from './matcher';
import { TOKEN_ROLES } from './rules';
import { isJoiningGap, isPlainGap, matchPhraseAt, phraseIndex } from './tokens';

/** Starts of the full mentions of each entity (of one type, if given), in text order. */
function anchorsOf(ctx: ArticleContext, type?: string): Map<string, number[]> {
  const anchors = new Map<string, number[]>();
  for (const d of ctx.drafts) {
    if ((type !== undefined && d.type !== type) || d.via === 'coreference' || d.dropped) continue;
    const list = anchors.get(d.entityId) ?? [];
    list.push(d.start);
    anchors.set(d.entityId, list);
  }
  for (const list of anchors.values()) list.sort((a, b) => a - b);
  return anchors;
}

/** The largest of the sorted `starts` below `offset`, or -1. */
function lastBefore(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? starts[lo - 1] : -1;
}

/** The candidate named in full most recently before `offset`, if any. */
export function latestAntecedent(candidates: readonly string[], offset: number, anchors: ReadonlyMap<string, number[]>): string | undefined {
  let best: string | undefined;
  let bestStart = -1;
  for (const id of candidates) {
    const starts = anchors.get(id);
    if (starts === undefined) continue;
    const start = lastBefore(starts, offset);
    if (start > bestStart) {
      best = id;
      bestStart = start;
    }
  }
  return best;
}

/** The only candidate named in full anywhere in the article, if exactly one is. */
function onlyNamed(candidates: readonly string[], anchors: ReadonlyMap<string, number[]>): string | undefined {
  const named = candidates.filter((c) => anchors.has(c));
  return named.length === 1 ? named[0] : undefined;
}

/** The antecedent of a reference at `offset` among `candidates`: latest before, else the only one named at all. */
export function pickAntecedent(candidates: readonly string[], offset: number, anchors: ReadonlyMap<string, number[]>): string | undefined {
  return latestAntecedent(candidates, offset, anchors) ?? onlyNamed(candidates, anchors);
}

/** Adds, as weak names, the short forms of the persons discovered in this article wherever they stand alone. */
function collectDiscoveredShortForms(ctx: ArticleContext): void {
  const owners = new Map<string, Set<string>>();
  for (const record of ctx.discovered.values()) {
    if (record.type !== 'Person') continue;
    for (const form of personShortForms(record.label, ctx.rules.lexicons)) {
      const key = foldKey(form);
      if (!owners.has(key)) owners.set(key, new Set());
      owners.get(key)!.add(record.id);
    }
  }
  if (owners.size === 0) return;
  const index = phraseIndex([...owners.keys()], (s) => s);
  for (const sc of ctx.sentences) {
    const t = sc.tokens;
    for (let i = 0; i < t.length; i++) {
      if (sc.owner[i] || !t[i].capitalised) continue;
      const length = matchPhraseAt(t, i, index);
      if (length === 0) continue;
      const end = i + length;
      // The short form must stand alone, not open a longer name.
      if (end < t.length && t[end].capitalised && isJoiningGap(t[end].gap)) continue;
      const key = t.slice(i, end).map((tok) => tok.key).join(' ');
      const weak: WeakName = { sentence: sc.sentence.index, start: t[i].start, end: t[end - 1].end, candidates: [...owners.get(key)!] };
      const existing = sc.weakAt.get(i);
      if (existing) existing.candidates = [...new Set([...existing.candidates, ...weak.candidates])];
      else {
        setWeakName(sc, i, weak);
        ctx.weak.push(weak);
      }
      i = end - 1;
    }
  }
}

/**
 * A weak name of a non-person (an informal name of a parliament, a bare
 * common word) whose country, or a known place of that country, is named in
 * the same sentence: the context confirms it ("la Chambre des représentants
 * de Moscou", "à Séoul, le ministère des Affaires étrangères"); so does the
 * body it belongs to ("veto au Conseil de sécurité, qui dissout le groupe
 * d'experts"). Unique or nothing.
 */
function confirmedByCountry(ctx: ArticleContext, countries: ReadonlyMap<number, Set<string>>, weak: WeakName): string | undefined {
  const named = countries.get(weak.sentence) ?? new Set<string>();
  const fits = weak.candidates.filter((id) => {
    const entry = ctx.rules.matcher.entries.get(id);
    return entry !== undefined && entry.type !== 'Person' && ((entry.country !== undefined && named.has(entry.country)) || (entry.parent !== undefined && named.has(entry.parent)));
  });
  return fits.length === 1 ? fits[0] : undefined;
}

/** What may stand between a weak name and the country that qualifies it: nothing, or "de la", "du", "de l'". */
const QUALIFIER_GAP = /^\s*(?:(?:de|du|des|d['’])\s*(?:la\s+|l['’]\s*)?)?$/i;

/**
 * A weak name of a non-person qualified by the country right after it ("le
 * ministère de la Défense sud-coréen", "… de la Russie"): that country
 * decides, before any earlier mention. Unique or nothing.
 */
function qualifiedByCountry(ctx: ArticleContext, countryDrafts: ReadonlyMap<number, Draft[]>, weak: WeakName): string | undefined {
  const next = (countryDrafts.get(weak.sentence) ?? []).find((d) => d.start >= weak.end && QUALIFIER_GAP.test(ctx.text.slice(weak.end, d.start)));
  if (next === undefined) return undefined;
  const fits = weak.candidates.filter((id) => {
    const entry = ctx.rules.matcher.entries.get(id);
    return entry !== undefined && entry.type !== 'Person' && entry.country === next.entityId;
  });
  return fits.length === 1 ? fits[0] : undefined;
}

/** Resolves every weak name of the article to the entity it stands for, or drops it. */
export function resolvePersonReferences(ctx: ArticleContext): void {
  collectDiscoveredShortForms(ctx);
  // No weak name: nothing to resolve, and every sentence's weak-name map is empty.
  if (ctx.weak.length === 0) return;
  const anchors = anchorsOf(ctx);
  const countries = new Map<number, Set<string>>();
  for (const d of ctx.drafts) {
    if (d.dropped) continue;
    // A known place or person of a country names that country's setting too ("À Séoul, le ministère …", "Kirby, porte-parole du Conseil …").
    const country = d.type === 'Country' ? d.entityId : (d.type === 'Place' || d.type === 'Person') && d.known ? ctx.rules.matcher.entries.get(d.entityId)?.country : undefined;
    // A known body names itself too: it confirms the weak name of a body it holds ("le Conseil de sécurité … le groupe d'experts").
    const body = d.type === 'Organization' && d.known ? d.entityId : undefined;
    if (country === undefined && body === undefined) continue;
    if (!countries.has(d.sentence)) countries.set(d.sentence, new Set());
    if (country !== undefined) countries.get(d.sentence)!.add(country);
    if (body !== undefined) countries.get(d.sentence)!.add(body);
  }
  const countryDrafts = new Map<number, Draft[]>();
  for (const d of ctx.drafts) {
    if (d.type !== 'Country' || d.dropped) continue;
    const list = countryDrafts.get(d.sentence) ?? [];
    list.push(d);
    countryDrafts.set(d.sentence, list);
  }
  const bySentence = new Map(ctx.sentences.map((sc) => [sc.sentence.index, sc]));
  for (const weak of [...ctx.weak].sort((a, b) => a.start - b.start)) {
    const sc = bySentence.get(weak.sentence);
    if (!sc) continue;
    // The country beside a name outranks an earlier mention; a mention before outranks the sentence's setting; a name met only later comes last.
    const id =
      qualifiedByCountry(ctx, countryDrafts, weak) ??
      latestAntecedent(weak.candidates, weak.start, anchors) ??
      confirmedByCountry(ctx, countries, weak) ??
      onlyNamed(weak.candidates, anchors);
    if (id === undefined) continue;
    const type = ctx.rules.matcher.entries.get(id)?.type ?? ctx.discovered.get(id)?.type;
    if (type === undefined) continue;
    claim(ctx, sc, { entityId: id, type, sentence: weak.sentence, start: weak.start, end: weak.end, surface: ctx.text.slice(weak.start, weak.end), via: 'coreference', known: !ctx.discovered.has(id) });
  }
  for (const sc of ctx.sentences) {
    for (const [at, weak] of sc.weakAt) {
      const [, last] = tokenRange(sc, weak.start, weak.end);
      if (sc.owner[at] || last <= at) sc.weakAt.delete(at);
    }
  }
}

/** Resolves "le traité", "ce pacte", "l'accord" to the treaty they refer back to. */
export function resolveTreatyReferences(ctx: ArticleContext): void {
  const { rules } = ctx;
  const anchors = anchorsOf(ctx, 'Treaty');
  if (anchors.size === 0) return;
  const treaties = [...anchors.keys()];
  for (const sc of ctx.sentences) {
    const t = sc.tokens;
    for (let i = 0; i + 1 < t.length; i++) {
      if ((t[i].roles & TOKEN_ROLES.treatyDeterminer) === 0 || !rules.treatyDeterminers.has(t[i].key) || !rules.treatyNouns.has(t[i + 1].key)) continue;
      if (sc.owner[i] || sc.owner[i + 1] || !isPlainGap(t[i + 1].gap)) continue;
      const next = t[i + 2];
      if (next && isPlainGap(next.gap) && rules.treatyBlockedAfter.has(next.key)) continue;
      const id = pickAntecedent(treaties, t[i].start, anchors);
      if (id === undefined) continue;
      claim(ctx, sc, { entityId: id, type: 'Treaty', sentence: sc.sentence.index, start: t[i].start, end: t[i + 1].end, surface: ctx.text.slice(t[i].start, t[i + 1].end), via: 'coreference', known: !ctx.discovered.has(id) });
      i++;
    }
  }
}
