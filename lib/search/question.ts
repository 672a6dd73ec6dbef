import { isStopWord } from './analyze';

/**
 * Reduces a question typed as a sentence ("how do I stop people from adding
 * apps to our jira?") to the words that say what it is about ("stop people
 * adding apps jira"): question frames, filler and politeness go, negation stays
 * (as "not": "can't", "doesn't", "won't" … all mean the same to a help center),
 * and words that make a phrase with a particle ("sign in", "log in", "add-on",
 * "kick out") are kept whole so the synonym matcher still sees the phrase.
 * Greenlight's own: it is English function-word knowledge, not a list per query.
 */

export interface ReducedQuestion {
  /**
   * The text to plan, the input unchanged when it was not a sentence. Function
   * words inside it stay: the synonym matcher reads phrases such as "act as me".
   */
  text: string;
  /** What the sentence is about: content words, negation as "not", particle phrases whole ("sign in"). */
  keywords: string[];
  /** Read as a sentence (question, request) rather than keywords. */
  sentence: boolean;
  /** Says that something does not happen or cannot be done ("isn't showing", "can't push"). */
  negated: boolean;
}

/** Frames that only say "I am asking": removed wherever they appear. */
const FRAMES = [
  'is there (?:a|any) way (?:to|for me to|i can|we can)',
  'is it possible (?:to|for me to|for us to)',
  "what(?: is|'s|s) the (?:best|easiest|right|correct|proper) way to",
  'how (?:would|do|can|should) (?:i|we|you) go about',
  'i (?:was|am|m) wondering (?:if|whether|how)?',
  '(?:can|could) (?:you|someone|anyone|somebody) (?:please )?(?:tell me|explain|help me(?: with)?|show me)',
  '(?:does|do) (?:anyone|anybody|someone|somebody|you) know',
  '(?:anyone|anybody|someone|somebody) knows?',
  'how to',
  'any (?:idea|ideas|tips|suggestions) (?:on|about|for|how)?',
  'what (?:should|do|can|must) (?:i|we) do (?:if|when|about|after)?',
  'thanks? (?:you )?in advance',
  'thank you',
  'please help(?: me)?',
  'help me',
  "i(?: would|'d|d) like to",
  "i(?: am|'m|m) trying to",
  'i (?:want|need|have) to',
  'we (?:want|need|have) to',
];
const FRAME_PATTERN = new RegExp(`\\b(?:${FRAMES.join('|')})\\b`, 'g');

/** Question words and auxiliaries that open a question. */
const OPENERS = new Set(
  'how what why when where which who whom whose can could would should shall will may might must do does did is are was were am have has had'.split(
    ' ',
  ),
);

/** Who is asking: dropped right after an opener ("how do I", "can we", "should you"). */
const ASKERS = new Set('i we you one someone anyone somebody anybody'.split(' '));

/** Filler and politeness: words that never carry a help-center topic. */
const FILLER = new Set(
  (
    'please pls plz thanks thank thx hi hello hey guys folks ok okay so just actually basically really ' +
    'exactly simply somehow anyway anyways currently even ever possible wondering wonder know tell idea ' +
    'ideas advance appreciated kindly sure quick quickly totally literally maybe perhaps probably'
  ).split(' '),
);

/** Negations, with the apostrophe already dropped ("doesn't" → "doesnt"). */
export const NEGATIONS: ReadonlySet<string> = new Set(
  'not cannot cant dont doesnt didnt isnt arent wasnt werent wont couldnt shouldnt wouldnt hasnt havent hadnt aint'.split(
    ' ',
  ),
);

/** Verbs that make a phrase with the particle after them ("sign in", "kick out", "turn off"). */
const PHRASAL_VERBS = new Set(
  (
    'sign log check set back roll turn switch shut kick cut hand take give clean look opt lock lay ' +
    'throw pull push rule boot phase wipe show hook spin fill find run'
  ).split(' '),
);
const PARTICLES = new Set('in on out up off over back away down'.split(' '));

/** Normalised words of the text: lower case, apostrophes dropped, hyphens kept inside words. */
function tokens(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/['\u2019]/g, '')
      .match(/[a-z0-9]+(?:-[a-z0-9]+)*/g) ?? []
  );
}

export function isNegation(word: string): boolean {
  return NEGATIONS.has(word);
}

/** A person's sentence, not keywords: a question mark, a question word first, or many words with "I/my/we". */
export function looksLikeSentence(text: string): boolean {
  const words = tokens(text);
  if (words.length < 4) return false;
  if (/\?\s*$/.test(text)) return true;
  if (OPENERS.has(words[0]!)) return true;
  return (
    words.length >= 6 && words.some((w) => w === 'i' || w === 'my' || w === 'we' || w === 'our' || w === 'me')
  );
}

export function reduceQuestion(text: string): ReducedQuestion {
  if (!looksLikeSentence(text)) return { text, keywords: [], sentence: false, negated: false };
  const words = tokens(text)
    .join(' ')
    .replace(FRAME_PATTERN, ' ')
    .split(' ')
    .filter((w) => w && !FILLER.has(w));
  let start = 0;
  // "how do I …", "why does my …", "can we …": the opening words only mark a question.
  while (start < words.length - 1 && (OPENERS.has(words[start]!) || (start > 0 && ASKERS.has(words[start]!))))
    start++;
  const kept: string[] = [];
  const keywords: string[] = [];
  let negated = false;
  for (let i = start; i < words.length; i++) {
    const word = words[i]!;
    if (NEGATIONS.has(word)) {
      negated = true;
      kept.push('not');
      keywords.push('not');
      // "can't I", "doesn't it": the asker after a negated auxiliary says nothing either
      if (ASKERS.has(words[i + 1] ?? '')) i++;
      continue;
    }
    kept.push(word);
    const previous = words[i - 1] ?? '';
    if (PARTICLES.has(word) && PHRASAL_VERBS.has(previous) && keywords.at(-1) === previous)
      keywords[keywords.length - 1] += ` ${word}`;
    else if (word.includes('-') || !isStopWord(word)) keywords.push(word);
  }
  const reduced = kept.join(' ').trim();
  return { text: reduced || text, keywords, sentence: true, negated };
}
