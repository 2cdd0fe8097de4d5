import { stemmer } from 'stemmer';
import { britishSpelling } from './spelling';
import { verbOf } from './irregular-verbs';

/** Words that carry no meaning in an advisor's question ("what do I do if the customer..."). */
export const STOP_WORDS = new Set(
  ('a about after again all also am an and any are as at be been before being but by can could did do does doing done ' +
    'for from get gets got gotten getting had has have having he her here hers him his how i if in into is it its just me my nor ' +
    'of off on once only or other our ours out over own same she should so some such than that the their theirs them then ' +
    'there these they this those through to too under until up very was we were what when where which while who whom why ' +
    'will with would you your yours yourself im ive id dont doesnt cant wont isnt arent wasnt hasnt havent didnt ' +
    'please want wants need needs tell told say says said ask asks asked let lets')
    .split(' '),
);

const WORD = /[\p{L}\p{N}]+/gu;

/** The country written in capitals ("US", "U.S.", "USA"), before case is folded away. */
const COUNTRY_US = /\bU\.S\.(?:A\.)?|\bUSA?\b/g;

/**
 * Lower case, accents folded, apostrophes joined ("customer's" → "customers"); the United States
 * written "US" becomes "usa", so it is not taken for the pronoun.
 */
export function words(text: string): string[] {
  return (
    text
      .replace(COUNTRY_US, ' usa ')
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/['’`]/g, '')
      .match(WORD) ?? []
  );
}

const stemCache = new Map<string, string>();

/**
 * The index's form of a word: an irregular verb's past form as the verb (forgot → forget), British
 * spelling, a Porter stem, and the stem folded again, so a word
 * and its plural or past tense fold alike even when only the bare word is listed (mails → mail → post).
 * The pronoun "us" keeps a term of its own.
 */
export function termOf(word: string): string {
  // "us" would stem like "use" and "used" (Porter leaves "us"): a term no stem can be.
  if (word === 'us') return 'us_';
  let t = stemCache.get(word);
  if (t === undefined) {
    const stem = stemmer(britishSpelling(verbOf(word)));
    const folded = britishSpelling(stem);
    t = folded === stem ? stem : stemmer(folded);
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(word, t);
  }
  return t;
}

/** Terms of a text for the index and for queries: stop words out, spelling folded, stemmed. */
export function analyse(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) if (!STOP_WORDS.has(w)) out.push(termOf(w));
  return out;
}
