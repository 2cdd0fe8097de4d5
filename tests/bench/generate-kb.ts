import type { Article, ArticleLine } from '../../shared/schemas/knowledge';
import { STOP_WORDS } from '../../shared/search/analyse';
import { loadSeedArticles, type SeedArticle } from '../../server/seed/content';

/** A seeded PRNG (mulberry32): the same seed always gives the same knowledge base. */
export type Random = () => number;
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (r: Random, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const list = (s: string, by = ','): string[] => s.split(by).map((x) => x.trim());
const shuffled = <T>(r: Random, xs: readonly T[]): T[] => {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};
const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const tokens = (s: string): string[] =>
  s
    .toLowerCase()
    .replace(/['’`]/g, '')
    .match(/[\p{L}\p{N}]+/gu) ?? [];
const contentWords = (s: string): string[] => tokens(s).filter((w) => w.length > 2 && !STOP_WORDS.has(w) && !/^\d+$/.test(w));

/** Samples items by rank with probability ∝ 1 / (rank + offset)^exponent (Zipf–Mandelbrot). */
export class Zipf<T> {
  private readonly cumulative: Float64Array;
  constructor(
    private readonly items: readonly T[],
    exponent = 1,
    offset = 2.7,
  ) {
    this.cumulative = new Float64Array(items.length);
    let total = 0;
    for (let i = 0; i < items.length; i++) this.cumulative[i] = total += 1 / Math.pow(i + 1 + offset, exponent);
    for (let i = 0; i < items.length; i++) this.cumulative[i]! /= total;
  }
  next(r: Random): T {
    const x = r();
    let lo = 0;
    let hi = this.items.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return this.items[lo]!;
  }
}

type Line = Exclude<ArticleLine, 'all'>;

/** Things customers call about, by line of business: the modifiers that make topics differ. */
export const PRODUCTS: Record<Line, string[]> = {
  food: list(
    'sourdough loaf, wholemeal bread, oat milk, semi skimmed milk, free range eggs, chicken breast fillets, beef mince, ' +
      'pork sausages, smoked salmon, cheddar cheese, greek yoghurt, butter, baby formula, gluten free pasta, basmati rice, ' +
      'strawberries, bananas, avocados, salad bag, tomatoes, potatoes, birthday cake, sandwich platter, sushi, ready meal, ' +
      'lasagne, pizza, hummus, olive oil, ground coffee, tea bags, orange juice, sparkling water, prosecco, red wine, lager, ' +
      'chocolate biscuits, crisps, peanut butter, cereal, porridge oats, frozen peas, ice cream, fish fingers, vegan burgers, ' +
      'nappies, baby wipes, dog food, cat litter, washing powder, toilet roll, flowers bouquet, hot cross buns, mince pies, ' +
      'christmas turkey, easter egg, meal deal, multipack, jam doughnuts, croissants, honey, soup, tinned tuna, chilli sauce',
  ),
  funeralcare: list(
    'oak coffin, wicker coffin, bamboo coffin, cremation urn, ashes casket, floral tribute, wreath, hearse, limousine, ' +
      'order of service, memorial stone, headstone, burial plot, cremation slot, chapel of rest, embalming, green burial, ' +
      'woodland burial, eulogy, celebrant, vicar, organist, catering, wake venue, death certificate, green form, ' +
      'coroner report, repatriation flight, funeral plan certificate, plan holder pack, memorial jewellery, keepsake urn, ' +
      'horse drawn hearse, motorcycle hearse, doves release, webcast of the service, newspaper notice, thank you cards',
  ),
  membership: list(
    'membership card, digital card, member app, points balance, points statement, dividend, welcome pack, ' +
      'member price, personalised offer, community fund, local cause, annual general meeting, member vote, ' +
      'marketing preferences, account login, password reset, joint account, junior membership, voucher, promo code, ' +
      'e-receipt, fuel reward, insurance discount, energy offer, partner scheme, reward voucher, membership number',
  ),
};

export const PLACES = list(
  'Aberdeen, Bangor, Barnsley, Bath, Belfast, Birmingham, Blackpool, Bolton, Bournemouth, Bradford, Brighton, Bristol, ' +
    'Burnley, Cambridge, Canterbury, Cardiff, Carlisle, Chelmsford, Chester, Colchester, Coventry, Crewe, Darlington, ' +
    'Derby, Doncaster, Dundee, Durham, Edinburgh, Exeter, Falkirk, Gateshead, Glasgow, Gloucester, Grimsby, Guildford, ' +
    'Halifax, Harrogate, Hartlepool, Hereford, Huddersfield, Hull, Inverness, Ipswich, Kendal, Lancaster, Leeds, ' +
    'Leicester, Lincoln, Liverpool, Llandudno, Luton, Manchester, Middlesbrough, Milton Keynes, Newcastle, Newport, ' +
    'Northampton, Norwich, Nottingham, Oldham, Oxford, Paisley, Perth, Peterborough, Plymouth, Portsmouth, Preston, ' +
    'Reading, Rochdale, Rotherham, Salford, Salisbury, Scarborough, Sheffield, Shrewsbury, Southampton, Stirling, ' +
    'Stockport, Stoke, Sunderland, Swansea, Swindon, Taunton, Telford, Truro, Wakefield, Warrington, Wigan, Winchester, ' +
    'Wolverhampton, Worcester, Wrexham, York',
);

interface Corpus {
  seeds: SeedArticle[];
  /** Every seed word, ranked by how often the seed articles use it. */
  words: Zipf<string>;
  /** Each seed article's own words, ranked the same way: what makes its topic's wording differ. */
  own: Map<SeedArticle, Zipf<string>>;
  /** Headings as often as the seed articles use them. */
  headings: string[];
}

let corpusCache: Corpus | null = null;

/** Words ranked by frequency, most frequent first (mostly-capital words such as NHS kept as written). */
function ranked(texts: string[]): string[] {
  const counts = new Map<string, number>();
  const capitals = new Map<string, number>();
  for (const text of texts) {
    for (const w of text.match(/[A-Za-z]+(?:['’][a-z]+)?/g) ?? []) {
      const lower = w.toLowerCase().replace('’', "'");
      counts.set(lower, (counts.get(lower) ?? 0) + 1);
      if (w.length > 1 && w === w.toUpperCase()) capitals.set(lower, (capitals.get(lower) ?? 0) + 1);
    }
  }
  const byCount = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return byCount.map(([w, n]) => ((capitals.get(w) ?? 0) * 2 > n ? w.toUpperCase() : w));
}

/** The seed articles' vocabulary and section headings. */
function corpus(): Corpus {
  if (corpusCache) return corpusCache;
  const seeds = loadSeedArticles();
  const headings = seeds.flatMap((s) => [...s.body.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim()));
  const text = (s: SeedArticle) => [s.title, s.summary, s.tags.join(' '), s.body.replace(/^## .+$/gm, '')].join(' ');
  const words = new Zipf(ranked(seeds.map(text)), 1, 2.7);
  const own = new Map(seeds.map((s) => [s, new Zipf(ranked([text(s)]), 1, 2.7)]));
  corpusCache = { seeds, words, own, headings };
  return corpusCache;
}

interface Topic {
  seed: SeedArticle;
  product: string;
  place: string;
  /** Words and phrases this topic's articles use far more than others. */
  keywords: string[];
  phone: string;
  code: string;
}

const TOPIC_COUNT = 720;

function makeTopics(r: Random, c: Corpus): Topic[] {
  const topics: Topic[] = [];
  for (let i = 0; i < TOPIC_COUNT; i++) {
    const seed = c.seeds[i % c.seeds.length]!;
    const pool = seed.line === 'all' ? Object.values(PRODUCTS).flat() : PRODUCTS[seed.line];
    const product = pick(r, pool);
    const place = pick(r, PLACES);
    const keywords = [...seed.tags, ...contentWords(seed.title), product, product, product, place];
    const phone = `0800 ${int(r, 100, 999)} ${int(r, 1000, 9999)}`;
    const code = `${pick(r, ['GW', 'RF', 'QC', 'FC', 'MB', 'DL', 'CX'])}-${int(r, 100, 9999)}`;
    topics.push({ seed, product, place, keywords, phone, code });
  }
  return topics;
}

const TITLES = list(
  '{title} ({product})|{Tag} with {product}|{Tag} for {product} orders|When a customer reports {tag} on {product}|' +
    '{Tag} and {tag2}: {product}|{title} in {place}|Handling {tag} for {product} in {place}|' +
    '{Product}: {tag} and what to offer|{Product} and {tag}, a guide for advisors',
  '|',
);
const SUMMARIES = list(
  'How to handle {tag} for {product}, including {tag2} and what to tell the customer.|' +
    'What to do when a customer calls about {tag} with {product} bought in {place}.|' +
    'Explains {tag}, {tag2} and {tag3} for {product} so you can set honest expectations.|' +
    'Steps for {tag} on {product}, before you offer a refund or a replacement.|' +
    'For advisors in {place} and elsewhere: {tag}, {tag2} and when to pass it on.',
  '|',
);

function fill(r: Random, template: string, t: Topic): string {
  const [tag = 'help', tag2 = 'refunds', tag3 = 'goodwill'] = shuffled(r, t.seed.tags);
  const slots: Record<string, string> = { title: t.seed.title, tag, tag2, tag3, product: t.product, place: t.place };
  return capitalise(
    template.replace(/\{(\w+)\}/g, (_, k: string) => {
      const v = slots[k.toLowerCase()] ?? k;
      return k[0] === k[0]!.toUpperCase() ? capitalise(v) : v;
    }),
  );
}

const NUMBERS: ((r: Random, t: Topic) => string)[] = [
  (r) => `${int(r, 1, 14)} working days`,
  (r) => `£${int(r, 2, 150)}.${pick(r, ['00', '50', '99', '25'])}`,
  (_, t) => t.phone,
  (_, t) => `reference ${t.code}`,
  (r) => `${int(r, 1, 12)} months`,
  (r) => `${int(r, 2019, 2025)}`,
];

/** One sentence of at most `max` words: Zipf-ranked seed words, topic words and the odd number. */
function sentence(r: Random, c: Corpus, t: Topic, max: number): string {
  const want = Math.min(max, int(r, 6, 20));
  const out: string[] = [];
  let n = 0;
  while (n < want) {
    const x = r();
    // Topic words, the odd number, then mostly the seed article's own wording over a shared background, so a
    // content word turns up in about as large a share of articles as it does in the real seed articles.
    const w =
      x < 0.11
        ? pick(r, t.keywords)
        : x < 0.125
          ? pick(r, NUMBERS)(r, t)
          : x < 0.4
            ? c.words.next(r)
            : c.own.get(t.seed)!.next(r);
    const k = tokens(w).length;
    if (n + k > want) {
      if (n === 0) continue;
      break;
    }
    out.push(w);
    n += k;
    if (n > 4 && n < want - 3 && r() < 0.06) out[out.length - 1] += ',';
  }
  return `${capitalise(out.join(' '))}.`;
}

function body(r: Random, c: Corpus, t: Topic, target: number): string {
  const blocks: string[] = [];
  let words = 0;
  const sentences = (k: number): string[] => {
    const out: string[] = [];
    for (let i = 0; i < k && words < target; i++) {
      const s = sentence(r, c, t, target - words);
      out.push(s);
      words += tokens(s).length;
    }
    return out;
  };
  const numbered = (s: string, i: number): string => {
    words += 1;
    if (r() > 0.3) return `${i + 1}. ${s}`;
    const lead = capitalise(pick(r, t.keywords));
    words += tokens(lead).length;
    return `${i + 1}. **${lead}**: ${s}`;
  };
  blocks.push(sentences(int(r, 2, 4)).join(' '));
  const used = new Set<string>();
  while (target - words > 12) {
    let heading = pick(r, c.headings);
    if (used.has(heading)) heading = pick(r, c.headings);
    used.add(heading);
    blocks.push(`## ${heading}`);
    words += tokens(heading).length;
    const kind = int(r, 0, 3);
    const bullet = (s: string) => `- ${s}`;
    if (kind < 2)
      blocks.push(
        sentences(int(r, 3, 6))
          .map(kind === 0 ? numbered : bullet)
          .join('\n'),
      );
    else if (kind === 2) blocks.push(`"${sentences(int(r, 2, 3)).join(' ')}"`);
    else for (let p = int(r, 1, 2); p > 0; p--) blocks.push(sentences(int(r, 2, 5)).join(' '));
  }
  if (words < target) blocks.push(sentences(4).join(' '));
  return blocks.filter((b) => b && b !== '""').join('\n\n');
}

/** `count` articles of 300 to 800 body words, spread over several hundred topics (some far more common). */
export function generateKnowledgeBase(count: number, seed: number): Article[] {
  const c = corpus();
  const r = mulberry32(seed);
  const topics = new Zipf(makeTopics(r, c), 0.6, 5);
  const articles: Article[] = [];
  for (let i = 0; i < count; i++) {
    const t = topics.next(r);
    const tags = new Set(shuffled(r, t.seed.tags).slice(0, int(r, 3, 5)));
    tags.add(t.product);
    if (r() < 0.3) tags.add(t.place.toLowerCase());
    const updatedAt = 1_700_000_000_000 + i * 60_000 + int(r, 0, 59_999);
    articles.push({
      id: `gen-${String(i + 1).padStart(6, '0')}`,
      title: fill(r, pick(r, TITLES), t),
      summary: fill(r, pick(r, SUMMARIES), t),
      body: body(r, c, t, int(r, 305, 785)),
      line: r() < 0.1 ? 'all' : t.seed.line,
      category: t.seed.category,
      tags: [...tags],
      updatedAt,
      publishedAt: updatedAt - int(r, 0, 90) * 86_400_000,
    });
  }
  return articles;
}

export interface BenchQueries {
  /** Whole questions, searched once each without prefix matching. */
  questions: string[];
  /** Keyword queries of 1 to 3 words as finally typed. */
  keywords: string[];
  /** Every prefix of every keyword query from 2 characters on (one search per keystroke). */
  keystrokes: string[];
  /** For each keystroke search, the keyword query it belongs to. */
  keystrokeOf: number[];
}

const QUESTIONS = list(
  'customer says the {a} never arrived what do I do about the refund|' +
    'what do I do if a member has a problem with {a} and {b}|caller from {place} asking about {a} and {b}|' +
    'how long does it take to sort out {a} for a customer|' +
    'lady on the phone says her {a} was wrong can we refund it|can I give a goodwill gesture for {a} on an order|' +
    'member wants to complain about {a} at the {place} store|' +
    'where do I find the process for {a} when the customer is upset|is there a limit on {a} for {b} customers|' +
    'gentleman calling about {a} wants to speak to a manager about {b}|do we need proof of purchase for {a}|' +
    'how do I log {a} for something bought in {place}|customer is really upset about {a} what can I offer|' +
    'what should I say to a caller about {a} and {b}|customer wants to know if {a} affects {b}',
  '|',
);

const TEMPLATE_WORDS = new Set(contentWords(TITLES.join(' ')));

function typo(r: Random, q: string): string {
  const ws = q.split(' ');
  const candidates = ws.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 5 && !STOP_WORDS.has(w));
  if (!candidates.length) return q;
  const [w, i] = pick(r, candidates);
  const at = int(r, 1, w.length - 3);
  ws[i] = w.slice(0, at) + w[at + 1]! + w[at]! + w.slice(at + 2);
  return ws.join(' ');
}

/** Advisors' whole questions and keystroke-by-keystroke keyword searches, built from the articles' topics. */
export function generateQueries(articles: Article[], seed: number, counts = { questions: 240, keywords: 240 }): BenchQueries {
  const r = mulberry32(seed ^ 0x5eed);
  const places = new Set(PLACES.map((p) => p.toLowerCase()));
  const topical = (a: Article) => a.tags.filter((t) => !places.has(t));
  const questions: string[] = [];
  while (questions.length < counts.questions) {
    const a = pick(r, articles);
    const tags = shuffled(r, topical(a));
    const slots: Record<string, string> = { a: tags[0] ?? a.category, b: tags[1] ?? a.category, place: pick(r, PLACES) };
    let q = pick(r, QUESTIONS)
      .replace(/\{(\w+)\}/g, (_, k: string) => slots[k] ?? k)
      .toLowerCase();
    const n = q.split(' ').length;
    if (n < 6 || n > 15) continue;
    if (r() < 0.1) q = typo(r, q);
    questions.push(q);
  }
  const keywords: string[] = [];
  while (keywords.length < counts.keywords) {
    const a = pick(r, articles);
    const title = contentWords(a.title).filter((w) => !TEMPLATE_WORDS.has(w) && !places.has(w));
    const tag = pick(r, topical(a)).toLowerCase();
    if (!title.length) continue;
    const shapes = [
      () => tag,
      () => title.slice(0, 2).join(' '),
      () => [...new Set([tag.split(' ')[0], pick(r, title)])].join(' '),
      () => pick(r, title),
    ];
    const q = pick(r, shapes)();
    const n = q.split(' ').length;
    if (q.length < 2 || n > 3) continue;
    keywords.push(q);
  }
  const keystrokes: string[] = [];
  const keystrokeOf: number[] = [];
  keywords.forEach((k, i) => {
    for (let len = 2; len <= k.length; len++) {
      if (k[len - 1] === ' ') continue;
      keystrokes.push(k.slice(0, len));
      keystrokeOf.push(i);
    }
  });
  return { questions, keywords, keystrokes, keystrokeOf };
}
