import { z } from 'zod';
import { ENTITY_TYPES, RELATION_TYPES } from '../../ontology';
import type { RelationType } from '../../ontology';
import { alternation, fold, foldPattern, WORD_END, WORD_START } from '../claims';
import type { KnowledgeBase } from '../kb';
import { KnowledgeFileError } from '../knowledge';
import type { TriggerIndex } from './prefilter';
import { alternatives, buildTriggerIndex } from './prefilter';

/** How one argument of a frame is looked for, relative to the trigger (see triggers.json). */
const ArgStrategySchema = z.object({
  /**
   * left: nearest mention before the anchor; right: first mention after it whose lead-in ends with one of `preps`
   * ("" = no preposition); demonymOf: a demonym right after the anchor ("soldats nord-coréens"); nearest: either side;
   * between / group / leftWith: the two ends of a symmetric relation ("entre X et Y", "X-Y", "X … avec Y").
   */
  kind: z.enum(['left', 'right', 'demonymOf', 'nearest', 'between', 'group', 'leftWith', 'discourse', 'speakerState', 'bothNamed']),
  /** discourse: what the article said last (a country's troops, a person, a place, a deployment's destination, where its troops last were). */
  slot: z.enum(['troopOwner', 'person', 'place', 'destination', 'front', 'treaty']).optional(),
  /** bothNamed: "les deux dirigeants" near the trigger stands for the last two people the article named (cue required). */
  /** discourse: an anaphor that must sit near the trigger ('ces troupes', 'd'entre eux', 'cette région'); speakerState: the phrase that stands for the speaker's state, right before the anchor ('son pays'). */
  cue: z.string().optional(),
  /** discourse: only when the sentence names nothing of an allowed type after the anchor (the text leaves the argument implicit). */
  unnamedAfter: z.boolean().optional(),
  /** demonymOf: also accept a named state after 'de' ('les soldats de Pyongyang'). */
  genitive: z.boolean().optional(),
  /** left: skip mentions governed by a preposition ("à la Russie" cannot be a subject). */
  bare: z.boolean().optional(),
  preps: z.array(z.string()).optional(),
  /** Words besides fillers allowed between the preposition (or anchor) and the mention. Default 0. */
  gapWords: z.number().int().nonnegative().optional(),
  /** Patterns the search may not cross. */
  stop: z.array(z.string()).optional(),
  /** Farthest distance in characters from the anchor. */
  maxChars: z.number().int().positive().optional(),
  /** Accept a demonym adjective as the argument ("contre les positions russes"). */
  allowDemonym: z.boolean().optional(),
  /** Accept a demonym written as a capitalised noun, which names people of that state ("1 000 Nord-Coréens ont été tués"). */
  allowDemonymNoun: z.boolean().optional(),
  /** left/right: a pattern that must occur between the mention and the anchor ("dont": "… tués à Y, dont 600 morts"). */
  within: z.string().optional(),
  /** What the search starts from. Default trigger. */
  anchor: z.enum(['trigger', 'theme', 'object']).optional(),
  /** group: which side of the trigger. */
  side: z.enum(['left', 'right']).optional(),
  /** group: leaders in the group stand for their states ("le traité signé par Poutine et Kim prévoyait une assistance mutuelle"). */
  leadersAsStates: z.boolean().optional(),
  /** right: the text after the mention must match ("de l'Ukraine par la Russie"). */
  requireAfter: z.string().optional(),
  types: z.array(z.enum(ENTITY_TYPES)).optional(),
});
export type ArgStrategy = z.infer<typeof ArgStrategySchema>;

