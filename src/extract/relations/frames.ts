import type { EntityType, RelationType } from '../../ontology';
import { RELATION_SIGNATURES } from '../../ontology';
import type { SentenceMention } from '../claims';
import type { Anchors, Span } from './args';
import type { DiscourseRead } from './args';
import { findArgument, findPair, takeDiscourseReads } from './args';
import type { Discourse, SentenceContext } from './context';
import { sameJson } from './context';
import type { CompiledFrame, RelationLexicon } from './lexicon';
import { triggerStarts } from './prefilter';

/** One firing of a frame in a sentence: who did what to whom, and where its words sit. */
export interface FrameMatch {
  frame: CompiledFrame;
  relation: RelationType;
  subject: SentenceMention;
  object: SentenceMention;
  trigger: Span;
  /** From the trigger to the farthest word the frame used (theme window, object): quantities inside belong to it. */
  span: Span;
  /** WeaponSystem mentions of the theme window. */
  weapons: SentenceMention[];
}

interface Theme {
  span?: Span;
  /** End of the window the theme was looked for in, right of the trigger. */
  windowEnd: number;
  weapons: SentenceMention[];
}

/** What may sit between a weapon category and the named system it introduces ("missiles balistiques KN-23", "un missile intercontinental, le Hwasong-19", "des drones de type Shahed"). */
const CATEGORY_TO_NAME_RE = /^\s*(?:,\s*(?:le|la|les|l')\s*|(?:de|du) type\s+|baptise\w*\s+|appele\w*\s+|nomme\w*\s+)?$/;

/** The named system a weapon category introduces, when one follows it directly. */
export function namedAfterCategory(ctx: SentenceContext, weapon: SentenceMention): SentenceMention | undefined {
  if (weapon.type !== 'WeaponSystem' || !/^[a-zà-ÿ]/.test(weapon.surface)) return undefined;
  const next = ctx.mentions.find((m) => m.start >= weapon.end);
  if (!next || next.type !== 'WeaponSystem' || !/^[A-ZÀ-Ý0-9]/.test(next.surface)) return undefined;
  return CATEGORY_TO_NAME_RE.test(ctx.folded.slice(weapon.end, next.start)) ? next : undefined;
}

/** Weapon mentions with each category that introduces a named system left out: the text supplies or fires the named one. */
function namedOverCategories(ctx: SentenceContext, weapons: SentenceMention[]): SentenceMention[] {
  return weapons.filter((w) => !namedAfterCategory(ctx, w));
}

/** A clause opened by "dont" right after a comma: it belongs to the noun phrase before the comma. */
const RELATIVE_AFTER_COMMA_RE = /^\s*dont\b/;

/** Every match of `re` in `text`, as spans shifted by `offset`, leaving out those inside a name ("les Forces armées X" names a body, not troops). */
function themeMatches(ctx: SentenceContext, re: RegExp, text: string, offset: number, firstOnly = false): Span[] {
  const spans: Span[] = [];
  // The matches of a global scan from the start, one at a time: a first match needs no more of them.
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    const span = { start: offset + m.index, end: offset + m.index + m[0].length };
    if (!insideName(ctx, span)) {
      spans.push(span);
      if (firstOnly) break;
    }
  }
  re.lastIndex = 0;
  return spans;
}

/** True when a capitalised mention holds the span. */
function insideName(ctx: SentenceContext, span: Span): boolean {
  for (const n of ctx.mentions) if (n.start <= span.start && span.end <= n.end && CAPITALISED_RE.test(n.surface)) return true;
  return false;
}
const CAPITALISED_RE = /^[A-ZÀ-Ý]/;

function firstMatch(ctx: SentenceContext, re: RegExp, text: string, offset: number): Span | undefined {
  return themeMatches(ctx, re, text, offset, true)[0];
}

function lastMatch(ctx: SentenceContext, re: RegExp, text: string, offset: number): Span | undefined {
  return themeMatches(ctx, re, text, offset).pop();
}

/**
 * Where the theme window right of a trigger ends. A stop word right after the
 * trigger is an inserted adverbial ("obtenir en échange des technologies"), not a boundary.
 */
function themeStopIn(rightText: string, lex: RelationLexicon): number | undefined {
  const re = lex.themeStopRe;
  // The matches of a global scan from where the RegExp stands (as matchAll reads them), one at a time; it is left there.
  const from = re.lastIndex;
  let stop: number | undefined;
  for (let m = re.exec(rightText); m !== null; m = re.exec(rightText)) {
    if (m[0].length === 0) re.lastIndex++;
    const index = m.index;
    if (LEADING_SPACE_RE.test(rightText.slice(0, index)) && LOWER_START_RE.test(m[0])) continue;
    // A decimal comma ("1,5 million d'obus") is part of a number, not a boundary.
    if (m[0].startsWith(',') && DIGIT_END_RE.test(rightText.slice(0, index)) && DIGIT_START_RE.test(rightText.slice(index + 1))) continue;
    stop = index;
    break;
  }
  re.lastIndex = from;
  return stop;
}
const LEADING_SPACE_RE = /^\s*$/;
const LOWER_START_RE = /^[a-z]/;
const DIGIT_END_RE = /\d$/;
const DIGIT_START_RE = /^\d/;

/** The theme of a trigger (the troops, weapons, technology it is about), searched within the frame's window. */
function findTheme(ctx: SentenceContext, frame: CompiledFrame, trigger: Span, lex: RelationLexicon): Theme {
  const spec = frame.theme;
  const rightText = ctx.folded.slice(trigger.end, trigger.end + (spec?.maxChars ?? 120));
  const stop = themeStopIn(rightText, lex);
  const windowEnd = trigger.end + (stop ?? rightText.length);
  const weapons = namedOverCategories(ctx, ctx.mentions.filter((m) => m.type === 'WeaponSystem' && m.start >= trigger.end && m.end <= windowEnd));
  if (!spec) return { span: undefined, windowEnd, weapons };
  const candidates: Span[] = [];
  const right = ctx.folded.slice(trigger.end, windowEnd);
  if (spec.side !== 'left') {
    for (const re of frame.themeRes) {
      const m = firstMatch(ctx, re, right, trigger.end);
      if (m) candidates.push(m);
    }
    if (spec.weapons && weapons.length) candidates.push(weapons[0]);
  }
  if (spec.side !== 'right') {
    const leftStart = Math.max(0, trigger.start - spec.maxChars);
    let leftText = ctx.folded.slice(leftStart, trigger.start);
    let cut = Math.max(leftText.lastIndexOf(';'), leftText.lastIndexOf(','));
    // "10 000 soldats, dont 8 000 ont été déployés": a relative after the comma still speaks of the noun before it.
    if (cut >= 0 && RELATIVE_AFTER_COMMA_RE.test(leftText.slice(cut + 1))) {
      const before = leftText.slice(0, cut);
      cut = Math.max(before.lastIndexOf(';'), before.lastIndexOf(','));
    }
    const from = cut >= 0 ? leftStart + cut + 1 : leftStart;
    leftText = ctx.folded.slice(from, trigger.start);
    for (const re of frame.themeRes) {
      const m = lastMatch(ctx, re, leftText, from);
      if (m) candidates.push(m);
    }
  }
  const distance = (s: Span) => (s.start >= trigger.end ? s.start - trigger.end : trigger.start - s.end);
  const span = candidates.sort((a, b) => distance(a) - distance(b))[0];
  return { span, windowEnd, weapons };
}

function allowed(relation: RelationType, role: 'subject' | 'object'): readonly EntityType[] {
  return RELATION_SIGNATURES[relation][role];
}

/**
 * Where each frame's triggers can start in the sentence read last, by its folded text (a sentence is matched twice in
 * a row: once more after its discourse update). One entry: the answer depends on the text and lexicon only.
 */
let lastStarts: { ctx: SentenceContext; folded: string; lex: RelationLexicon; starts: Array<number[] | undefined> } | undefined;
function triggerStartsIn(ctx: SentenceContext, lex: RelationLexicon): Array<number[] | undefined> {
  if (lastStarts && lastStarts.ctx === ctx && lastStarts.folded === ctx.folded && lastStarts.lex === lex) return lastStarts.starts;
  const starts = triggerStarts(lex.triggerIndex, ctx.folded);
  lastStarts = { ctx, folded: ctx.folded, lex, starts };
  return starts;
}

/** Sticky copies of the trigger RegExps, to try them at one position. */
const stickyCache = new WeakMap<RegExp, RegExp>();
function stickyOf(re: RegExp): RegExp {
  let sticky = stickyCache.get(re);
  if (!sticky) {
    sticky = new RegExp(re.source, `${re.flags.replace(/[gy]/g, '')}y`);
    stickyCache.set(re, sticky);
  }
  return sticky;
}

/** Every match of a global trigger RegExp, as matchAll gives them, without its per-call copy of the RegExp. */
function triggerHits(text: string, re: RegExp): RegExpExecArray[] {
  const hits: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let hit = re.exec(text); hit !== null; hit = re.exec(text)) {
    hits.push(hit);
    if (hit[0].length === 0) re.lastIndex++;
  }
  re.lastIndex = 0;
  return hits;
}

