/**
 * Relations: typed (subject, relation, object) statements read sentence by
 * sentence from an article's mentions, each with the claim that carries it.
 *
 * Verb and noun frames come from graph-data/knowledge/triggers.json and run in
 * one generic matcher (frames.ts); titles, organisations and places read in
 * noun phrases come from the same file (nominal.ts); quantities, dates,
 * sources and status come from src/extract/claims. Relations whose ends do
 * not fit RELATION_SIGNATURES are dropped.
 */
import type { Article } from '../../corpus/types';
import type { Claim, ClaimStatus, EntityType, RelationType } from '../../ontology';
import { RELATION_SIGNATURES } from '../../ontology';
import type { ClaimLexicon, DateMention, QuantityMention, SentenceMention } from '../claims';
import { allMatches, classifyStatus, findAttribution, findDates, findQuantities, fold, getClaimLexicon, reportingCues } from '../claims';
import type { KnowledgeBase } from '../kb';
import type { EntityRecord, ExtractedRelation, Mention } from '../types';
import type { Discourse, SentenceContext } from './context';
import { buildSentenceContexts, sameJson } from './context';
import { entryById } from './entries';
import type { FrameMatch } from './frames';
import { matchFrames } from './frames';
import { getRelationLexicon } from './lexicon';
import type { RelationLexicon } from './lexicon';
import type { NominalMatch } from './nominal';
import { matchNominal } from './nominal';

export { getRelationLexicon, compileRelationLexicon } from './lexicon';

/** Farthest a loss count may sit before its trigger ("1 000 soldats nord-coréens ont été tués"), in characters. */
const LOSS_NUMBER_LOOKBACK = 90;
/** Farthest a loss count may sit after an active trigger ("a capturé deux soldats", "ont tué quelque 300 militaires"), in characters. */
const LOSS_NUMBER_LOOKAHEAD = 80;
/** Farthest a demonym may sit after the noun it qualifies ("conteneurs nord-coréens"), in characters. */
const OWNER_GAP = 3;
/** A part with no figure of its own ("11 000 soldats, dont une partie a combattu à Y"): the figure before it counts the whole, not this part. */
const PART_WITHOUT_NUMBER_RE = /\bdont (?:une partie|certains|certaines|la plupart|la majorite|beaucoup|nombre)\b|\bune partie d'entre (?:eux|elles)\b/;

/**
 * Figures and dates of the sentence read last (read only: every relation of the sentence looks at them). One entry
 * each, by context, its text and what else they are read with: the sentence's relations are read one after another.
 */
let lastQuantities: { ctx: SentenceContext; text: string; lexicon: ClaimLexicon; quantities: QuantityMention[] } | undefined;
let lastDates: { ctx: SentenceContext; text: string; date: string | undefined; dates: DateMention[] } | undefined;

function quantitiesIn(ctx: SentenceContext, claimLex: ClaimLexicon): QuantityMention[] {
  if (lastQuantities && lastQuantities.ctx === ctx && lastQuantities.text === ctx.text && lastQuantities.lexicon === claimLex) return lastQuantities.quantities;
  const quantities = findQuantities(ctx.text, claimLex);
  lastQuantities = { ctx, text: ctx.text, lexicon: claimLex, quantities };
  return quantities;
}

function datesIn(ctx: SentenceContext): DateMention[] {
  if (lastDates && lastDates.ctx === ctx && lastDates.text === ctx.text && lastDates.date === ctx.article.date) return lastDates.dates;
  const dates = findDates(ctx.text, ctx.article.date);
  lastDates = { ctx, text: ctx.text, date: ctx.article.date, dates };
  return dates;
}

function fits(type: RelationType, subjectType: string, objectType: string): boolean {
  const signature = RELATION_SIGNATURES[type];
  return (signature.subject as readonly string[]).includes(subjectType) && (signature.object as readonly string[]).includes(objectType);
}

interface Emitted {
  relation: ExtractedRelation;
  key: string;
  /** The claim's status and quantity, kept here: claims come in many shapes, read them once. */
  status: ClaimStatus;
  quantity: number | undefined;
}

