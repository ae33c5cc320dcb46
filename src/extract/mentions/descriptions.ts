/**
 * Unnamed definite descriptions: "le président russe", "le ministre
 * sud-coréen de la Défense", "le chef de la diplomatie nord-coréenne", "le
 * secrétaire général de l'OTAN". The description names a post in a state (or
 * body); it is the person who holds that post:
 * - the holder named most recently before it in the article, else the only
 *   holder named anywhere in it;
 * - else, when the article's date is known, the only holder at that date
 *   (gazetteer roles carry since/until); with no date, the only holder whose
 *   post has no known start or end.
 * A description right beside a name ("le président russe Vladimir Poutine",
 * "Poutine, le président russe") is that name's title, left to the title
 * rules; "l'ancien président" and "le vice-président" are other posts.
 * The mention covers the post words; the state's demonym or name keeps its own mention.
 */
import type { ArticleContext, Draft, SentenceContext } from './context';
import { claim, tokenRange } from './context';
import { pickAntecedent } from './coreference';
import type { PostHolder } from './rules';
import { ROLE_PREPOSITIONS, TOKEN_ROLES } from './rules';
import { isCommaGap, isPlainGap, type Token } from './tokens';

/** Longest description read, in tokens ("ministre sud-coréen des Affaires étrangères et de l'Unification" stops well before). */
const MAX_DESCRIPTION_TOKENS = 10;
/** A post words and its context, read off the tokens. */
interface Description {
  /** Tokens [first, end) of the whole description, state included. */
  first: number;
  end: number;
  /** Tokens [first, postEnd) carry the mention: the post words before the state's own mention. */
  postEnd: number;
  /** Ids the post may be held at: the state, and the known bodies named in the phrase. */
  of: Set<string>;
  holders: readonly PostHolder[];
}

/** The part of a phrase token list a mention of a state or body adds to the post key, variants tried in turn. */
function draftKeys(ctx: ArticleContext, draft: Draft): string[] {
  const surface = ctx.folded.slice(draft.start, draft.end).trim().replace(/\s+/g, ' ');
  if (draft.type === 'Organization') return [surface];
  if (draft.via === 'demonym' || draft.via === 'name' || draft.via === 'alias') return [''];
  // A metonym: "diplomatie russe" keeps "diplomatie", "Kremlin" is kept whole or taken out.
  const words = surface.split(' ');
  for (let cut = 1; cut < words.length; cut++) {
    if (ctx.rules.descriptions.demonyms.has(words.slice(cut).join(' '))) return [words.slice(0, cut).join(' ')];
  }
  return [surface, ''];
}

/**
 * The keys of the post, one per combination of metonym variants, once `variants` is read after the pieces whose
 * combinations are `combos` (untrimmed): the combinations grow piece by piece as the description is read.
 */
function extendCombos(combos: string[], variants: readonly string[]): string[] {
  if (variants.length === 1) {
    const v = variants[0];
    if (v) for (let c = 0; c < combos.length; c++) combos[c] = `${combos[c]} ${v}`;
    return combos;
  }
  return combos.flatMap((k) => variants.map((v) => (v ? `${k} ${v}` : k)));
}

/** The key without its trailing prepositions ("ministre de la defense de" → "ministre de la defense"). */
function trimPrepositions(key: string): string {
  const last = key.lastIndexOf(' ');
  if (!ROLE_PREPOSITIONS.has(last < 0 ? key : key.slice(last + 1))) return key;
  const words = key.split(' ');
  while (words.length > 0 && ROLE_PREPOSITIONS.has(words[words.length - 1])) words.pop();
  return words.join(' ');
}

/** True when a name stands right after token `end`, joined or after a comma: the description is its title. */
function nameFollows(sc: SentenceContext, end: number, ctx: ArticleContext): boolean {
  const next = sc.tokens[end];
  if (next === undefined) return false;
  if (!isPlainGap(next.gap) && !isCommaGap(next.gap)) return false;
  const owner = sc.owner[end];
  if (owner) return owner.type === 'Person';
  return next.capitalised && !ctx.rules.nonNames.has(next.key);
}

/** True when a person's name stands right before the determiner at token `at`, with a comma: an apposition. */
function nameBefore(sc: SentenceContext, at: number): boolean {
  if (at === 0 || !isCommaGap(sc.tokens[at].gap)) return false;
  return sc.owner[at - 1]?.type === 'Person';
}