/**
 * The same matches as triggerHits, tried only at the positions where a match can start (sorted): the leftmost
 * of them that matches is where a scan from the cursor would have matched, since no other position can.
 */
function triggerHitsAt(text: string, re: RegExp, starts: readonly number[]): RegExpExecArray[] {
  const hits: RegExpExecArray[] = [];
  const sticky = stickyOf(re);
  let cursor = 0;
  for (const at of starts) {
    if (at < cursor) continue;
    sticky.lastIndex = at;
    const hit = sticky.exec(text);
    if (!hit) continue;
    hits.push(hit);
    cursor = at + Math.max(1, hit[0].length);
  }
  sticky.lastIndex = 0;
  return hits;
}

/** One frame's matches in a sentence, and the discourse slots finding them read (with the values read). */
interface FrameResult {
  matches: FrameMatch[];
  reads: readonly DiscourseRead[];
}

/**
 * True when the discourse still holds what a reading found there: the same value, or one of the same content (the
 * matches built from it would be equal). The people list is compared as a list: a new one is a change.
 */
function stillRead(read: DiscourseRead, discourse: Discourse): boolean {
  const now = discourse[read.slot];
  if (now === read.value) return true;
  return read.slot !== 'people' && sameJson(read.value, now);
}

/** The last reading of the sentence read last, frame by frame (its second reading follows it directly; any other is read in full). */
let lastPass: { ctx: SentenceContext; lex: RelationLexicon; folded: string; frames: Array<FrameResult | undefined> } | undefined;

