/**
 * American words for things British articles call by another name, where the American word has no
 * British meaning of its own to blur (so both sides of the index can take the British word). Words
 * that do have one (cart, attorney, casket) add the British word at half weight instead
 * (related-words.ts). Written as a general list of the two vocabularies, not from queries.
 */
export const AMERICAN_WORDS: Record<string, string> = {
  // Home and family
  mom: 'mum',
  moms: 'mums',
  mommy: 'mummy',
  apartment: 'flat',
  apartments: 'flats',
  diaper: 'nappy',
  diapers: 'nappies',
  stroller: 'pushchair',
  pacifier: 'dummy',
  crib: 'cot',
  faucet: 'tap',
  flashlight: 'torch',
  elevator: 'lift',
  restroom: 'toilet',
  restrooms: 'toilets',
  washroom: 'toilet',
  sidewalk: 'pavement',
  vacation: 'holiday',
  vacations: 'holidays',
  movie: 'film',
  movies: 'films',
  // Post and phones
  mail: 'post',
  mailed: 'posted',
  mailman: 'postman',
  mailbox: 'postbox',
  zip: 'postcode',
  zipcode: 'postcode',
  package: 'parcel',
  packages: 'parcels',
  cellphone: 'mobile',
  cell: 'mobile',
  '911': '999',
  // Shopping and food
  checkbook: 'chequebook',
  takeout: 'takeaway',
  drugstore: 'chemist',
  garbage: 'rubbish',
  trash: 'rubbish',
  cookie: 'biscuit',
  cookies: 'biscuits',
  candy: 'sweets',
  fries: 'chips',
  eggplant: 'aubergine',
  zucchini: 'courgette',
  cilantro: 'coriander',
  rutabaga: 'swede',
  gasoline: 'petrol',
  expiration: 'expiry',
  // The food regulator
  fda: 'fsa',
  // Funerals
  cremains: 'ashes',
};