/** Reads the description whose post begins at token i, or undefined. */
function readDescription(ctx: ArticleContext, sc: SentenceContext, i: number): Description | undefined {
  const { descriptions } = ctx.rules;
  const t = sc.tokens;
  let combos = [''];
  const of = new Set<string>();
  let postEnd = -1;
  let best: Description | undefined;
  let k = i;
  while (k < t.length && k - i < MAX_DESCRIPTION_TOKENS) {
    if (k > i && !isPlainGap(t[k].gap)) break;
    const owner = sc.owner[k];
    if (owner) {
      if (k === i || !owner.known || (owner.type !== 'Country' && owner.type !== 'Organization')) break;
      if (postEnd < 0) postEnd = k;
      combos = extendCombos(combos, draftKeys(ctx, owner));
      if (owner.type === 'Country') of.add(owner.entityId);
      else {
        of.add(owner.entityId);
        const country = ctx.rules.matcher.entries.get(owner.entityId)?.country;
        if (country !== undefined) of.add(country);
      }
      k = Math.max(tokenRange(sc, owner.start, owner.end)[1], k + 1);
    } else {
      // A capital not owned by any mention is a name: the phrase ends before it.
      if ((t[k].roles & TOKEN_ROLES.descriptionWord) === 0 || !descriptions.words.has(t[k].key)) break;
      combos = extendCombos(combos, [t[k].key]);
      k++;
    }
    // A trailing "de", "à" … only ends the post when more follows ("ministre de la Défense"), never alone.
    if (of.size === 0 || (!owner && (t[k - 1].roles & TOKEN_ROLES.rolePreposition) !== 0 && ROLE_PREPOSITIONS.has(t[k - 1].key))) continue;
    for (const combo of combos) {
      const all = descriptions.holders.get(trimPrepositions(combo.trim()));
      if (all === undefined) continue;
      const holders = all.filter((h) => of.has(h.of));
      if (holders.length > 0) {
        best = { first: i, end: k, postEnd: postEnd < 0 ? k : postEnd, of: new Set(of), holders };
        break;
      }
    }
  }
  return best;
}

/** Compares an ISO date with a partial one on their common precision: -1, 0 or 1. */
function compareDates(date: string, bound: string): number {
  const n = Math.min(date.length, bound.length);
  const a = date.slice(0, n);
  const b = bound.slice(0, n);
  return a < b ? -1 : a > b ? 1 : 0;
}

function heldAt(holder: PostHolder, date: string | undefined): boolean {
  // Without a date only a post with no known bounds is certain (a head of state whose rule has no end in view).
  if (date === undefined) return holder.since === undefined && holder.until === undefined;
  return (holder.since === undefined || compareDates(date, holder.since) >= 0) && (holder.until === undefined || compareDates(date, holder.until) <= 0);
}

/** The one person the description stands for, if the article or the date decides it. */
function holderOf(description: Description, offset: number, anchors: ReadonlyMap<string, number[]>, date: string | undefined): string | undefined {
  const all = [...new Set(description.holders.map((h) => h.personId))];
  const current = [...new Set(description.holders.filter((h) => heldAt(h, date)).map((h) => h.personId))];
  // With a date, a person named earlier only counts if they held the post then.
  const named = pickAntecedent(date === undefined ? all : current, offset, anchors);
  if (named !== undefined) return named;
  return current.length === 1 ? current[0] : undefined;
}

/** Person drafts by entity, with their starts in text order (coreferences included: they are the person too). */
function personAnchors(ctx: ArticleContext): Map<string, number[]> {
  const anchors = new Map<string, number[]>();
  for (const d of ctx.drafts) {
    if (d.type !== 'Person' || d.dropped) continue;
    const list = anchors.get(d.entityId) ?? [];
    list.push(d.start);
    anchors.set(d.entityId, list);
  }
  for (const list of anchors.values()) list.sort((a, b) => a - b);
  return anchors;
}

function determinerAt(tokens: readonly Token[], i: number, determiners: ReadonlySet<string>, modifiers: ReadonlySet<string>): number {
  let d = i - 1;
  if (d >= 0 && (tokens[d].roles & TOKEN_ROLES.descriptionModifier) !== 0 && modifiers.has(tokens[d].key) && isPlainGap(tokens[d + 1].gap)) d--;
  if (d < 0 || (tokens[d].roles & TOKEN_ROLES.descriptionDeterminer) === 0 || !determiners.has(tokens[d].key)) return -1;
  // "l'ex-président", "le vice-président": a hyphen joins the post to another word.
  return /^\s+$|^['’]$/.test(tokens[d + 1].gap) ? d : -1;
}

/** Resolves each unnamed definite description of the article to the person holding the post. */
export function resolveDefiniteDescriptions(ctx: ArticleContext, date: string | undefined): void {
  const { descriptions } = ctx.rules;
  if (descriptions.holders.size === 0) return;
  const anchors = personAnchors(ctx);
  for (const sc of ctx.sentences) {
    const t = sc.tokens;
    for (let i = 1; i < t.length; i++) {
      if (sc.owner[i] || (t[i].roles & TOKEN_ROLES.descriptionWord) === 0 || !descriptions.words.has(t[i].key)) continue;
      const d = determinerAt(t, i, descriptions.determiners, descriptions.modifiers);
      if (d < 0 || sc.owner[d]) continue;
      const description = readDescription(ctx, sc, i);
      if (description === undefined) continue;
      const first = description.first;
      i = description.end - 1;
      if (nameFollows(sc, description.end, ctx) || nameBefore(sc, d)) continue;
      let postEnd = description.postEnd;
      while (postEnd > first + 1 && (t[postEnd - 1].roles & TOKEN_ROLES.rolePreposition) !== 0 && ROLE_PREPOSITIONS.has(t[postEnd - 1].key)) postEnd--;
      const personId = holderOf(description, t[first].start, anchors, date);
      if (personId === undefined) continue;
      const start = t[first].start;
      const end = t[postEnd - 1].end;
      const cueStart = t[d].start;
      const cue = ctx.text.slice(cueStart, t[description.end - 1].end).replace(/\s+/g, ' ');
      claim(ctx, sc, { entityId: personId, type: 'Person', sentence: sc.sentence.index, start, end, surface: ctx.text.slice(start, end), via: 'description', known: true, cue, cueStart });
    }
  }
}
