import type { Article } from '../../shared/schemas/knowledge';
import { loadSeedArticles, type SeedArticle } from '../../server/seed/content';
import { PLACES, PRODUCTS, mulberry32, type BenchQueries, type Random } from './generate-kb';

/**
 * A knowledge base that reads like the real one: each article's text comes from a word-pair
 * (bigram) chain trained on the 84 seed articles' sentences, mostly on its own topic's article and
 * partly on all of them, so words keep the company they keep in real articles (which independent
 * draws from a frequency list do not). Titles are real titles placed at a store or a product, and
 * the queries are the 235 advisor queries people wrote for the relevance sets, not words the
 * generator put in.
 */

const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Random, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
const END = '\u0000';

/** Next words seen after each word (repeats kept, so a draw follows how often a pair occurs). */
type Chain = Map<string, string[]>;

function sentencesOf(s: SeedArticle): string[] {
  const text = `${s.summary} ${s.body.replace(/^#+ .*$/gm, ' ').replace(/[*_`>|#-]+/g, ' ')}`;
  return text
    .split(/(?<=[.!?])\s+/)
    .map((x) => x.replace(/\s+/g, ' ').trim())
    .filter((x) => x.split(' ').length >= 4);
}

function train(sentences: string[]): { chain: Chain; starts: string[] } {
  const chain: Chain = new Map();
  const starts: string[] = [];
  for (const sentence of sentences) {
    const ws = sentence.split(' ');
    starts.push(ws[0]!);
    ws.forEach((w, i) => {
      const next = ws[i + 1] ?? END;
      let after = chain.get(w);
      if (!after) chain.set(w, (after = []));
      after.push(next);
    });
  }
  return { chain, starts };
}

interface Model {
  seeds: SeedArticle[];
  all: ReturnType<typeof train>;
  own: Map<SeedArticle, ReturnType<typeof train>>;
}

let model: Model | null = null;
function trained(): Model {
  if (model) return model;
  const seeds = loadSeedArticles();
  model = { seeds, all: train(seeds.flatMap(sentencesOf)), own: new Map(seeds.map((s) => [s, train(sentencesOf(s))])) };
  return model;
}

/** One sentence: mostly the topic's own chain, a fifth of steps from all articles' chain. */
function sentence(r: Random, m: Model, seed: SeedArticle): string {
  const own = m.own.get(seed)!;
  let w = pick(r, own.starts.length ? own.starts : m.all.starts);
  const out = [w];
  while (out.length < 40) {
    const chain = r() < 0.2 ? m.all.chain : own.chain;
    const after = chain.get(w) ?? m.all.chain.get(w);
    if (!after) break;
    const next = pick(r, after);
    if (next === END) break;
    out.push(next);
    w = next;
  }
  const text = out.join(' ');
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** `count` articles of about 300 to 800 words on the seed articles' topics, at stores and products. */
export function generateRealisticKnowledgeBase(count: number, seed: number): Article[] {
  const m = trained();
  const r = mulberry32(seed ^ 0x7ea1);
  const articles: Article[] = [];
  for (let i = 0; i < count; i++) {
    const s = m.seeds[int(r, 0, m.seeds.length - 1)]!;
    const pool = s.line === 'all' ? Object.values(PRODUCTS).flat() : PRODUCTS[s.line];
    const product = pick(r, pool);
    const place = pick(r, PLACES);
    const title = r() < 0.5 ? `${s.title}: ${place}` : `${s.title} (${product})`;
    const target = int(r, 300, 800);
    const paragraphs: string[] = [];
    let words = 0;
    while (words < target) {
      const paragraph = Array.from({ length: int(r, 2, 5) }, () => sentence(r, m, s)).join(' ');
      words += paragraph.split(' ').length;
      paragraphs.push(paragraph);
    }
    const updatedAt = 1_700_000_000_000 + i * 60_000 + int(r, 0, 59_999);
    articles.push({
      id: `real-${String(i + 1).padStart(6, '0')}`,
      title,
      summary: sentence(r, m, s),
      body: paragraphs.join('\n\n'),
      line: s.line,
      category: s.category,
      tags: [...new Set([...s.tags, product])],
      updatedAt,
      publishedAt: updatedAt - int(r, 0, 90) * 86_400_000,
    });
  }
  return articles;
}

/**
 * The people-written queries of tests/relevance (frozen and held-out sets): whole questions and
 * misspellings as questions, short ones as keyword queries typed keystroke by keystroke.
 */
export function realisticQueries(written: { query: string; kind: string }[]): BenchQueries {
  const questions = written.filter((q) => q.query.split(' ').length >= 4).map((q) => q.query);
  const keywords = written.filter((q) => q.query.split(' ').length < 4).map((q) => q.query.toLowerCase());
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