/**
 * Runs every frame of the lexicon over one sentence. A sentence is read again once its discourse is updated:
 * a frame whose first reading consulted no discourse slot, or only slots whose content the update left as it was,
 * finds the same matches, and they are taken over instead of searched again.
 */
export function matchFrames(ctx: SentenceContext, lex: RelationLexicon): FrameMatch[] {
  const matches: FrameMatch[] = [];
  const earlier = lastPass && lastPass.ctx === ctx && lastPass.lex === lex && lastPass.folded === ctx.folded ? lastPass.frames : undefined;
  const frames: Array<FrameResult | undefined> = [];
  const starts = triggerStartsIn(ctx, lex);
  for (let f = 0; f < lex.frames.length; f++) {
    // Frames none of whose triggers can open on a word of the sentence find nothing there.
    const at = starts[f];
    if (at && at.length === 0) continue;
    const prior = earlier?.[f];
    if (prior && prior.reads.every((read) => stillRead(read, ctx.discourse))) {
      frames[f] = prior;
      matches.push(...prior.matches);
      continue;
    }
    takeDiscourseReads();
    const found = frameMatches(ctx, lex.frames[f], at, lex);
    frames[f] = { matches: found, reads: takeDiscourseReads() };
    matches.push(...found);
  }
  lastPass = { ctx, lex, folded: ctx.folded, frames };
  return matches;
}