const FrameSchema = z.object({
  id: z.string(),
  relation: z.enum(RELATION_TYPES),
  note: z.string().optional(),
  triggers: z.array(z.string()).min(1),
  theme: z
    .object({
      classes: z.array(z.string()).default([]),
      /** WeaponSystem mentions count as the theme. */
      weapons: z.boolean().optional(),
      side: z.enum(['left', 'right', 'either']).default('right'),
      maxChars: z.number().int().positive().default(120),
      required: z.boolean().default(true),
    })
    .optional(),
  /** A pattern that must occur in the theme window. */
  require: z.string().optional(),
  /** A pattern that voids the frame when it occurs in the window right of the trigger. */
  exclude: z.string().optional(),
  /** A pattern that must occur in the sentence before the trigger (an ellipsis "suivie par Y" needs the verb it repeats). */
  requireBefore: z.string().optional(),
  subject: z.array(ArgStrategySchema).optional(),
  object: z.array(ArgStrategySchema).optional(),
  /** Symmetric frames: one strategy list giving both ends. */
  pair: z.array(ArgStrategySchema).optional(),
  /** Unit class (units.json) of the quantities this frame carries. */
  units: z.string().optional(),
  /** The unit is the trigger itself (tués, blessés …), and the number is the nearest one before it. */
  unitFromTrigger: z.boolean().optional(),
  /** With unitFromTrigger: the number follows the trigger instead ("a capturé deux soldats", "ont tué 300 militaires"). */
  numberAfter: z.boolean().optional(),
  /** Also emit this relation, without quantity, from the subject to the object when the object is not the subject's own territory (losses at a place abroad: its troops were there). */
  implies: z.enum(RELATION_TYPES).optional(),
  /** Also emit this relation from the subject to each weapon of the theme window (SUPPLIED). */
  each: z.enum(RELATION_TYPES).optional(),
  /** Record the weapons of the theme window as `items`. */
  items: z.boolean().optional(),
  /** A state object also yields the relation to a place of that state the same clause names after it ("en Russie pour aider à reconstruire la région de Koursk"). */
  alsoPlaceIn: z.boolean().optional(),
  /** A place object also yields the relation to what the sentence says contains it. */
  toContainer: z.boolean().optional(),
  /** VISITED read from a meeting or a reception: dropped when the place is in the traveller's own state (knowledge base). */
  abroadOnly: z.boolean().optional(),
  /** The parties of one act are of one kind: when another frame on the same trigger found a state, a leader found here stands for their state ("le traité signé avec la Russie": Kim's side is North Korea). */
  partiesAlike: z.boolean().optional(),
});
export type Frame = z.infer<typeof FrameSchema>;

export const TriggersLexiconSchema = z.object({
  version: z.number().int(),
  note: z.string().optional(),
  fillers: z.array(z.string()),
  prepositions: z.array(z.string()),
  placeHeads: z.array(z.string()),
  coordinators: z.array(z.string()),
  themeStop: z.string(),
  clauseStop: z.string(),
  themes: z.record(z.string(), z.array(z.string())),
  frames: z.array(FrameSchema),
  titles: z.array(
    z.object({
      title: z.string(),
      leads: z.boolean().optional(),
      /** "homologue": the person holds the post of the other titled person of the sentence. */
      counterpart: z.boolean().optional(),
      note: z.string().optional(),
    }),
  ),
  /** A treaty's mutual-defence content ("clause d'assistance mutuelle"): in a sentence where states (or their leaders) sign it, they become allies. */
  alliedSigners: z.string().optional(),
  /**
   * "un mécanisme créé par onze pays, dont X, Y et Z": a count of states (`group`) followed by "dont" and a list,
   * tied by a creation verb (`creation`, within `reach` characters) to a body: the listed states are its members.
   */
  foundingMembers: z.object({ note: z.string().optional(), group: z.string(), creation: z.string(), reach: z.number().int().positive() }).optional(),
  /** Nouns for a state's power ("le régime de", "le gouvernement de", "les autorités de"): the state after their "de" is the actor, not governed by a preposition. */
  governmentHeads: z.array(z.string()).optional(),
  /** Words that qualify a title without changing the post ("adjointe", "par intérim"); dropped before the lookup. */
  titleModifiers: z.array(z.string()).optional(),
  /** A clause that may end a title span and names where the post is exercised ("auprès de l'ONU"). */
  titleTail: z.string().optional(),
  partOf: z.object({ note: z.string().optional(), maxGapWords: z.number().int().nonnegative(), fromKnowledgeBase: z.boolean(), kbKinds: z.string() }),
  locatedIn: z.object({
    note: z.string().optional(),
    patterns: z.array(
      z.object({
        between: z.string(),
        order: z.enum(['placeFirst', 'countryFirst']),
        countryDemonym: z.boolean().optional(),
        placeHeadBefore: z.boolean().optional(),
        after: z.string().optional(),
        /** A pattern the text before the first of the two must end with ("dans la région de Koursk en Russie": a place after "dans", not "de"). */
        before: z.string().optional(),
      }),
    ),
  }),
});
export type TriggersLexicon = z.infer<typeof TriggersLexiconSchema>;