/** `{ ...claim, quantity, unit }`, key by key in that order (claims come in a few shapes: a spread of them is slow). */
function withQuantity(claim: Claim, q: FrameQuantity): Claim {
  const out: Claim = { doc: claim.doc, sentence: claim.sentence, quote: claim.quote, status: claim.status };
  if ('date' in claim) out.date = claim.date;
  if ('attributedTo' in claim) out.attributedTo = claim.attributedTo;
  out.quantity = q.quantity;
  out.unit = q.unit;
  return out;
}

function baseClaim(ctx: SentenceContext, status: ClaimStatus): Claim {
  return { doc: ctx.article.id, sentence: ctx.sentence.index, quote: ctx.sentence.text, status };
}

/** A figure a frame match carries, with where its number starts in the sentence. */
interface FrameQuantity {
  quantity: number;
  unit: string;
  start: number;
}

/** Quantities a frame match carries: numbers whose unit is of the frame's class and sits in the match's span. */
function quantitiesOf(ctx: SentenceContext, match: FrameMatch, claimLex: ClaimLexicon): FrameQuantity[] {
  const frame = match.frame;
  if (match.relation !== frame.relation) return [];
  // Only frames with a unit class count figures: the sentence's figures are read for them alone.
  if (!frame.unitFromTrigger && !frame.units) return [];
  const quantities = quantitiesIn(ctx, claimLex);
  if (frame.unitFromTrigger) {
    const triggerText = fold(ctx.text.slice(match.trigger.start, match.trigger.end));
    const unitClass = frame.units ?? 'losses';
    // An active participle names the unit in the singular ("a capturé" → capturés).
    const unit =
      claimLex.units.find((u) => u.unitClass === unitClass && u.noun === triggerText)?.unit ??
      claimLex.units.find((u) => u.unitClass === unitClass && u.noun === `${triggerText}s`)?.unit ??
      triggerText;
    if (frame.numberAfter) {
      const after = quantities.find(
        (q) => !q.dateLike && q.start >= match.trigger.end && q.start - match.trigger.end <= LOSS_NUMBER_LOOKAHEAD && !/[;.,:]/.test(ctx.folded.slice(match.trigger.end, q.start)),
      );
      if (!after) return [];
      // "les pertes … atteignent 4 700 tués et blessés": a loss noun after the number is the unit.
      if (after.unitClass === unitClass && after.unit) return [{ quantity: after.value, unit: after.unit, start: after.start }];
      return !after.unitClass || after.unitClass === 'troops' ? [{ quantity: after.value, unit, start: after.start }] : [];
    }
    const before = quantities.filter((q) => !q.dateLike && q.end <= match.trigger.start && match.trigger.start - q.end <= LOSS_NUMBER_LOOKBACK && !/[;.]/.test(ctx.folded.slice(q.end, match.trigger.start)));
    const nearest = before[before.length - 1];
    return nearest ? [{ quantity: nearest.value, unit, start: nearest.start }] : [];
  }
  if (!frame.units) return [];
  const seen = new Set<number>();
  /** Starts of the figures this frame counts (continuations of them count too). */
  const taken = new Set<number>();
  const out: FrameQuantity[] = [];
  // "10 000 soldats, dont 8 000 déployés à X": a part named before the trigger is the figure of this frame, not the whole.
  const partBefore = quantities.filter((q) => q.partitive && q.end <= match.trigger.start && q.unitClass === frame.units).pop();
  for (const q of quantities) {
    if (q.dateLike || q.unitClass !== frame.units || q.unitStart === undefined || !q.unit) continue;
    // "12 000 hommes envoyés, dont 500 officiers": a part named after the trigger is not another figure of the whole.
    if (q.partitive && q.start > match.trigger.start && claimLex.subsetClasses.has(frame.units)) continue;
    if (partBefore && q.start < partBefore.start) continue;
    if (q.unitStart < match.span.start - 1 && q.end < match.span.start - 1) continue;
    if (q.unitStart > match.span.end) continue;
    // The number must sit close to the frame: at most a short phrase before its start ("environ 11 000 soldats … se sont déplacés").
    if (q.start < match.span.start && match.span.start - q.end > LOSS_NUMBER_LOOKBACK) continue;
    if (q.end <= match.trigger.start && PART_WITHOUT_NUMBER_RE.test(ctx.folded.slice(q.end, match.trigger.start))) continue;
    if (seen.has(q.value)) continue;
    seen.add(q.value);
    out.push({ quantity: q.value, unit: q.unit, start: q.start });
    taken.add(q.start);
  }
  // "envoyés en Russie à l'automne, puis environ 3 000 en renfort": a figure that goes on from a taken one is taken too.
  for (const q of quantities) {
    if (q.continues === undefined || !taken.has(q.continues) || taken.has(q.start) || q.unitClass !== frame.units || !q.unit) continue;
    if (PART_WITHOUT_NUMBER_RE.test(ctx.folded.slice(match.trigger.end, q.start))) continue;
    taken.add(q.start);
    if (seen.has(q.value)) continue;
    seen.add(q.value);
    out.push({ quantity: q.value, unit: q.unit, start: q.start });
  }
  return out;
}

