/**
 * Advisors type American spellings ("color", "canceled", "organize") against British articles.
 * Both sides of the index pass through here, so either spelling finds the other.
 */
const WHOLE_WORDS: Record<string, string> = {
  color: 'colour',
  colors: 'colours',
  favor: 'favour',
  favorite: 'favourite',
  honor: 'honour',
  behavior: 'behaviour',
  neighbor: 'neighbour',
  labor: 'labour',
  harbor: 'harbour',
  humor: 'humour',
  flavor: 'flavour',
  odor: 'odour',
  center: 'centre',
  centers: 'centres',
  theater: 'theatre',
  meter: 'metre',
  liter: 'litre',
  fiber: 'fibre',
  catalog: 'catalogue',
  catalogs: 'catalogues',
  dialog: 'dialogue',
  program: 'programme',
  programs: 'programmes',
  license: 'licence',
  defense: 'defence',
  offense: 'offence',
  jewelry: 'jewellery',
  aluminum: 'aluminium',
  mold: 'mould',
  moldy: 'mouldy',
  gray: 'grey',
  pajamas: 'pyjamas',
  cozy: 'cosy',
  plow: 'plough',
  artifact: 'artefact',
  enroll: 'enrol',
  fulfill: 'fulfil',
  installment: 'instalment',
  installments: 'instalments',
  mom: 'mum',
  zip: 'postcode',
  zipcode: 'postcode',
  mail: 'post',
  package: 'parcel',
  packages: 'parcels',
  cellphone: 'mobile',
  vacation: 'holiday',
  apartment: 'flat',
  garbage: 'rubbish',
  trash: 'rubbish',
  cookie: 'biscuit',
  cookies: 'biscuits',
  candy: 'sweets',
  fries: 'chips',
};

/** Suffix rules for the regular patterns: -ize/-yze, doubled l before -ed/-ing. */
export function britishSpelling(word: string): string {
  const whole = WHOLE_WORDS[word];
  if (whole) return whole;
  if (word.length > 5) {
    const m = /^(.{3,})(iz|yz)(e|es|ed|ing|ation|ations|er|ers)$/.exec(word);
    if (m) return `${m[1]}${m[2] === 'iz' ? 'is' : 'ys'}${m[3]}`;
    const l = /^(.*(?:cance|mode|trave|labe|fue|signa|counse|jewe|channe|leve|marve|quarre|rive))l(ed|ing|er|ers)$/.exec(word);
    if (l) return `${l[1]}ll${l[2]}`;
  }
  return word;
}