/** A frame with its patterns compiled. */
export interface CompiledFrame extends Frame {
  triggerRe: RegExp;
  themeRes: RegExp[];
  requireRe?: RegExp;
  excludeRe?: RegExp;
  requireBeforeRe?: RegExp;
}

export interface RelationLexicon {
  frames: CompiledFrame[];
  /** The frames' trigger openings, to skip frames that cannot fire in a sentence (prefilter.ts). */
  triggerIndex: TriggerIndex;
  /** Removes filler words (articles, determiners, light adverbs) from a folded snippet. */
  fillerRe: RegExp;
  placeHeadRe: RegExp;
  /** A folded snippet ending with a preposition (and optional article): the next mention is governed by it. */
  prepEndRe: RegExp;
  coordinators: Set<string>;
  /** Every word (run of word characters) of the fillers and coordinators: a gap holding another word, other than a preposition, coordinates nothing. */
  separatorWords: ReadonlySet<string>;
  themeStopRe: RegExp;
  clauseStopRe: RegExp;
  titles: Array<{ title: string; folded: string; leads: boolean; counterpart?: boolean }>;
  /** Folded title → title, for exact lookups. */
  titleByFolded: Map<string, { title: string; folded: string; leads: boolean; counterpart?: boolean }>;
  titleModifierRe: RegExp;
  /**
   * First words (runs of word characters) that open a folded title, and the folded modifiers by the word they open
   * with, and the one-word titles by first letter: a title key read at a word that opens no title, does not start with
   * a one-word title, and where no modifier stands, cannot be a title (nominal.ts).
   * Undefined when a modifier is a pattern rather than plain words, or a title is empty: then every position is read in full.
   */
  titleOpenings?: { titles: ReadonlySet<string>; modifiers: ReadonlyMap<string, readonly string[]>; oneWordTitles: ReadonlyMap<string, readonly string[]> };
  alliedSignersRe: RegExp;
  /** A folded snippet ending with a government noun and its "de" ("le regime de "): the next mention acts. */
  governmentEndRe: RegExp;
  titleTailRe: RegExp;
  /** Founding-member lists (see the schema); never matching when the file has none. */
  /** `dontOnly`: every groupRe match holds the word "dont" (the group pattern has no top-level alternative that escapes it). */
  foundingMembers: { groupRe: RegExp; creationRe: RegExp; reach: number; dontOnly: boolean };
  partOf: TriggersLexicon['partOf'] & { kbKindsRe: RegExp };
  locatedIn: Array<{ betweenRe: RegExp; order: 'placeFirst' | 'countryFirst'; countryDemonym: boolean; afterRe?: RegExp; beforeRe?: RegExp }>;
  relationTypes: readonly RelationType[];
  /** Nouns for troops (theme class "troops"): a demonym after one names whose troops they are. */
  troopRe: RegExp;
}

const cache = new WeakMap<KnowledgeBase, RelationLexicon>();