/** The unit class a frame's figures are of: its `units`, losses for a frame whose unit is its trigger. */
function unitClassOf(match: FrameMatch): string | undefined {
  if (match.relation !== match.frame.relation) return undefined;
  return match.frame.units ?? (match.frame.unitFromTrigger ? 'losses' : undefined);
}

/** The state a counted noun belongs to: a demonym right after it ("conteneurs nord-coréens") or a genitive ("soldats de Pyongyang"). */
function ownerAfter(ctx: SentenceContext, nounEnd: number): SentenceMention | undefined {
  const demonym = ctx.allMentions.find((m) => m.start >= nounEnd && m.start - nounEnd <= OWNER_GAP && m.type === 'Country' && m.demonym);
  return demonym ?? genitiveOwner(ctx, nounEnd);
}

/**
 * Figures no frame took, given to the relation of the sentence whose unit class they are of: "a livré à Y 9 millions
 * d'obus, plus de 100 missiles et quelque 200 pièces d'artillerie", "la présence de troupes … que X estime à 14 000
 * hommes". Each distinct figure becomes its own claim, on the nearest relation of its class (every object of that
 * trigger). Not a part of a figure ("dont 500 officiers"), not a figure past a part without one ("dont une partie"),
 * not troops or arms a demonym or genitive gives to another state than the relation's subject.
 */
function unclaimedFigures(ctx: SentenceContext, matches: readonly FrameMatch[], carried: ReadonlyMap<FrameMatch, FrameQuantity[]>, claimLex: ClaimLexicon): Map<FrameMatch, FrameQuantity[]> {
  const out = new Map<FrameMatch, FrameQuantity[]>();
  const classed = matches.filter((m) => unitClassOf(m) !== undefined);
  if (!classed.length) return out;
  const used = new Set([...carried.values()].flat().map((q) => q.start));
  const quantities = quantitiesIn(ctx, claimLex);
  // "10 000 soldats, dont 8 000 déployés à Y": a part between a figure and the trigger is what the trigger counts.
  const partBetween = (q: QuantityMention, m: FrameMatch) => quantities.some((p) => p.partitive && p.unitClass === q.unitClass && p.start > q.start && p.end <= m.trigger.start);
  for (const q of quantities) {
    if (q.dateLike || !q.unit || !q.unitClass || used.has(q.start)) continue;
    if (q.partitive && claimLex.subsetClasses.has(q.unitClass)) continue;
    const owner = q.unitClass === 'losses' ? undefined : ownerAfter(ctx, q.unitEnd ?? q.end);
    const fitting = classed.filter((m) => {
      if (unitClassOf(m) !== q.unitClass || (owner && owner.entityId !== m.subject.entityId) || partBetween(q, m)) return false;
      const between = q.start < m.trigger.start ? ctx.folded.slice(q.end, m.trigger.start) : ctx.folded.slice(m.trigger.end, q.start);
      return !PART_WITHOUT_NUMBER_RE.test(between);
    });
    if (!fitting.length) continue;
    const distance = (m: FrameMatch) => (q.start >= m.trigger.end ? q.start - m.trigger.end : Math.max(0, m.trigger.start - q.end));
    const nearest = Math.min(...fitting.map(distance));
    const at = fitting.find((m) => distance(m) === nearest)!.trigger.start;
    for (const m of fitting) {
      if (m.trigger.start !== at) continue;
      const list = [...(carried.get(m) ?? []), ...(out.get(m) ?? [])];
      if (list.some((x) => x.quantity === q.value)) continue;
      out.set(m, [...(out.get(m) ?? []), { quantity: q.value, unit: q.unit, start: q.start }]);
    }
    used.add(q.start);
  }
  return out;
}