/** One frame over one sentence; `at`: where its triggers can start (undefined: anywhere). */
function frameMatches(ctx: SentenceContext, frame: CompiledFrame, at: readonly number[] | undefined, lex: RelationLexicon): FrameMatch[] {
  const matches: FrameMatch[] = [];
  const hits = at ? triggerHitsAt(ctx.folded, frame.triggerRe, at) : triggerHits(ctx.folded, frame.triggerRe);
  for (const hit of hits) {
    const trigger = { start: hit.index, end: hit.index + hit[0].length };
    // A trigger inside a mention ("Forces armées", "Conseil de sécurité") is a name, not a predicate.
    // Treaty names are the exception: "le pacte de défense mutuelle" both names the treaty and states the alliance.
    if (ctx.mentions.some((m) => m.type !== 'Treaty' && m.start <= trigger.start && trigger.end <= m.end)) continue;
    if (frame.requireBeforeRe && !frame.requireBeforeRe.test(ctx.folded.slice(0, trigger.start))) continue;
    const theme = findTheme(ctx, frame, trigger, lex);
    if (frame.theme?.required && !theme.span) continue;
    const windowText = ctx.folded.slice(Math.min(trigger.start, theme.span?.start ?? trigger.start), Math.max(theme.windowEnd, theme.span?.end ?? 0));
    if (frame.requireRe && !frame.requireRe.test(windowText)) continue;
    // An excluded word only voids the frame before its theme: "fournit des obus, du pétrole et un savoir-faire" still supplies arms.
    const excludeEnd = theme.span && theme.span.start > trigger.start ? theme.span.start : theme.windowEnd;
    if (frame.excludeRe && frame.excludeRe.test(ctx.folded.slice(trigger.start, excludeEnd))) continue;
    matches.push(...argumentsOf(ctx, frame, trigger, theme, lex));
  }
  return matches;
}

/** The smallest span holding every given one. */
function spanOf(first: Span, second?: Span, third?: Span, fourth?: Span): Span {
  const span = { start: first.start, end: first.end };
  if (second) widen(span, second);
  if (third) widen(span, third);
  if (fourth) widen(span, fourth);
  return span;
}

function widen(span: Span, by: Span): void {
  if (by.start < span.start) span.start = by.start;
  if (by.end > span.end) span.end = by.end;
}

function argumentsOf(ctx: SentenceContext, frame: CompiledFrame, trigger: Span, theme: Theme, lex: RelationLexicon): FrameMatch[] {
  const relation = frame.relation;
  const out: FrameMatch[] = [];
  if (frame.pair) {
    const group = findPair(ctx, frame.pair, allowed(relation, 'subject'), trigger, lex);
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        out.push({ frame, relation, subject: group[i], object: group[j], trigger, span: spanOf(trigger, group[i], group[j]), weapons: [] });
      }
    }
    return out;
  }
  const anchors: Anchors = { trigger, theme: theme.span };
  const objects = findArgument(ctx, frame.object ?? [], allowed(relation, 'object'), anchors, lex, 'object').map((o) => namedAfterCategory(ctx, o) ?? o);
  if (objects.length) anchors.object = objects[0];
  const weapons = frame.each || frame.items ? theme.weapons : [];
  // Without an object (nor weapons an `each` frame gives its subject), no subject makes a match: none is looked for.
  // A first reading that skips it stays valid for the second: the object search alone decides, and it counts its own discourse reads.
  if (!objects.length && !(frame.each && weapons.length)) return out;
  const subjects = findArgument(ctx, frame.subject ?? [], allowed(relation, 'subject'), anchors, lex);
  const windowSpan = { start: trigger.start, end: theme.windowEnd };
  for (const subject of subjects) {
    for (const object of objects) {
      if (subject.entityId === object.entityId) continue;
      out.push({ frame, relation, subject, object, trigger, span: spanOf(trigger, theme.span, object, weapons.length || frame.units ? windowSpan : undefined), weapons });
    }
    if (frame.each && !objects.length && weapons.length) {
      // "X a livré des obus" names no recipient but still says X supplies that weapon.
      for (const weapon of weapons) out.push({ frame, relation: frame.each, subject, object: weapon, trigger, span: spanOf(trigger, theme.span), weapons });
    }
  }
  return out;
}
