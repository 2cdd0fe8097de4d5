import { AMERICAN_WORDS } from './american-words';

/**
 * Advisors type American spellings ("color", "canceled", "organize") against British articles.
 * Both sides of the index pass through here, so either spelling finds the other.
 */
const WHOLE_WORDS: Record<string, string> = {
  ...AMERICAN_WORDS,
  color: 'colour',
  colors: 'colours',
  favorite: 'favourite',
  center: 'centre',
  centers: 'centres',
  centered: 'centred',
  theater: 'theatre',
  meter: 'metre',
  liter: 'litre',
  fiber: 'fibre',
  caliber: 'calibre',
  somber: 'sombre',
  luster: 'lustre',
  specter: 'spectre',
  kilometer: 'kilometre',
  centimeter: 'centimetre',
  millimeter: 'millimetre',
  maneuver: 'manoeuvre',
  catalog: 'catalogue',
  catalogs: 'catalogues',
  dialog: 'dialogue',
  analog: 'analogue',
  program: 'programme',
  programs: 'programmes',
  license: 'licence',
  licenses: 'licences',
  defense: 'defence',
  offense: 'offence',
  pretense: 'pretence',
  jewelry: 'jewellery',
  aluminum: 'aluminium',
  mold: 'mould',
  moldy: 'mouldy',
  gray: 'grey',
  pajamas: 'pyjamas',
  cozy: 'cosy',
  plow: 'plough',
  artifact: 'artefact',
  mustache: 'moustache',
  airplane: 'aeroplane',
  ax: 'axe',
  aging: 'ageing',
  judgment: 'judgement',
  acknowledgment: 'acknowledgement',
  skeptical: 'sceptical',
  sulfur: 'sulphur',
  yogurt: 'yoghurt',
  yogurts: 'yoghurts',
  donut: 'doughnut',
  toward: 'towards',
  enroll: 'enrol',
  enrollment: 'enrolment',
  fulfill: 'fulfil',
  fulfillment: 'fulfilment',
  skillful: 'skilful',
  willful: 'wilful',
  installment: 'instalment',
  installments: 'instalments',
  cancelation: 'cancellation',
  cancelations: 'cancellations',
  // ae and oe, kept in British medical and food words
  celiac: 'coeliac',
  pediatric: 'paediatric',
  pediatrician: 'paediatrician',
  anemia: 'anaemia',
  anemic: 'anaemic',
  anesthetic: 'anaesthetic',
  anesthesia: 'anaesthesia',
  diarrhea: 'diarrhoea',
  esophagus: 'oesophagus',
  estrogen: 'oestrogen',
  fetus: 'foetus',
  hemorrhage: 'haemorrhage',
  leukemia: 'leukaemia',
  orthopedic: 'orthopaedic',
  encyclopedia: 'encyclopaedia',
};

/** -or words that are -our in British English, with the endings that keep the u (not humorous, honorary, laborious). */
const OUR =
  /^(colo|favo|hono|behavio|neighbo|labo|harbo|humo|flavo|odo|rumo|savio|vapo|endeavo|parlo|armo|tumo|valo|vigo|clamo|cando|splendo|rigo|fervo|ardo|demeano|savo)r(s|ed|ing|ings|ful|fully|ite|ites|able|ably|hood|hoods|less|er|ers|y)?$/;

/** Whole words, then the regular patterns: -or/-our, -ize/-yze, doubled l before -ed/-ing. */
export function britishSpelling(word: string): string {
  const whole = WHOLE_WORDS[word];
  if (whole) return whole;
  const our = OUR.exec(word);
  if (our) return `${our[1]}ur${our[2] ?? ''}`;
  if (word.length > 5) {
    const m = /^(.{3,})(iz|yz)(e|es|ed|ing|ation|ations|er|ers)$/.exec(word);
    if (m) return `${m[1]}${m[2] === 'iz' ? 'is' : 'ys'}${m[3]}`;
    const l =
      /^(.*(?:cance|mode|trave|labe|fue|signa|counse|jewe|channe|leve|marve|quarre|rive|dia|tota|equa|pane|funne|tunne|barre))l(ed|ing|er|ers)$/.exec(
        word,
      );
    if (l) return `${l[1]}ll${l[2]}`;
  }
  return word;
}
