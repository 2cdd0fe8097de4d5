/**
 * Words callers and advisors use for what articles call by another name. A query word listed here
 * also looks for its related words, at the weight of a spelling correction: what the advisor typed
 * still counts most. Kept small and general to the contact centre: every entry is a plain synonym
 * or the customer's word for the service's word, never a fix for one query.
 */
const RELATED: Record<string, string[]> = {
  wipe: ['delete', 'erase'],
  erase: ['delete'],
  forget: ['delete', 'erase'],
  remove: ['delete'],
  gift: ['gesture'],
  present: ['gesture'],
  goodwill: ['gesture'],
  reimburse: ['refund'],
  compensation: ['refund', 'gesture'],
  compensate: ['refund', 'gesture'],
  deceased: ['died', 'death'],
  passed: ['died'],
  condolence: ['bereaved', 'sympathy'],
  condolences: ['bereaved', 'sympathy'],
  sympathy: ['bereaved', 'condolence'],
  grief: ['bereaved'],
  grieving: ['bereaved'],
  cremation: ['funeral'],
  burial: ['funeral'],
  // "Organise" a funeral is what callers say; the service "arranges" one.
  organise: ['arrange'],
  organize: ['arrange'],
  moan: ['complaint'],
  dispute: ['complaint'],
  unhappy: ['complaint'],
  poorly: ['ill'],
  sick: ['ill'],
  identity: ['security'],
  verify: ['identity', 'security'],
  password: ['sign'],
  login: ['sign'],
  logon: ['sign'],
  ads: ['marketing'],
  advert: ['marketing'],
  adverts: ['marketing'],
  pickup: ['collect', 'collection'],
  lawyer: ['solicitor'],
  // American words with a British meaning of their own (or a British use of their own), so the
  // British word is added rather than put in their place (american-words.ts has the rest).
  cart: ['basket', 'trolley'],
  attorney: ['solicitor'],
  casket: ['coffin'],
  obituary: ['notice'],
  obit: ['obituary', 'notice'],
  coupon: ['voucher'],
  coupons: ['vouchers'],
  truck: ['van', 'lorry'],
  mortician: ['funeral', 'director'],
  preneed: ['prepaid'],
  welfare: ['benefits'],
  asl: ['sign'],
  er: ['hospital'],
};

/** Words related to `word`, as written (the caller folds and stems them). */
export const relatedWords = (word: string): string[] => RELATED[word] ?? [];
