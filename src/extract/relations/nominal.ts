import type { RelationType } from '../../ontology';
import type { SentenceMention } from '../claims';
import type { KnowledgeBase } from '../kb';
import { allMatches, fold } from '../claims';
import { coordinated } from './args';
import type { SentenceContext } from './context';
import type { RelationLexicon } from './lexicon';
import { entryById } from './entries';
import { openingWord } from './lexicon';

/** A relation read from a noun phrase (a title, an organisation's country, a place's region): stated as background fact. */
export interface NominalMatch {
  relation: RelationType;
  subject: SentenceMention;
  /** A mention of the sentence, or an entity id from the knowledge base. */
  object: SentenceMention | { entityId: string };
  role?: string;
}

/** How far before a person its title may start, in characters. */
const TITLE_LOOKBACK = 110;
const TITLE_LOOKAHEAD = 110;
const JOINERS_RE = /(?:\s+(?:de|du|des|d'|de la|de l'|la|l'|le|les))+\s*$/;
/** The characters a JOINERS_RE match is made of: spaces and the letters of the joiners. */
const JOINER_CHAR_RE = /[\sdeusla']/;

/**
 * `text.replace(JOINERS_RE, '')`, scanning only the tail the match can lie in. The match runs to the end and holds
 * nothing but joiner characters, so it starts inside the longest tail of such characters; the pattern looks at
 * nothing before where it starts, so it matches there as in the whole text.
 */
function withoutTrailingJoiners(text: string): string {
  let from = text.length;
  while (from > 0 && JOINER_CHAR_RE.test(text[from - 1])) from--;
  if (from === text.length) return text;
  return text.slice(0, from) + text.slice(from).replace(JOINERS_RE, '');
}
const PLACE_HEAD_END_RE = /(?:region|ville|port|province|oblast|localite|base|capitale|cite|district|zone|peninsule|village|republique|cosmodrome|aeroport|territoire|ile|station|site|agglomeration)s?\s*$/;
/** An acronym in brackets after a body's name ("(NIS)"), folded. */
const ACRONYM_IN_BRACKETS = "(?:\\([a-z0-9'. -]{1,12}\\)\\s*)?";
/** A genitive after a body's name, its bracketed acronym allowed between ("… (NIS) de Corée du Sud"). */
const GENITIVE_AFTER_ACRONYM_RE = new RegExp(`^\\s*${ACRONYM_IN_BRACKETS}(?:de|du|de la|de l'|d')\\s*$`);
/** What continues a title in an apposition with the body it is held at ("chercheuse au …", "membre du …"). */
const APPOSITION_PREP_RE = /^\s+(?:au|aux|a la|a l'|a|de|du|des|d'|chez|aupres)(?:\s|$)/;
/** What joins a person's name to the body their title is held at, right after the name ("l'expert X de l'Institut Y"). */
const BODY_AFTER_NAME_RE = /^\s*(?:de la|de l'|de|du|d')\s*$/;
/** A bracketed acronym after a body's long name, within the same noun phrase ("l'Institut … (SWP)"). */
const BRACKETED_AFTER_RE = /^[^,;:.()]{0,80}\(\s*$/;
/** A state "under" or "of" its leader: "Washington, sous Donald Trump", "la Russie de Poutine". */
const STATE_UNDER_LEADER_RE = /^\s*(?:,\s*)?(?:sous|de|d')\s*$/;
const ARTICLE_BEFORE_TITLE_RE = /(?:^|[\s,(«'])$/;

/** The text of [from, to) with the given mentions blanked out, spaces collapsed. */
function without(ctx: SentenceContext, from: number, to: number, hidden: readonly SentenceMention[]): string {
  let text = ctx.folded.slice(from, to);
  for (const m of hidden) {
    if (m.start >= from && m.end <= to) text = text.slice(0, m.start - from) + ' '.repeat(m.end - m.start) + text.slice(m.end - from);
  }
  // A bracketed acronym of a body ("du renseignement militaire (HUR), X") leaves empty brackets once the body is hidden.
  return text.replace(/\(\s*\)/g, ' ').replace(/\s+/g, ' ').replace(/\s*,\s*$/, '').trim();
}

/**
 * Titles: "le président russe Vladimir Poutine" → LEADS; "le ministre russe des
 * Affaires étrangères, Sergueï Lavrov" / "Sergueï Lavrov, ministre russe des …" →
 * OFFICIAL_OF with role. The body is the country or organisation named in the
 * title; failing that, the post the knowledge base records for that person.
 */
/** The last word of a descriptive body mention written lower case ("diplomatie nord-coréenne" → "nord-coréenne"); a name stays whole. */
function demonymTail(m: SentenceMention): SentenceMention {
  if (!/^[a-zà-ÿ]/.test(m.surface)) return m;
  const space = m.surface.lastIndexOf(' ');
  return space < 0 ? m : { ...m, start: m.start + space + 1 };
}

/** A title found next to a person, with where its words sit. */
interface TitleHit {
  title: RelationLexicon['titles'][number];
  from: number;
  to: number;
}

/** The residue of a title span reduced to a lexicon key: modifiers ("adjointe", "par intérim"), a trailing "auprès de …" and joiners dropped. */
function titleKey(residue: string, lex: RelationLexicon): string {
  const tailless = residue.replace(lex.titleModifierRe, ' ').replace(/\s+/g, ' ').replace(lex.titleTailRe, '');
  return withoutTrailingJoiners(tailless).trim();
}

/** A capitalised word right before a name that no mention took: a first name the name was recognised without ("Andriï Ioussov"). */
const FIRST_NAME_BEFORE_RE = /(?:^|[\s,(«])([A-ZÀ-Ý][\p{L}'’-]+)\s+$/u;

/** The person mention widened to an untaken first name right before it, for reading the title before the name. */
function withFirstName(ctx: SentenceContext, person: SentenceMention): SentenceMention {
  // Only a bare surname lacks its first name; a full name is preceded by other words (a title's "Défense").
  if (/\s/.test(person.surface.trim())) return person;
  const hit = FIRST_NAME_BEFORE_RE.exec(ctx.text.slice(Math.max(0, person.start - 30), person.start));
  if (!hit) return person;
  const start = person.start - (hit[0].length - hit[0].indexOf(hit[1]));
  if (ctx.allMentions.some((m) => m.start < person.start && m.end > start)) return person;
  return { ...person, start };
}

/** True when a mention of `hidden` that `without` would blank in [from, to) starts in [from, runEnd). */
function hiddenStartIn(hidden: readonly SentenceMention[], from: number, runEnd: number, to: number): boolean {
  for (const m of hidden) if (m.start >= from && m.start < runEnd && m.end <= to) return true;
  return false;
}

/**
 * False when no title key read from `at` can be a title. The key keeps the word opening at `at` as its own opening
 * word unless a hidden body starts inside that word or a modifier stands at `at`: blanking gives spaces, the other
 * removals (brackets, spaces, a trailing comma, joiners) never reach the key's first word. The title tail ("auprès
 * de", not word-guarded) may start inside it: the key is then the part of the word before it ("ministreaupres de").
 * So a word that opens no title, and starts with no one-word title, rules the position out.
 */
function mayOpenTitle(folded: string, at: number, to: number, bodies: readonly SentenceMention[], bodyTails: readonly SentenceMention[], openings: NonNullable<RelationLexicon['titleOpenings']>): boolean {
  const word = openingWord(folded, at, to);
  if (openings.titles.has(word)) return true;
  for (const t of openings.oneWordTitles.get(word[0]) ?? []) if (word.length > t.length && word.startsWith(t)) return true;
  const runEnd = at + word.length;
  if (hiddenStartIn(bodies, at, runEnd, to) || hiddenStartIn(bodyTails, at, runEnd, to)) return true;
  const modifiers = openings.modifiers.get(word);
  return modifiers !== undefined && mayHoldModifier(folded, at, to, modifiers, bodies, bodyTails);
}

/**
 * Whether one of `modifiers` (all opening with the word at `at`) may stand at the start of the title key read from
 * `at`. The text `without` leaves keeps its first characters as written when none of them is blanked, bracketed or a
 * squeezed space; only its end may be cut (a trailing comma, spaces), which can undo a modifier but never make one:
 * then a modifier stands there only if the folded text holds it at `at`. When that cannot be told, true.
 */
function mayHoldModifier(folded: string, at: number, to: number, modifiers: readonly string[], bodies: readonly SentenceMention[], bodyTails: readonly SentenceMention[]): boolean {
  let longest = 0;
  for (const m of modifiers) longest = Math.max(longest, m.length);
  // The modifier and the character after it (its word guard).
  const end = at + longest + 1;
  if (end > to || hiddenStartIn(bodies, at, end, to) || hiddenStartIn(bodyTails, at, end, to)) return true;
  for (let i = at; i < end; i++) {
    const ch = folded[i];
    if (ch === '(') return true;
    if (WHITESPACE_RE.test(ch) && (ch !== ' ' || (i > at && WHITESPACE_RE.test(folded[i - 1])))) return true;
  }
  for (const m of modifiers) {
    if (folded.startsWith(m, at) && !WORD_CODE_RE.test(folded[at + m.length])) return true;
  }
  return false;
}
const WHITESPACE_RE = /\s/;
const WORD_CODE_RE = /[a-z0-9œæ]/;


/** "le ministre russe des Affaires étrangères Sergueï Lavrov": the longest title that reaches the name from the left. */
function titleBefore(ctx: SentenceContext, found: SentenceMention, bodies: readonly SentenceMention[], lex: RelationLexicon): TitleHit | undefined {
  const person = withFirstName(ctx, found);
  const windowStart = Math.max(0, person.start - TITLE_LOOKBACK);
  const bodyTails = bodies.map(demonymTail);
  const sameTails = bodyTails.every((tail, i) => tail === bodies[i]);
  // Try every word start of the window, leftmost first: the longest title that reaches the name wins.
  const openings = lex.titleOpenings;
  const folded = ctx.folded;
  for (let at = windowStart; at < person.start; at++) {
    // A title opens on a letter after a space, comma, bracket, quote or apostrophe (or the sentence start):
    // read by code first, most positions are inside words.
    const code = folded.charCodeAt(at);
    if (code < 0x61 || code > 0x7a) continue;
    if (at > 0) {
      const before = folded.charCodeAt(at - 1);
      if ((before >= 0x61 && before <= 0x7a) || !ARTICLE_BEFORE_TITLE_RE.test(folded.slice(at - 1, at))) continue;
    }
    if (openings && !mayOpenTitle(ctx.folded, at, person.start, bodies, bodyTails, openings)) continue;
    // Another person in between ends the title; a description of the same person ("le ministre … d'alors, X") does not.
    if (ctx.mentions.some((m) => m !== person && m.type === 'Person' && m.entityId !== person.entityId && m.start >= at && m.end <= person.start)) continue;
    // "la cheffe de la diplomatie nord-coréenne": a descriptive body keeps its head noun in the title.
    const whole = lex.titleByFolded.get(titleKey(without(ctx, at, person.start, bodies), lex));
    // Without a descriptive body (its tail is itself) both readings are one.
    const tail = sameTails ? whole : lex.titleByFolded.get(titleKey(without(ctx, at, person.start, bodyTails), lex));
    // The longer title of the two readings (the first on a tie).
    const title = whole && tail ? (tail.folded.length > whole.folded.length ? tail : whole) : (whole ?? tail);
    if (title) return { title, from: at, to: person.start };
  }
  return undefined;
}

/**
 * "Sergueï Lavrov, ministre russe des Affaires étrangères, a …": a title in the apposition after the name.
 * There the title may also go on with the body it is held at ("X, chercheuse au centre Asie de l'IFRI,").
 */
function titleAfter(ctx: SentenceContext, person: SentenceMention, bodies: readonly SentenceMention[], lex: RelationLexicon): TitleHit | undefined {
  const after = ctx.folded.slice(person.end, person.end + TITLE_LOOKAHEAD);
  const lead = /^\s*,\s*(?:(?:le|la|l')\s*)?/.exec(after);
  if (!lead) return undefined;
  const from = person.end + lead[0].length;
  // Read on the original text: the verb "a" ends the apposition, the preposition "à" does not ("chercheuse à l'IFRI").
  const rest = ctx.text.slice(from);
  const endAt = /[,.;:()]|\s(?:a|ont|est|sont|avait|qui)\s/.exec(rest);
  const to = from + (endAt ? endAt.index : rest.length);
  const key = titleKey(without(ctx, from, to, bodies), lex);
  const exact = lex.titleByFolded.get(key);
  if (exact) return { title: exact, from, to };
  if (!bodies.some((m) => m.start >= from && m.end <= to)) return undefined;
  const prefixed = lex.titles.find((t) => key.startsWith(t.folded) && APPOSITION_PREP_RE.test(key.slice(t.folded.length)));
  return prefixed ? { title: prefixed, from, to } : undefined;
}

/** "leurs homologues sud-coréens, Cho et Kim": a person listed right after a titled one shares the title. */
function sharedTitle(ctx: SentenceContext, person: SentenceMention, hits: ReadonlyMap<SentenceMention, TitleHit>): TitleHit | undefined {
  const people = ctx.mentions.filter((m) => m.type === 'Person');
  const previous = people[people.indexOf(person) - 1];
  const hit = previous && hits.get(previous);
  if (!hit || hit.to > previous.start) return undefined;
  return /^\s*(?:,|et|, et)\s*$/.test(ctx.folded.slice(previous.end, person.start)) ? hit : undefined;
}

/**
 * Titles: "le président russe Vladimir Poutine" → LEADS; "le ministre russe des
 * Affaires étrangères, Sergueï Lavrov" / "Sergueï Lavrov, ministre russe des …" →
 * OFFICIAL_OF with role. The body is the country or organisation named in the
 * title; failing that, the post the knowledge base records for that person. A
 * counterpart ("son homologue russe X") holds the post of the other titled person
 * of the sentence.
 */
/**
 * "l'expert X de l'Institut Y (SWP)": the body named right after a titled person. A known
 * bracketed acronym of the same noun phrase is preferred to a long name the knowledge base lacks.
 */
function bodyAfterName(ctx: SentenceContext, kb: KnowledgeBase, person: SentenceMention): SentenceMention | undefined {
  const orgs = ctx.mentions.filter((m) => m.type === 'Organization');
  const body = orgs.find((m) => m.start >= person.end && BODY_AFTER_NAME_RE.test(ctx.folded.slice(person.end, m.start)));
  if (!body || entryById(kb, body.entityId)) return body;
  const acronym = orgs.find((m) => m.start > body.end && BRACKETED_AFTER_RE.test(ctx.folded.slice(body.end, m.start)) && /^\s*\)/.test(ctx.folded.slice(m.end)));
  return acronym && entryById(kb, acronym.entityId) ? acronym : body;
}

function titles(ctx: SentenceContext, kb: KnowledgeBase, lex: RelationLexicon): NominalMatch[] {
  const out: NominalMatch[] = [];
  const bodies = ctx.allMentions.filter((m) => m.type === 'Country' || m.type === 'Organization');
  const hits = new Map<SentenceMention, TitleHit>();
  for (const person of ctx.mentions.filter((m) => m.type === 'Person')) {
    const found = titleBefore(ctx, person, bodies, lex) ?? titleAfter(ctx, person, bodies, lex) ?? sharedTitle(ctx, person, hits);
    if (found) hits.set(person, found);
  }
  const roles = [...hits.values()].filter((h) => !h.title.leads && !h.title.counterpart).map((h) => h.title.title);
  for (const [person, f] of hits) {
    const body = bodies.find((m) => m.start >= f.from && m.end <= f.to) ?? (f.to <= person.start ? bodyAfterName(ctx, kb, person) : undefined);
    const kbRoles = entryById(kb, person.entityId)?.roles ?? [];
    let object: NominalMatch['object'] | undefined = body;
    if (!object) {
      const role = kbRoles.find((r) => {
        const t = fold(r.title);
        return t === f.title.folded || (f.title.leads && r.leads === true) || t.startsWith(f.title.folded) || (f.title.counterpart === true && !r.leads);
      });
      if (role) object = { entityId: role.of };
    }
    if (!object) continue;
    const objectId = object.entityId;
    const role = f.title.counterpart ? (roles[0] ?? kbRoles.find((r) => r.of === objectId)?.title ?? f.title.title) : f.title.title;
    out.push(f.title.leads ? { relation: 'LEADS', subject: person, object } : { relation: 'OFFICIAL_OF', subject: person, object, role });
  }
  return out;
}

/** Answers of namesOfKind, by lexicon and names: the same bodies come back sentence after sentence. */
const kindCache = new WeakMap<RelationLexicon, Map<string, boolean>>();

/** True when the names, joined, accents removed and lower-cased, show a state body's kind (partOf.kbKinds). */
function namesOfKind(lex: RelationLexicon, names: readonly string[]): boolean {
  let answers = kindCache.get(lex);
  if (!answers) {
    answers = new Map();
    kindCache.set(lex, answers);
  }
  const joined = names.join(' | ');
  let answer = answers.get(joined);
  if (answer === undefined) {
    answer = lex.partOf.kbKindsRe.test(joined.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase());
    answers.set(joined, answer);
  }
  return answer;
}

/**
 * Organisations: "le NIS sud-coréen", "l'agence officielle nord-coréenne KCNA",
 * "la flotte russe du Pacifique", "les services de renseignement sud-coréens (NIS)"
 * → PART_OF the country named in the noun phrase; with `fromKnowledgeBase`, a state
 * body (agency, ministry, armed force …) of the knowledge base also belongs to its
 * recorded parent or country.
 */
function partOf(ctx: SentenceContext, kb: KnowledgeBase, lex: RelationLexicon): NominalMatch[] {
  const out: NominalMatch[] = [];
  const countries = ctx.allMentions.filter((m) => m.type === 'Country');
  for (const org of ctx.allMentions.filter((m) => m.type === 'Organization')) {
    // A demonym inside the name ties a state body to its state ("l'agence russe TASS"), not a think tank or a party ("l'Institut allemand …").
    const stateBody = () => {
      const entry = entryById(kb, org.entityId);
      return namesOfKind(lex, [org.surface, entry?.label ?? '', ...(entry?.aliases ?? [])]);
    };
    const near = countries.find((c) => {
      if (c.start >= org.start && c.end <= org.end) return stateBody();
      if (c.start >= org.end) {
        const between = ctx.folded.slice(org.end, c.start);
        // "le NIS sud-coréen", "le ministère de la Défense nord-coréen", "le Commandement interarmées de la Corée du Sud".
        if (c.demonym) return /^\s*\)?\s*$/.test(between);
        // "le NIS (Corée du Sud)": the state in brackets right after the body.
        if (/^\s*\(\s*$/.test(between)) return /^\s*\)/.test(ctx.folded.slice(c.end));
        // "le Service national du renseignement (NIS) de Corée du Sud": the acronym in brackets may sit between.
        return GENITIVE_AFTER_ACRONYM_RE.test(between);
      }
      if (c.end <= org.start && c.demonym) {
        // "l'agence officielle nord-coréenne KCNA", "les services de renseignement sud-coréens (NIS)".
        return /^\s*\(?\s*$/.test(ctx.folded.slice(c.end, org.start));
      }
      return false;
    });
    if (near) {
      out.push({ relation: 'PART_OF', subject: org, object: near });
      continue;
    }
    const entry = entryById(kb, org.entityId);
    const parent = entry?.country ?? entry?.parent;
    if (!entry || !parent) continue;
    // "l'agence russe TASS", "le ministère américain de la Défense": the name as written ties the body to its state.
    const stateKind = namesOfKind(lex, [entry.label, ...entry.aliases]);
    if (stateKind && namesParent(kb, org.surface, parent)) {
      out.push({ relation: 'PART_OF', subject: org, object: { entityId: parent } });
      continue;
    }
    if (!lex.partOf.fromKnowledgeBase) continue;
    if (stateKind) out.push({ relation: 'PART_OF', subject: org, object: { entityId: parent } });
  }
  return out;
}

/** True when `surface` contains a name or demonym of the knowledge-base entity `parentId` as a whole word. */
function namesParent(kb: KnowledgeBase, surface: string, parentId: string): boolean {
  let answers = namesParentCache.get(kb);
  if (!answers) {
    answers = new Map();
    namesParentCache.set(kb, answers);
  }
  const key = `${parentId}\u0001${surface}`;
  let answer = answers.get(key);
  if (answer === undefined) {
    answer = readNamesParent(kb, surface, parentId);
    if (answers.size >= NAMES_PARENT_CACHE_MAX) answers.clear();
    answers.set(key, answer);
  }
  return answer;
}

/** Answers of namesParent by knowledge base, parent and surface: the same names come back sentence after sentence. */
const namesParentCache = new WeakMap<KnowledgeBase, Map<string, boolean>>();
/** Past this many answers the cache starts afresh (bounded memory over any corpus). */
const NAMES_PARENT_CACHE_MAX = 4096;

function readNamesParent(kb: KnowledgeBase, surface: string, parentId: string): boolean {
  const parent = entryById(kb, parentId);
  // Only a state ties this way: "Conseil de sécurité de l'ONU" names its parent but is not annotated as a part of it.
  if (!parent || parent.type !== 'Country') return false;
  const text = ` ${fold(surface).replace(/[^a-z0-9œæ'-]+/g, ' ')} `;
  return [parent.label, ...parent.aliases, ...(parent.demonyms ?? [])].some((name) => {
    const folded = fold(name).replace(/[^a-z0-9œæ'-]+/g, ' ').trim();
    return folded.length > 2 && text.includes(` ${folded} `);
  });
}

/**
 * Places: "la région russe de Koursk", "Wonsan, en Corée du Nord", "Koursk, à la frontière de la Russie" → LOCATED_IN;
 * a place whose name as written names the state the knowledge base puts it in ("l'Extrême-Orient russe") lies in it.
 */
function locatedIn(ctx: SentenceContext, kb: KnowledgeBase, lex: RelationLexicon): NominalMatch[] {
  const out: NominalMatch[] = [];
  const places = ctx.mentions.filter((m) => m.type === 'Place');
  for (const place of places) {
    const country = entryById(kb, place.entityId)?.country;
    if (country && namesParent(kb, place.surface, country)) out.push({ relation: 'LOCATED_IN', subject: place, object: { entityId: country } });
  }
  const containers = ctx.mentions.filter((m) => m.type === 'Country' || m.type === 'Place');
  for (const place of places) {
    for (const container of containers) {
      if (container === place || container.entityId === place.entityId) continue;
      for (const pattern of lex.locatedIn) {
        const placeFirst = pattern.order === 'placeFirst';
        if (placeFirst ? container.start < place.end : container.end > place.start) continue;
        if (pattern.countryDemonym !== container.demonym) continue;
        // "la région russe de Koursk": a demonym only names the container inside a place head ("région", "ville", "port" …).
        if (pattern.countryDemonym && !PLACE_HEAD_END_RE.test(ctx.folded.slice(0, container.start))) continue;
        const between = placeFirst ? ctx.folded.slice(place.end, container.start) : ctx.folded.slice(container.end, place.start);
        if (!pattern.betweenRe.test(between)) continue;
        if (pattern.afterRe && !pattern.afterRe.test(ctx.folded.slice(placeFirst ? container.end : place.end))) continue;
        if (pattern.beforeRe && !pattern.beforeRe.test(ctx.folded.slice(0, placeFirst ? place.start : container.start))) continue;
        out.push({ relation: 'LOCATED_IN', subject: place, object: container });
        break;
      }
    }
  }
  return out;
}

const TITLE_BOUNDARY_RE = /[\s']/;

/** The lexicon's titles by their last character, each list in lexicon order; undefined when a title is empty (it ends any text). */
const titlesByLastChar = new WeakMap<RelationLexicon['titles'], Map<string, RelationLexicon['titles']> | undefined>();

/** The titles that may end `text`, in lexicon order: those ending with its last character. */
function titlesEndingLike(lex: RelationLexicon, text: string): RelationLexicon['titles'] {
  if (!titlesByLastChar.has(lex.titles)) {
    let index: Map<string, RelationLexicon['titles']> | undefined = new Map();
    for (const t of lex.titles) {
      if (t.folded === '') {
        index = undefined;
        break;
      }
      const last = t.folded[t.folded.length - 1];
      const list = index.get(last) ?? [];
      list.push(t);
      index.set(last, list);
    }
    titlesByLastChar.set(lex.titles, index);
  }
  const index = titlesByLastChar.get(lex.titles);
  if (!index) return lex.titles;
  return text === '' ? [] : (index.get(text[text.length - 1]) ?? []);
}

/** True when `text` ends with `title` and the title starts the text or follows a space or an apostrophe. */
function endsWithTitle(text: string, title: string): boolean {
  if (!text.endsWith(title)) return false;
  const at = text.length - title.length;
  return at === 0 || TITLE_BOUNDARY_RE.test(text[at - 1]);
}

/**
 * A title with its body but no name ("le secrétaire du Conseil de sécurité russe est venu …") refers
 * to a person the article named before: the one the knowledge base gives that post at that body.
 * Nothing when no earlier person, or more than one, holds it.
 */
function titlesWithoutName(ctx: SentenceContext, kb: KnowledgeBase, lex: RelationLexicon, earlier: readonly SentenceMention[]): NominalMatch[] {
  const out: NominalMatch[] = [];
  if (!earlier.length) return out;
  const persons = ctx.mentions.filter((m) => m.type === 'Person');
  for (const body of ctx.mentions.filter((m) => m.type === 'Organization' || (m.type === 'Country' && !m.demonym))) {
    // A person named right after the body is handled by the titles of that person.
    if (persons.some((p) => p.start >= body.end && p.start - body.end <= TITLE_LOOKAHEAD / 4)) continue;
    const before = withoutTrailingJoiners(ctx.folded.slice(Math.max(0, body.start - TITLE_LOOKBACK), body.start));
    // The same test as /(?:^|[\s'])TITLE$/ on `before`, without compiling a RegExp per title and body; only the
    // titles ending with the last character of `before` can end it.
    const title = titlesEndingLike(lex, before).find((t) => !t.counterpart && endsWithTitle(before, t.folded));
    if (!title) continue;
    const holders = earlier.filter((p) =>
      (entryById(kb, p.entityId)?.roles ?? []).some((r) => r.of === body.entityId && (fold(r.title).startsWith(title.folded) || (title.leads && r.leads === true))),
    );
    const distinct = [...new Map(holders.map((p) => [p.entityId, p])).values()];
    if (distinct.length !== 1) continue;
    const person = { ...distinct[0], start: body.start, end: body.start };
    const role = (entryById(kb, person.entityId)?.roles ?? []).find((r) => r.of === body.entityId);
    out.push(title.leads || role?.leads ? { relation: 'LEADS', subject: person, object: body } : { relation: 'OFFICIAL_OF', subject: person, object: body, role: role?.title ?? title.title });
  }
  return out;
}

/** "Washington, sous Donald Trump", "la Russie de Poutine": the leader of that state, when the knowledge base says so. */
function stateUnderLeader(ctx: SentenceContext, kb: KnowledgeBase): NominalMatch[] {
  const out: NominalMatch[] = [];
  for (let i = 0; i + 1 < ctx.mentions.length; i++) {
    const state = ctx.mentions[i];
    const person = ctx.mentions[i + 1];
    if (state.type !== 'Country' || state.demonym || person.type !== 'Person') continue;
    if (!STATE_UNDER_LEADER_RE.test(ctx.folded.slice(state.end, person.start))) continue;
    const leads = (entryById(kb, person.entityId)?.roles ?? []).some((r) => r.leads && r.of === state.entityId);
    if (leads) out.push({ relation: 'LEADS', subject: person, object: state });
  }
  return out;
}

/** The lead-in of a clause's subject after a fronted participle: a comma and an article. */
const SUBJECT_AFTER_COMMA_RE = /,\s*(?:le |la |les |l')?\s*$/;
/** How far back, in characters, the preposition governing a candidate body is looked for. */
const BODY_LEAD_CHARS = 30;

/**
 * "l'Équipe … (MSMT), un mécanisme créé par onze pays, dont les États-Unis et le Japon" / "onze pays — dont X et Y —
 * ont fondé Z" / "Créée par onze pays, dont X, …, la MSMT affirme": the states listed after a count of states are
 * members of the body a creation verb near the count ties them to. The body is the nearest one before a verb that
 * precedes the count; else the first one after the list (or after a verb that follows it) not governed by a preposition.
 */
function foundingMembers(ctx: SentenceContext, lex: RelationLexicon): NominalMatch[] {
  const out: NominalMatch[] = [];
  const { groupRe, creationRe, reach, dontOnly } = lex.foundingMembers;
  // Every group match ends with the word "dont" (lexicon.ts builds groupRe so): a sentence without it has none.
  if (dontOnly && !ctx.folded.includes('dont')) return out;
  let verbs: Array<{ start: number; end: number }> | undefined;
  for (const hit of allMatches(groupRe, ctx.folded)) {
    // The creation verbs are read only for a sentence that counts states before "dont".
    verbs ??= allMatches(creationRe, ctx.folded).map((v) => ({ start: v.index ?? 0, end: (v.index ?? 0) + v[0].length }));
    const groupStart = hit.index ?? 0;
    const groupEnd = groupStart + hit[0].length;
    const first = ctx.mentions.find((m) => m.start >= groupEnd);
    if (!first || first.type !== 'Country' || first.demonym || !/^\s*(?:les |le |la |l')?$/.test(ctx.folded.slice(groupEnd, first.start))) continue;
    const members = coordinated(ctx, first, ['Country'], lex);
    const listEnd = Math.max(...members.map((m) => m.end));
    const verbBefore = verbs.filter((v) => v.end <= groupStart && groupStart - v.end <= reach).pop();
    const verbAfter = verbs.find((v) => v.start >= listEnd && v.start - listEnd <= reach);
    if (!verbBefore && !verbAfter) continue;
    const bodies = ctx.mentions.filter((m) => m.type === 'Organization');
    const ungoverned = (m: SentenceMention) => !lex.prepEndRe.test(ctx.folded.slice(Math.max(0, m.start - BODY_LEAD_CHARS), m.start));
    const before = verbBefore ? bodies.filter((m) => m.end <= verbBefore.start && verbBefore.start - m.end <= reach).pop() : undefined;
    const unstopped = (m: SentenceMention) => !lex.clauseStopRe.test(ctx.folded.slice(listEnd, m.start));
    // A fronted participle ("Créé par onze pays, dont …, pour …, le groupe Z affirme") ends at the comma before its subject.
    const fronted = () => bodies.find((m) => m.start >= listEnd && SUBJECT_AFTER_COMMA_RE.test(ctx.folded.slice(Math.max(0, m.start - BODY_LEAD_CHARS), m.start)) && unstopped(m));
    const object = () => (verbAfter ? bodies.find((m) => m.start >= verbAfter.end && ungoverned(m) && unstopped(m)) : undefined);
    const body = before ?? object() ?? (verbBefore ? fronted() : undefined);
    if (!body) continue;
    for (const member of members) out.push({ relation: 'MEMBER_OF', subject: member, object: body });
  }
  return out;
}

/** Every relation a sentence states in its noun phrases; `earlier` are the people the article named before this sentence. */
export function matchNominal(ctx: SentenceContext, kb: KnowledgeBase, lex: RelationLexicon, earlier: readonly SentenceMention[] = []): NominalMatch[] {
  return [...titles(ctx, kb, lex), ...titlesWithoutName(ctx, kb, lex, earlier), ...stateUnderLeader(ctx, kb), ...foundingMembers(ctx, lex), ...partOf(ctx, kb, lex), ...locatedIn(ctx, kb, lex)];
}