/** The run of word characters (as WORD_START and WORD_END see them) that opens `text`. */
export function openingWord(text: string, from = 0, to = text.length): string {
  let end = from;
  while (end < to && WORD_CHAR_RE.test(text[end])) end++;
  return text.slice(from, end);
}
const WORD_CHAR_RE = /[a-z0-9œæ]/;
const WORD_RUN_RE = /[a-z0-9œæ]+/g;
/** A modifier made of plain words only: its regex matches exactly its folded text. */
const PLAIN_WORDS_RE = /^[a-z0-9œæ' -]+$/;

function titleOpenings(titles: ReadonlyArray<{ folded: string }>, modifiers: readonly string[]): RelationLexicon['titleOpenings'] {
  const folded = modifiers.map(foldPattern);
  if (folded.some((m) => !PLAIN_WORDS_RE.test(m)) || titles.some((t) => t.folded === '')) return undefined;
  const byOpening = new Map<string, string[]>();
  for (const m of folded) {
    const list = byOpening.get(openingWord(m)) ?? [];
    if (!list.includes(m)) list.push(m);
    byOpening.set(openingWord(m), list);
  }
  // Titles of one word, by their first letter: the title tail (not word-guarded) may cut a word down to one of them.
  const oneWordTitles = new Map<string, string[]>();
  for (const t of titles) {
    if (openingWord(t.folded) !== t.folded) continue;
    const list = oneWordTitles.get(t.folded[0]) ?? [];
    list.push(t.folded);
    oneWordTitles.set(t.folded[0], list);
  }
  return { titles: new Set(titles.map((t) => openingWord(t.folded))), modifiers: byOpening, oneWordTitles };
}

/** Every key a frame, its theme and its strategies may have, in one order (see sameShape). */
const FRAME_KEYS = Object.keys(FrameSchema.shape) as Array<keyof Frame>;
const THEME_KEYS = Object.keys(FrameSchema.shape.theme.unwrap().shape) as Array<keyof NonNullable<Frame['theme']>>;
export const STRATEGY_KEYS = Object.keys(ArgStrategySchema.shape) as Array<keyof ArgStrategy>;

/**
 * A copy of a parsed lexicon object holding every key of its schema (absent ones undefined), in the schema's order.
 * The matchers read frames and strategies of many kinds at the same places: objects of one shape keep those reads fast.
 */
export function sameShape<T extends object>(value: T, keys: ReadonlyArray<keyof T>): T {
  const out = {} as T;
  for (const key of keys) out[key] = value[key];
  return out;
}

function compile(pattern: string, flags = ''): RegExp {
  return new RegExp(foldPattern(pattern), flags);
}

/** Validates triggers.json and compiles its patterns. Throws naming the file and the first problem. */
export function compileRelationLexicon(kb: KnowledgeBase): RelationLexicon {
  const raw = kb.lexicons.triggers;
  const file = `${kb.dir}/triggers.json`;
  if (raw === undefined) throw new KnowledgeFileError(`newsgraph relations: ${file} is missing`);
  const parsed = TriggersLexiconSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new KnowledgeFileError(`newsgraph relations: ${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  const lex = parsed.data;
  const articles = '(?:le|la|les|l\'|un|une|des|du|de la|de l\'|d\'|son|sa|ses|leur|leurs|ce|cette|ces)';
  const frames = lex.frames.map((parsedFrame): CompiledFrame => {
    const frame = sameShape(parsedFrame, FRAME_KEYS);
    if (frame.theme) frame.theme = sameShape(frame.theme, THEME_KEYS);
    for (const side of ['subject', 'object', 'pair'] as const) {
      const strategies = frame[side];
      if (strategies) frame[side] = strategies.map((strategy) => sameShape(strategy, STRATEGY_KEYS));
    }
    try {
      // Built field by field in one order (not spread): every compiled frame gets the same hidden class.
      const compiled = frame as CompiledFrame;
      compiled.triggerRe = alternation(frame.triggers);
      compiled.themeRes = (frame.theme?.classes ?? []).map((c) => {
        const cues = lex.themes[c];
        if (!cues) throw new Error(`unknown theme class "${c}"`);
        return alternation(cues);
      });
      compiled.requireRe = frame.require ? compile(frame.require) : undefined;
      compiled.excludeRe = frame.exclude ? compile(frame.exclude) : undefined;
      compiled.requireBeforeRe = frame.requireBefore ? compile(frame.requireBefore) : undefined;
      return compiled;
    } catch (error) {
      throw new KnowledgeFileError(`newsgraph relations: ${file}: frame "${frame.id}": ${(error as Error).message}`);
    }
  });
  const preps = [...lex.prepositions].map(foldPattern).sort((a, b) => b.length - a.length);
  const titles = lex.titles
    .map((t) => ({ title: t.title, folded: fold(t.title), leads: t.leads ?? false, ...(t.counterpart ? { counterpart: true } : {}) }))
    .sort((a, b) => b.folded.length - a.folded.length);
  return {
    frames,
    triggerIndex: buildTriggerIndex(frames.map((f) => f.triggerRe)),
    fillerRe: alternation([...lex.fillers, '«', '»', '"'].map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))),
    placeHeadRe: alternation(lex.placeHeads.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))),
    prepEndRe: new RegExp(`${WORD_START}(?:${preps.join('|')})\\s*(?:${articles}\\s*)?$`),
    coordinators: new Set(lex.coordinators.map((c) => fold(c).replace(/\s+/g, ' ').trim())),
    separatorWords: new Set([...lex.fillers.map(foldPattern), ...lex.coordinators.map((c) => fold(c))].flatMap((text) => text.match(WORD_RUN_RE) ?? [])),
    themeStopRe: compile(lex.themeStop, 'g'),
    clauseStopRe: compile(lex.clauseStop),
    titles,
    titleByFolded: new Map(titles.map((t) => [t.folded, t])),
    titleModifierRe: alternation(lex.titleModifiers ?? []),
    titleOpenings: titleOpenings(titles, lex.titleModifiers ?? []),
    alliedSignersRe: lex.alliedSigners ? compile(lex.alliedSigners) : /(?!)/,
    governmentEndRe: (lex.governmentHeads ?? []).length
      ? new RegExp(`${WORD_START}(?:${(lex.governmentHeads ?? []).map(foldPattern).join('|')})\\s+(?:de\\s+(?:la\\s+|l')?|du\\s+|d')\\s*$`)
      : /(?!)/,
    titleTailRe: lex.titleTail ? new RegExp(`${foldPattern(lex.titleTail)}$`) : /(?!)/,
    foundingMembers: lex.foundingMembers
      ? {
          groupRe: new RegExp(`${WORD_START}${foldPattern(lex.foundingMembers.group)}\\s*(?:,|—|–|-|\\()?\\s*dont${WORD_END}`, 'g'),
          creationRe: new RegExp(`${WORD_START}(?:${foldPattern(lex.foundingMembers.creation)})${WORD_END}`, 'g'),
          reach: lex.foundingMembers.reach,
          dontOnly: alternatives(foldPattern(lex.foundingMembers.group))?.length === 1,
        }
      : { groupRe: /(?!)/g, creationRe: /(?!)/g, reach: 0, dontOnly: true },
    partOf: { ...lex.partOf, kbKindsRe: compile(lex.partOf.kbKinds) },
    locatedIn: lex.locatedIn.patterns.map((p) => ({
      betweenRe: compile(p.between),
      order: p.order,
      countryDemonym: p.countryDemonym ?? false,
      afterRe: p.after ? compile(p.after) : undefined,
      beforeRe: p.before ? new RegExp(`${foldPattern(p.before)}$`) : undefined,
    })),
    relationTypes: RELATION_TYPES,
    troopRe: alternation(lex.themes.troops ?? []),
  };
}

/** The relation lexicon of a knowledge base, compiled once. */
export function getRelationLexicon(kb: KnowledgeBase): RelationLexicon {
  let lexicon = cache.get(kb);
  if (!lexicon) {
    lexicon = compileRelationLexicon(kb);
    cache.set(kb, lexicon);
  }
  return lexicon;
}

export { WORD_END, WORD_START };