/**
 * True when `target` is the state `countryId` itself or lies in it: the knowledge
 * base's `country`, or a container the sentence names ("Belgorod, en Russie").
 * False for a place the knowledge base does not locate and the sentence does not either.
 */
function isOwnTerritory(kb: KnowledgeBase, countryId: string, target: string, containers: ReadonlyMap<string, string[]>): boolean {
  if (target === countryId) return true;
  const entry = entryById(kb, target);
  if (entry?.country === countryId) return true;
  return (containers.get(target) ?? []).includes(countryId);
}

/** True when the knowledge base or the sentence says where `target` lies (a country is its own answer). */
function isLocated(kb: KnowledgeBase, target: string, targetType: string | undefined, containers: ReadonlyMap<string, string[]>): boolean {
  if (targetType === 'Country') return true;
  const entry = entryById(kb, target);
  return Boolean(entry?.country) || (containers.get(target) ?? []).length > 0;
}

/** A comma that opens another clause ("en Russie, et une partie …", "en Russie, dont …"); an apposed place ("en Russie, dans la région de X") goes on. */
const SECOND_DESTINATION_STOP_RE = /,(?!\s*(?:dans|en|a|au|pres de|pour|jusqu'a|vers)\s)/;
/** Farthest a second destination may sit after the state it lies in, in characters. */
const SECOND_DESTINATION_REACH = 120;

/**
 * Places of `state` (knowledge base `country`) named after it in the same clause: "en Russie pour aider à
 * reconstruire la région de Koursk" sends the troops to both. A clause stop or another state in between ends the search.
 */
function placesOfStateAfter(ctx: SentenceContext, kb: KnowledgeBase, state: SentenceMention): string[] {
  const lex = getRelationLexicon(kb);
  const out: string[] = [];
  for (const m of ctx.mentions) {
    if (m.start < state.end) continue;
    const between = ctx.folded.slice(state.end, m.start);
    if (m.start - state.end > SECOND_DESTINATION_REACH || lex.clauseStopRe.test(between) || PART_WITHOUT_NUMBER_RE.test(between) || SECOND_DESTINATION_STOP_RE.test(between)) break;
    if (m.type === 'Country' && m.entityId !== state.entityId) break;
    if (m.type !== 'Place') continue;
    if (entryById(kb, m.entityId)?.country === state.entityId) out.push(m.entityId);
  }
  return out;
}

/** True when `placeOrCountry` is the person's own state or lies in it (knowledge base `country`, or the state a role is held at). */
function isHome(kb: KnowledgeBase, personId: string, placeOrCountry: string): boolean {
  const person = entryById(kb, personId);
  const place = entryById(kb, placeOrCountry);
  const home = new Set([person?.country, ...(person?.roles ?? []).map((r) => r.of)].filter((id): id is string => Boolean(id)));
  if (!home.size) return false;
  return home.has(placeOrCountry) || (place?.country !== undefined && home.has(place.country));
}

function nearestDate(ctx: SentenceContext, at: number): string | undefined {
  const dates = datesIn(ctx);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const d of dates) {
    const distance = Math.abs(d.start - at);
    if (distance < bestDistance) {
      best = d.iso;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The parties of one act are of one kind (frames with `partiesAlike`): when a state was found for a
 * trigger, a leader found for the same trigger stands for their state ("Kim … le traité signé avec la Russie").
 */
function alikeParties(ctx: SentenceContext, matches: readonly FrameMatch[]): FrameMatch[] {
  const stateAt = new Set(matches.filter((m) => m.frame.partiesAlike && m.subject.type === 'Country').map((m) => m.trigger.start));
  return matches.map((m) => {
    if (!m.frame.partiesAlike || m.subject.type !== 'Person' || !stateAt.has(m.trigger.start)) return m;
    const country = ctx.ledBy(m.subject.entityId);
    return country ? { ...m, subject: { ...m.subject, entityId: country.entityId, label: country.label, type: 'Country' } } : m;
  });
}

/** "de", "du", "de la", "de l'" between troops and their owner. */
const TROOP_GENITIVE_RE = /^\s*(?:de|du|des|d')\s*(?:la\s+|l')?$/;

/**
 * The state whose troops a noun names through a genitive: "les soldats de Pyongyang", "les combattants de
 * l'Armée populaire de Corée" (the force's state), "les soldats de Kim Jong-un" (the state he leads).
 */
function genitiveOwner(ctx: SentenceContext, troopEnd: number): SentenceMention | undefined {
  const m = ctx.mentions.find((x) => x.start >= troopEnd);
  if (!m || !TROOP_GENITIVE_RE.test(ctx.folded.slice(troopEnd, m.start))) return undefined;
  if (m.type === 'Country') return m;
  const state = m.type === 'Organization' ? ctx.countryOf(m.entityId) : m.type === 'Person' ? ctx.ledBy(m.entityId) : undefined;
  return state ? { ...m, entityId: state.entityId, label: state.label, type: 'Country', demonym: true } : undefined;
}

/** True when genitiveOwner may give `m` (or its state) as the owner of troops named before it. */
function mayOwnTroops(ctx: SentenceContext, m: SentenceMention): boolean {
  if (m.type === 'Country') return true;
  if (m.type === 'Organization') return ctx.countryOf(m.entityId) !== undefined;
  return m.type === 'Person' && ctx.ledBy(m.entityId) !== undefined;
}

/**
 * "X signe avec Y un traité comprenant une clause d'assistance mutuelle": the states that sign a mutual-defence
 * treaty in the sentence (a leader stands for their state) are allies, with the signature's claim.
 */
function alliedSigners(ctx: SentenceContext, matches: readonly FrameMatch[], lex: RelationLexicon): Array<{ a: SentenceMention; b: SentenceMention; match: FrameMatch }> {
  if (!lex.alliedSignersRe.test(ctx.folded)) return [];
  const signers = new Map<string, { state: SentenceMention; match: FrameMatch }>();
  for (const m of matches) {
    // Ratifying states are parties too ("ce traité, ratifié par X et par Y, comprend une clause de défense mutuelle").
    if (m.relation !== 'SIGNED' && !(m.relation === 'RATIFIED' && m.subject.type === 'Country')) continue;
    const state = m.subject.type === 'Country' ? m.subject : (() => {
      const led = ctx.ledBy(m.subject.entityId);
      return led ? { ...m.subject, entityId: led.entityId, label: led.label, type: 'Country' as const } : undefined;
    })();
    if (state && !signers.has(state.entityId)) signers.set(state.entityId, { state, match: m });
  }
  const list = [...signers.values()];
  const out: Array<{ a: SentenceMention; b: SentenceMention; match: FrameMatch }> = [];
  for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) out.push({ a: list[i].state, b: list[j].state, match: list[i].match });
  return out;
}

/** Remembers what this sentence named, for anaphors in the next ones. */
function updateDiscourse(ctx: SentenceContext, matches: readonly FrameMatch[], kb: KnowledgeBase): void {
  const lex = getRelationLexicon(kb);
  const d = ctx.discourse;
  const people = ctx.mentions.filter((m) => m.type === 'Person');
  if (people.length) d.person = people[people.length - 1];
  if (people.length) d.people = [...(d.people ?? []), ...people];
  const places = ctx.mentions.filter((m) => m.type === 'Place');
  if (places.length) d.place = places[places.length - 1];
  const treaties = ctx.mentions.filter((m) => m.type === 'Treaty');
  if (treaties.length) d.treaty = treaties[treaties.length - 1];
  // Troops get an owner only from a demonym or a state (a body of one, its leader) the sentence names: without any,
  // the troop words are not looked for.
  const owners = ctx.allMentions.some((m) => m.type === 'Country' && m.demonym) || ctx.mentions.some((m) => mayOwnTroops(ctx, m));
  for (const troop of owners ? allMatches(lex.troopRe, ctx.folded) : []) {
    const end = troop.index + troop[0].length;
    const owner = ctx.allMentions.find((m) => m.start >= end && m.start - end <= 3 && m.type === 'Country' && m.demonym) ?? genitiveOwner(ctx, end);
    if (owner) d.troopOwner = owner;
  }
  lex.troopRe.lastIndex = 0;
  const fronts: SentenceMention[] = [];
  for (const m of matches) {
    // Only a place this sentence names: an argument the sentence took from the discourse says nothing new.
    const named = ctx.allMentions.some((x) => x.entityId === m.object.entityId && x.start === m.object.start);
    if (named && (m.relation === 'DEPLOYED_TROOPS_TO' || m.relation === 'SUFFERED_LOSSES_IN')) fronts.push(m.object);
    if (m.relation !== 'DEPLOYED_TROOPS_TO') continue;
    d.troopOwner = m.subject;
    if (m.object.type === 'Country') d.destination = m.object;
  }
  // A region or town says more of where the troops are than the state it lies in.
  const front = fronts.filter((f) => f.type === 'Place').pop() ?? fronts.pop();
  if (front) d.front = front;
}

/** The discourse slots frames read (the people list aside), in key order, undefined ones left out as JSON leaves them. */
function slotEntries(discourse: Discourse): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  const slots = discourse as Record<string, unknown>;
  for (const key of Object.keys(slots)) {
    const value = slots[key];
    if (key !== 'people' && value !== undefined) out.push([key, value]);
  }
  return out;
}

/** True when the slots would serialise differently: another key list, or a replaced value with other content. */
function slotsChanged(before: ReadonlyArray<[string, unknown]>, after: ReadonlyArray<[string, unknown]>): boolean {
  if (before.length !== after.length) return true;
  for (let i = 0; i < before.length; i++) {
    if (before[i][0] !== after[i][0]) return true;
    if (before[i][1] !== after[i][1] && !sameJson(before[i][1], after[i][1])) return true;
  }
  return false;
}


/** The items of `list` once each (by identity), in the order of their first occurrence. */
function distinct<T>(list: readonly T[]): T[] {
  const seen = new Set<T>();
  const out: T[] = [];
  for (const item of list) {
    if (seen.has(item)) continue;
    seen.add(item);
    out.push(item);
  }
  return out;
}

/** Appends to `out` the relations of one sentence. */
function relationsOfSentence(ctx: SentenceContext, kb: KnowledgeBase, out: ExtractedRelation[]): void {
  const lex = getRelationLexicon(kb);
  const claimLex = getClaimLexicon(kb);
  const emitted: Emitted[] = [];
  const keys = new Set<string>();
  // `status` and `quantity` are those of relation.claim, handed over by the caller that built it.
  const push = (relation: ExtractedRelation, status: ClaimStatus, quantity: number | undefined) => {
    const key = `${relation.subject}|${relation.type}|${relation.object}|${quantity ?? ''}`;
    if (keys.has(key) || relation.subject === relation.object) return;
    keys.add(key);
    emitted.push({ relation, key, status, quantity });
  };

  const nominal: NominalMatch[] = matchNominal(ctx, kb, lex, ctx.discourse.people);
  const containers = new Map<string, string[]>();
  for (const n of nominal) {
    const objectId = n.object.entityId;
    const objectType = 'type' in n.object ? n.object.type : entryById(kb, objectId)?.type;
    if (!objectType || !fits(n.relation, n.subject.type, objectType)) continue;
    if (n.relation === 'LOCATED_IN') containers.set(n.subject.entityId, [...(containers.get(n.subject.entityId) ?? []), objectId]);
    push({ subject: n.subject.entityId, type: n.relation, object: objectId, claim: baseClaim(ctx, 'asserted'), ...(n.role ? { role: n.role } : {}) }, 'asserted', undefined);
  }

  // Types of the sentence's entities, read only for the relations it emits.
  let types: Map<string, EntityType> | undefined;
  const typeOf = (id: string): EntityType | undefined => (types ??= new Map(ctx.allMentions.map((m) => [m.entityId, m.type]))).get(id);
  let matches = matchFrames(ctx, lex);
  // The people list only serves titles without a name; the anaphors frames read are the other slots.
  const before = slotEntries(ctx.discourse);
  updateDiscourse(ctx, matches, kb);
  // What this sentence just established (whose troops, where they went) also serves its own later clauses.
  // The first reading keeps what the earlier sentences established ("Il a été accueilli par Y": il is the person named before Y).
  if (slotsChanged(before, slotEntries(ctx.discourse))) {
    const again = matchFrames(ctx, lex);
    // Where the troops were, recalled before this sentence was read, is stale once the sentence itself says where they went.
    const recallsWhere = (m: FrameMatch) => m.object.recalled === 'front' || m.object.recalled === 'place';
    const reread = matches.some(recallsWhere) ? new Set(again.map((m) => `${m.frame.id}@${m.trigger.start}`)) : undefined;
    const stale = (m: FrameMatch) => recallsWhere(m) && reread !== undefined && reread.has(`${m.frame.id}@${m.trigger.start}`);
    // A frame whose first reading read no discourse hands the same match objects again: each is kept once (a second
    // reading of the same match only pushes relations the first one pushed).
    matches = distinct([...matches.filter((m) => !stale(m)), ...again]);
  }
  matches = alikeParties(ctx, matches);
  for (const { a, b, match } of alliedSigners(ctx, matches, lex)) matches.push({ ...match, relation: 'ALLIED_WITH', subject: a, object: b });
  const fitting = matches.filter((m) => fits(m.relation, m.subject.type, m.object.type));
  // The source only matters to the claims of relations: a sentence without any is not read for it.
  const attribution = fitting.length ? findAttribution(ctx.text, ctx.mentions, claimLex) : undefined;
  // A state (or its own official) saying what that state does is stating it, not reporting it:
  // "Choe a déclaré que son pays se tiendrait aux côtés de la Russie" is North Korea's own stance.
  const sourceId = attribution ? ctx.mentions.find((m) => m.label === attribution.source)?.entityId : undefined;
  const speaks = (speakerId: string | undefined, subjectId: string) =>
    speakerId !== undefined && (speakerId === subjectId || ctx.countryOf(speakerId)?.entityId === subjectId || ctx.ledBy(speakerId)?.entityId === subjectId);
  // Without a named source, the speaker is the mention right before the last reporting verb ahead of the trigger.
  const speakerBefore = (at: number): string | undefined => {
    // The sentence's reporting verbs, read once for all its relations and their statuses.
    const cues = reportingCues(ctx.text, claimLex);
    let cueAt = -1;
    for (let i = cues.length - 1; i >= 0; i--) {
      if ((cues[i].index ?? 0) < at) {
        cueAt = cues[i].index ?? 0;
        break;
      }
    }
    if (cueAt < 0) return undefined;
    for (let i = ctx.mentions.length - 1; i >= 0; i--) {
      const m = ctx.mentions[i];
      if (m.end <= cueAt && m.type !== 'Place' && m.type !== 'WeaponSystem') return m.entityId;
    }
    return undefined;
  };
  const isOwnSource = (subjectId: string, at: number) => (attribution ? speaks(sourceId, subjectId) : speaks(speakerBefore(at), subjectId));
  const carried = new Map(fitting.map((m) => [m, quantitiesOf(ctx, m, claimLex)]));
  for (const [m, extra] of unclaimedFigures(ctx, fitting, carried, claimLex)) carried.set(m, [...(carried.get(m) ?? []), ...extra]);
  for (const match of fitting) {
    const ownSource = isOwnSource(match.subject.entityId, match.trigger.start);
    const status = classifyStatus(ctx.text, match.trigger, claimLex, ownSource ? undefined : attribution, { ownSource });
    const date = nearestDate(ctx, match.trigger.start);
    // Keys in the order the graph writes them: doc, sentence, quote, status, date, attributedTo.
    const claim: Claim = baseClaim(ctx, status);
    if (date) claim.date = date;
    if (attribution && status !== 'asserted') claim.attributedTo = attribution.source;
    const items = match.frame.items && match.relation === match.frame.relation ? [...new Set(match.weapons.map((w) => w.label))] : [];
    const quantities = carried.get(match) ?? [];
    const objects = [match.object.entityId];
    if (match.frame.toContainer && match.object.type === 'Place') {
      for (const container of containers.get(match.object.entityId) ?? []) {
        const containerType = typeOf(container);
        if (containerType && fits(match.relation, match.subject.type, containerType)) objects.push(container);
      }
    }
    if (match.frame.alsoPlaceIn && match.object.type === 'Country' && !match.object.recalled) {
      for (const place of placesOfStateAfter(ctx, kb, match.object)) if (!objects.includes(place)) objects.push(place);
    }
    for (const object of objects) {
      // Nobody visits their own state; a meeting at home is no visit either; nobody warns their own state.
      const ownState = (match.relation === 'VISITED' || match.relation === 'WARNED') && typeOf(object) === 'Country';
      if ((match.frame.abroadOnly || ownState) && isHome(kb, match.subject.entityId, object)) continue;
      if (quantities.length) {
        for (const q of quantities) push({ subject: match.subject.entityId, type: match.relation, object, claim: withQuantity(claim, q), ...(items.length ? { items } : {}) }, status, q.quantity);
      } else {
        push({ subject: match.subject.entityId, type: match.relation, object, claim, ...(items.length ? { items } : {}) }, status, undefined);
      }
      // "2 000 soldats nord-coréens tués dans la région de Koursk": troops that fell somewhere abroad were deployed there.
      const implied = match.frame.implies;
      if (implied && match.relation === match.frame.relation && fits(implied, match.subject.type, typeOf(object) ?? match.object.type)) {
        const objectType = typeOf(object) ?? match.object.type;
        if (isLocated(kb, object, objectType, containers) && !isOwnTerritory(kb, match.subject.entityId, object, containers)) {
          push({ subject: match.subject.entityId, type: implied, object, claim }, status, undefined);
        }
      }
    }
    if (match.frame.each && match.relation === match.frame.relation) {
      for (const weapon of match.weapons) {
        if (fits(match.frame.each, match.subject.type, weapon.type)) push({ subject: match.subject.entityId, type: match.frame.each, object: weapon.entityId, claim }, status, undefined);
      }
    }
  }
  // A claim with a number makes the bare claim of the same relation, status and sentence redundant;
  // a bare claim of another status ("pourrait envoyer d'autres soldats, en plus des 15 000 déployés") says something else.
  const sameClaim = (e: Emitted) => `${e.relation.subject}|${e.relation.type}|${e.relation.object}|${e.status}`;
  const withNumber = new Set(emitted.filter((e) => e.quantity !== undefined).map(sameClaim));
  for (const e of emitted) if (e.quantity !== undefined || !withNumber.has(sameClaim(e))) out.push(e.relation);
}

/**
 * Every relation stated in an article, one per (subject, type, object,
 * quantity) and sentence, each with its claim. Never throws on any text or
 * mention list: what cannot be read is skipped. Throws only when the
 * knowledge base lacks or garbles a lexicon file (naming it).
 */
export function findRelations(article: Article, mentions: Mention[], entities: EntityRecord[], kb: KnowledgeBase): ExtractedRelation[] {
  getRelationLexicon(kb);
  getClaimLexicon(kb);
  const out: ExtractedRelation[] = [];
  for (const ctx of buildSentenceContexts(article, mentions, entities, kb)) relationsOfSentence(ctx, kb, out);
  return out;
}

export type { SentenceMention };
