/**
 * Irregular verbs' past forms, read as the verb itself: a stemmer leaves "forgot", "forgotten" and
 * "forget" as three words, so "forgot password" would miss an article about a forgotten one. Forms
 * with a common meaning of their own are not listed: "bit", "saw", "wound", and those the articles
 * use as adjectives and nouns more than as the verb ("lost property", "left luggage", "paid",
 * "made", "broken", "kept", "taken", "given", "sent", "found", "held"; on the frozen set, folding
 * lost, found, left and sent too took its questions' MRR from 0.886 to 0.877).
 */
const FORMS: Record<string, string[]> = {
  begin: ['began', 'begun'],
  break: ['broke'],
  bring: ['brought'],
  buy: ['bought'],
  catch: ['caught'],
  choose: ['chose', 'chosen'],
  come: ['came'],
  deal: ['dealt'],
  drive: ['drove', 'driven'],
  eat: ['ate', 'eaten'],
  fall: ['fell', 'fallen'],
  feed: ['fed'],
  forget: ['forgot', 'forgotten'],
  freeze: ['froze', 'frozen'],
  give: ['gave'],
  hang: ['hung'],
  hide: ['hid', 'hidden'],
  lend: ['lent'],
  mean: ['meant'],
  ring: ['rang', 'rung'],
  run: ['ran'],
  sell: ['sold'],
  speak: ['spoke', 'spoken'],
  spend: ['spent'],
  steal: ['stole', 'stolen'],
  swear: ['swore', 'sworn'],
  take: ['took'],
  tear: ['tore', 'torn'],
  think: ['thought'],
  throw: ['threw', 'thrown'],
  understand: ['understood'],
  wear: ['wore', 'worn'],
  withdraw: ['withdrew', 'withdrawn'],
  write: ['wrote', 'written'],
};

const BASE = new Map(Object.entries(FORMS).flatMap(([verb, forms]) => forms.map((form) => [form, verb] as const)));

/** The verb a past form belongs to ("forgot" → "forget"); any other word as it is. */
export const verbOf = (word: string): string => BASE.get(word) ?? word;
