import type { ClaimStatus } from '../../ontology';
import type { Attribution } from './attribution';
import type { ClaimLexicon } from './lexicon';
import { allMatches, fold } from './text';

/** Where a relation's trigger sits in its sentence. */
export interface TriggerSpan {
  start: number;
  end: number;
}

function hits(re: RegExp, text: string): RegExpMatchArray[] {
  re.lastIndex = 0;
  return allMatches(re, text);
}

/** True when `hits(re, text)` would list any match: the first one is enough. */
function hasHit(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const found = re.exec(text) !== null;
  re.lastIndex = 0;
  return found;
}

/** True for the characters of a word as windowBefore counts them: [a-z0-9œæ'-]. */
function isWindowWordCode(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x153 || code === 0xe6 || code === 0x27 || code === 0x2d;
}

/**
 * The last `n` words before `pos`, as one folded string, plus the word right before `pos` (words: runs of
 * [a-z0-9œæ'-], the last one cut at `pos`). Read backwards from `pos`: the words before them do not matter.
 */
function windowBefore(folded: string, pos: number, n: number): { window: string; lastWord: string } {
  // slice(-n) of every word, as the window was first read: with no positive count or position, read it so.
  if (!(n > 0) || !(pos >= 0) || !Number.isInteger(n)) {
    const words = folded.slice(0, pos).split(/[^a-z0-9œæ'-]+/).filter(Boolean);
    const all = words.slice(-n);
    return { window: all.join(' '), lastWord: all[all.length - 1] ?? '' };
  }
  const tail: string[] = [];
  let i = Math.min(pos, folded.length) - 1;
  while (tail.length < n) {
    while (i >= 0 && !isWindowWordCode(folded.charCodeAt(i))) i--;
    if (i < 0) break;
    const end = i + 1;
    while (i >= 0 && isWindowWordCode(folded.charCodeAt(i))) i--;
    tail.push(folded.slice(i + 1, end));
  }
  tail.reverse();
  return { window: tail.join(' '), lastWord: tail[tail.length - 1] ?? '' };
}

/** What classifyStatus reads from the whole sentence, whatever the trigger. */
interface SentenceCues {
  folded: string;
  denied: boolean;
  /** Reporting cues of the sentence (read only), read when first asked for. */
  reportedCues?: readonly RegExpMatchArray[];
  /** Statuses already given in this sentence, by trigger span and what decides besides it (several relations share a trigger). */
  statuses: Map<string, ClaimStatus>;
}

/** The last sentence read and its cues: a sentence's relations are classified one after another. */
let lastCues: { text: string; lexicon: ClaimLexicon; cues: SentenceCues } | undefined;

function sentenceCues(text: string, lexicon: ClaimLexicon): SentenceCues {
  if (lastCues && lastCues.text === text && lastCues.lexicon === lexicon) return lastCues.cues;
  const folded = fold(text);
  // "n'a pas démenti", "n'a pas pu être vérifié": a negation that denies nothing is blanked before the denial cues are read.
  const undenied = folded.replace(lexicon.notDeniedRe, (m) => ' '.repeat(m.length));
  const cues: SentenceCues = { folded, denied: hasHit(lexicon.deniedRe, undenied), statuses: new Map<string, ClaimStatus>() };
  lastCues = { text, lexicon, cues };
  return cues;
}

function reportedCuesOf(cues: SentenceCues, lexicon: ClaimLexicon): readonly RegExpMatchArray[] {
  cues.reportedCues ??= hits(lexicon.reportedRe, cues.folded);
  return cues.reportedCues;
}

/** Every reporting cue of a sentence (lexicon `reportedRe`, in text order), read once for the sentence and its statuses. Read only. */
export function reportingCues(text: string, lexicon: ClaimLexicon): readonly RegExpMatchArray[] {
  return reportedCuesOf(sentenceCues(text, lexicon), lexicon);
}

/** What the caller knows about the sentence beyond its words. */
export interface StatusOptions {
  /**
   * The source is the relation's own subject (the state, or its official, speaking of what that state does):
   * speech and reporting verbs then state the relation; only a conditional or "aurait" still hedges it.
   */
  ownSource?: boolean;
}

/**
 * How surely a sentence states the relation whose trigger sits at `trigger`:
 * denied (a denial cue in the sentence) > planned (a modal, intention or
 * possibility cue governing the trigger, or the trigger in the future) >
 * reported (attributed, hedged, or the trigger in the conditional) > asserted.
 */
export function classifyStatus(text: string, trigger: TriggerSpan, lexicon: ClaimLexicon, attribution?: Attribution, options: StatusOptions = {}): ClaimStatus {
  const cues = sentenceCues(text, lexicon);
  if (cues.denied) return 'denied';
  // Of the attribution only its presence, kind and cue position decide.
  const key = `${trigger.start}|${trigger.end}|${options.ownSource ? 1 : 0}|${attribution ? `${attribution.kind}@${attribution.cueStart}` : '-'}`;
  let status = cues.statuses.get(key);
  if (status === undefined) {
    status = statusOf(cues, trigger, lexicon, attribution, options);
    cues.statuses.set(key, status);
  }
  return status;
}

function statusOf(cues: SentenceCues, trigger: TriggerSpan, lexicon: ClaimLexicon, attribution: Attribution | undefined, options: StatusOptions): ClaimStatus {
  const { folded } = cues;

  const triggerWord = /^[a-z0-9œæ'-]+/.exec(folded.slice(trigger.start))?.[0] ?? '';
  const { window, lastWord } = windowBefore(folded, trigger.start, lexicon.plannedWindowWords);
  const blocked = lexicon.plannedBlockers.has(lastWord);
  if (!blocked && (hasHit(lexicon.plannedRe, window) || hasHit(lexicon.plannedRe, folded.slice(trigger.start, trigger.end)))) return 'planned';
  if (lexicon.futureRe.test(triggerWord) && triggerWord.length > 5) return 'planned';
  if (lexicon.plannedAfterRe.test(folded.slice(trigger.end))) return 'planned';
  const conditional = lexicon.conditionalRe.test(triggerWord);
  if (conditional && hasHit(lexicon.announceRe, folded.slice(0, trigger.start))) return 'planned';

  if (conditional) return 'reported';
  const reportedCues = reportedCuesOf(cues, lexicon);
  if (options.ownSource) return reportedCues.some((m) => /^(?:aurait|auraient)$/.test(m[0])) ? 'reported' : 'asserted';
  if (attribution && (attribution.kind !== 'speechBefore' || attribution.cueStart < trigger.start)) return 'reported';
  if (reportedCues.some((m) => (m.index ?? 0) < trigger.start || /^(?:selon|d'apres|aurait|auraient)$/.test(m[0]))) return 'reported';
  return 'asserted';
}
