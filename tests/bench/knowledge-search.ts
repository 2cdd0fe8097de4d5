import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import MiniSearch, { type Options } from 'minisearch';
import { miniSearchBest } from '../relevance/engines';
import type { Article } from '../../shared/schemas/knowledge';
import type { PersistedIndex } from '../../shared/search/knowledge-index';
import { KnowledgeCorpus } from '../../renderer/features/knowledge/corpus';
import { load as loadQuerySet, type Query } from '../relevance/report';
import { generateKnowledgeBase, generateQueries, type BenchQueries } from './generate-kb';
import { generateRealisticKnowledgeBase, realisticQueries } from './realistic-kb';
import {
  collectGarbage,
  formatBytes,
  formatCount,
  formatMs,
  formatRatio,
  formatTable,
  indices,
  ordinal,
  pickOut,
  measureHeap,
  summarise,
  type HeapFigures,
  type Summary,
} from './stats';

const SEED = 20_240_611;
/** The app's call: the results list asks for 30 (renderer/state/knowledge.ts). */
const LIMIT = 30;
const WARM_UP = 300;
const DEFAULT_ARTICLES = 50_000;
const P99_TARGET_MS = 5;
const SPEED_UP_TARGET = 10;

export interface EngineFigures {
  buildMs: number;
  /** The heap once the index is built, and what the index added to it. */
  heapAfterBuild: HeapFigures;
  indexMemory: number;
  questions: Summary;
  keystrokes: Summary;
  /** The same searches again, once everything is warm (Rapport only; not a target). */
  secondPass?: { questions: Summary; keystrokes: Summary } | undefined;
  persistedBytes: number;
  saveMs: number;
  loadMs: number;
  memoryAfterLoad: number;
  /** The first searches once the persisted index is loaded: one keystroke, then one whole question. */
  firstKeystrokeAfterLoadMs: number;
  firstQuestionAfterLoadMs: number;
}

export interface Target {
  name: string;
  measured: string;
  target: string;
  passed: boolean;
}

export interface KnowledgeSearchFigures {
  articles: number;
  averageWords: number;
  questionCount: number;
  keywordCount: number;
  keystrokeCount: number;
  generateMs: number;
  rapport: EngineFigures;
  /** Null when BENCH_MINISEARCH=off (the tail at 100,000 and 200,000 articles is Rapport's alone). */
  miniSearch: EngineFigures | null;
  /** Rapport on exactly the searches MiniSearch was timed on: the speed-up targets use these. */
  rapportOnSample: { questions: Summary; keystrokes: Summary };
  sample: Sample;
  targets: Target[];
  passed: boolean;
}

/** A loaded engine: answers one query and says how many results it gave. */
type Run = (query: string, keystroke: boolean) => number;
type Persisted = Buffer | string;

interface EngineUnderTest {
  name: string;
  /** Indexes every article; returns the search and a way to persist the index. */
  build(articles: Article[]): { run: Run; save: () => Persisted };
  /** A cold start from what `save` produced. */
  load(data: Persisted): Run;
  /** After `load`, once the first answers are given: what the app does to settle (not timed). */
  settle?(): void;
}

const log = (message: string): void => console.log(`  · ${message}`);

/**
 * What the app runs for every search: the search worker's KnowledgeCorpus.search, 30 results, the
 * last word taken as still being typed (as the search box does until a space), titles highlighted
 * and snippets cut.
 */
const rapportRun =
  (corpus: KnowledgeCorpus): Run =>
  (q) =>
    corpus.search(q, LIMIT).length;

const rapportEngine: EngineUnderTest = {
  name: 'Rapport',
  build(articles) {
    const corpus = new KnowledgeCorpus();
    for (const a of articles) corpus.upsert(a);
    // The misspelling index, which the search worker builds while the advisor reads (1.5 s after
    // opening), not on their first typo: without it the first misspelt search timed built it.
    corpus.warm();
    return { run: rapportRun(corpus), save: () => v8.serialize(corpus.export()) };
  },
  load: (data) => {
    const corpus = new KnowledgeCorpus();
    const saved = v8.deserialize(data as Buffer) as PersistedIndex;
    // Node's deserialiser hands back typed arrays that are views into the whole save, cards and
    // words included, which would keep it all; the desktop reads its numbers into arrays of their
    // own (renderer/features/knowledge/index-file.ts), so they are copied out here too (timed).
    for (const key of NUMBERS) (saved[key] as Uint8Array) = saved[key].slice() as Uint8Array;
    corpus.restore(saved);
    settling = corpus;
    return rapportRun(corpus);
  },
  // What the desktop does after its first answers: the misspelling index, and the cards share their repeated strings.
  settle: () => {
    settling?.warm();
    settling?.settleNow();
    settling = null;
  },
};
let settling: KnowledgeCorpus | null = null;
const NUMBERS = ['fieldLengths', 'offsets', 'postingGaps', 'gapOffsets', 'wideTerms', 'postingTfs', 'surfaceTerms'] as const;

type MiniDoc = Omit<Article, 'tags'> & { tags: string };

/** MiniSearch with the best settings found for it (tests/relevance/engines.ts), the same as the relevance test uses. */
export const MINISEARCH_OPTIONS: Options<MiniDoc> = {
  fields: ['title', 'summary', 'body', 'tags', 'category'],
  // The same card fields Rapport keeps, so a result can be shown without going back to the articles.
  storeFields: ['title', 'summary', 'line', 'category', 'tags', 'updatedAt'],
};

// As the app searches: the last word is taken as still being typed, whole question or keystroke.
const miniSearchRun =
  (ms: MiniSearch<MiniDoc>): Run =>
  (q) =>
    ms.search(q, miniSearchBest(true)).slice(0, LIMIT).length;

const miniSearchEngine: EngineUnderTest = {
  name: 'MiniSearch',
  build(articles) {
    const ms = new MiniSearch<MiniDoc>(MINISEARCH_OPTIONS);
    for (const a of articles) ms.add({ ...a, tags: a.tags.join(' ') });
    return { run: miniSearchRun(ms), save: () => JSON.stringify(ms) };
  },
  load: (data) => miniSearchRun(MiniSearch.loadJSON<MiniDoc>(data as string, MINISEARCH_OPTIONS)),
};

let sink = 0;

function timeQueries(run: Run, queries: readonly string[], keystroke: boolean): number[] {
  const samples = new Array<number>(queries.length);
  for (let i = 0; i < queries.length; i++) {
    const start = performance.now();
    sink += run(queries[i]!, keystroke);
    samples[i] = performance.now() - start;
  }
  return samples;
}

interface Measured extends EngineFigures {
  questionSamples: number[];
  keystrokeSamples: number[];
}

interface Workload {
  /**
   * Taken by the engine's build and then let go: the searches are timed with only the index in the
   * heap, as in the app's search worker, which never holds article bodies. Hundreds of MiB of
   * articles kept alive made every collection slower and put it into the timed searches.
   */
  articles: Article[] | null;
  queries: BenchQueries;
  warmUp: BenchQueries;
}

type Built = Omit<Measured, 'persistedBytes' | 'loadMs' | 'memoryAfterLoad' | `first${string}`>;

/** Builds, times every search, then saves; the index is unreachable once this returns. */
function buildAndSearch(engine: EngineUnderTest, work: Workload, secondPass: boolean, box: { data: Persisted | null }): Built {
  const { name } = engine;
  const before = measureHeap();
  const articles = work.articles!;
  work.articles = null;
  log(`${name}: adding ${formatCount(articles.length)} articles`);
  let start = performance.now();
  const { run, save } = engine.build(articles);
  const buildMs = performance.now() - start;
  const heapAfterBuild = measureHeap();
  // The articles let go, and the heap settled as V8's memory reducer settles a desktop's search worker
  // within seconds of an index being built: collected until it gives no more pages back.
  articles.length = 0;
  const rounds = settleHeap();
  log(`${name}: built in ${formatMs(buildMs)}; heap settled in ${rounds} collections; warming up with ${WARM_UP} queries`);
  timeQueries(run, work.warmUp.questions.slice(0, WARM_UP / 2), false);
  timeQueries(run, work.warmUp.keystrokes.slice(0, WARM_UP / 2), true);
  // A forced collection gives the young generation's pages back; the first scavenges after it took
  // 8-12 ms instead of 1.5-2 ms (--trace-gc). The warm-up goes on until two more have passed.
  const more = untilScavenged(run, work.warmUp.questions, 2);
  if (more) log(`${name}: ${more} more warm-up queries, until two more scavenges had passed`);
  const phase = (label: string, list: readonly string[], keystroke: boolean): number[] => {
    // No forced collection between phases: a desktop never forces one. The scavenges the searches
    // cause themselves, every ~16 MiB allocated, fall into the timings as they do in the search worker.
    const samples = timeQueries(run, list, keystroke);
    log(`${name}: ${formatCount(list.length)} ${label} took ${formatMs(samples.reduce((a, b) => a + b, 0))}`);
    if (process.env['BENCH_VERBOSE']) {
      const slow = indices(list.length, () => true).sort((a, b) => samples[b]! - samples[a]!);
      for (const i of slow.slice(0, 8)) log(`${name} slow: ${formatMs(samples[i]!)} #${i} "${list[i]!}"`);
    }
    return samples;
  };
  const questionSamples = phase('whole questions', work.queries.questions, false);
  const keystrokeSamples = phase('keystroke searches', work.queries.keystrokes, true);
  const again = secondPass
    ? {
        questions: summarise(phase('whole questions (second pass)', work.queries.questions, false)),
        keystrokes: summarise(phase('keystroke searches (second pass)', work.queries.keystrokes, true)),
      }
    : undefined;
  collectGarbage();
  log(`${name}: saving, then a cold start`);
  start = performance.now();
  box.data = save();
  const saveMs = performance.now() - start;
  return {
    buildMs,
    heapAfterBuild,
    indexMemory: heapAfterBuild.total - before.total,
    questions: summarise(questionSamples),
    keystrokes: summarise(keystrokeSamples),
    secondPass: again,
    saveMs,
    questionSamples,
    keystrokeSamples,
  };
}

/** Collects until the heap gives no more pages back (V8 releases them over several collections). */
function settleHeap(): number {
  let committed = process.memoryUsage().heapTotal;
  for (let round = 1; round <= 20; round++) {
    collectGarbage();
    const now = process.memoryUsage().heapTotal;
    if (committed - now < 1024 * 1024) return round;
    committed = now;
  }
  return 20;
}

/**
 * Untimed searches, round the list, until `count` scavenges have passed since the last forced
 * call; a collection shows as the heap in use falling between two searches.
 * Returns how many searches that took beyond the ones already run.
 */
function untilScavenged(run: Run, list: readonly string[], count: number): number {
  let seen = 0;
  let searches = 0;
  let used = process.memoryUsage().heapUsed;
  while (seen < count && searches < 20_000) {
    sink += run(list[searches % list.length]!, false);
    searches++;
    const now = process.memoryUsage().heapUsed;
    if (now < used) seen++;
    used = now;
  }
  return searches;
}

/**
 * Collects and waits a turn: Node lets go of some memory (the buffer it deserialised from, what the
 * built index held) only once a collection's callbacks have run, on a later turn. Both figures a
 * cold start's memory is the difference of are taken so.
 */
async function settledHeap(): Promise<void> {
  collectGarbage();
  await new Promise((resolve) => setImmediate(resolve));
}

async function measureEngine(engine: EngineUnderTest, work: Workload, secondPass: boolean): Promise<Measured> {
  const box: { data: Persisted | null } = { data: null };
  const built = buildAndSearch(engine, work, secondPass, box);
  const persistedBytes = typeof box.data === 'string' ? Buffer.byteLength(box.data) : (box.data?.byteLength ?? 0);
  // The save waits on disk, as a desktop's does, so the baseline holds no articles, no index and no save.
  const file = join(tmpdir(), `rapport-bench-${process.pid}-${engine.name}`);
  const asText = typeof box.data === 'string';
  writeFileSync(file, box.data!);
  box.data = null;
  await settledHeap();
  const baseline = measureHeap().total;
  box.data = asText ? readFileSync(file, 'utf8') : readFileSync(file);
  rmSync(file);
  const start = performance.now();
  const loaded = engine.load(box.data);
  const loadMs = performance.now() - start;
  box.data = null;
  engine.settle?.();
  await settledHeap();
  const memoryAfterLoad = measureHeap().total - baseline;
  return {
    ...built,
    persistedBytes,
    loadMs,
    memoryAfterLoad,
    firstKeystrokeAfterLoadMs: timeQueries(loaded, [work.queries.keystrokes[0]!], true)[0]!,
    firstQuestionAfterLoadMs: timeQueries(loaded, [work.queries.questions[0]!], false)[0]!,
  };
}

/**
 * MiniSearch takes long enough at 50,000 articles that timing it on every search would overrun the
 * 10-minute budget, so it gets every nth question and the keystrokes of every nth keyword query.
 */
export interface Sample {
  questionStride: number;
  keywordStride: number;
  questions: number[];
  keystrokes: number[];
}

function sampleOf(queries: BenchQueries, articles: number): Sample {
  const questionStride = Math.max(1, Math.ceil(articles / 20_000));
  const keywordStride = Math.max(1, Math.ceil(articles / 12_000));
  return {
    questionStride,
    keywordStride,
    questions: indices(queries.questions.length, (i) => i % questionStride === 0),
    keystrokes: indices(queries.keystrokes.length, (i) => queries.keystrokeOf[i]! % keywordStride === 0),
  };
}

const withoutSamples = ({ questionSamples: _q, keystrokeSamples: _k, ...figures }: Measured): EngineFigures => figures;

type Latency = { questions: Summary; keystrokes: Summary };
const KINDS = [
  ['whole questions', 'questions'],
  ['keystrokes', 'keystrokes'],
] as const;

/** The targets for the app's call: p99 ≤ 5 ms up to 100,000 articles, ≤ 10 ms at 200,000, where the index stays ≤ 250 MiB. */
const p99TargetFor = (articles: number) => (articles > 100_000 ? 2 * P99_TARGET_MS : P99_TARGET_MS);
const INDEX_TARGET_BYTES = 250 * 1024 * 1024;

function targets(articles: number, r: Measured, same: Latency, m: Latency | null): Target[] {
  const p99 = p99TargetFor(articles);
  const latency = KINDS.flatMap(([kind, key]) => [
    {
      name: `Rapport p99, ${kind}`,
      measured: formatMs(r[key].p99),
      target: `≤ ${p99} ms`,
      passed: r[key].p99 <= p99,
    },
    ...(m
      ? [
          {
            name: `Rapport p95 vs MiniSearch p95, ${kind}`,
            measured: `${formatRatio(m[key].p95 / same[key].p95)} faster`,
            target: `≥ ${SPEED_UP_TARGET}× faster`,
            passed: m[key].p95 / same[key].p95 >= SPEED_UP_TARGET,
          },
        ]
      : []),
  ]);
  if (articles < 200_000) return latency;
  return [
    ...latency,
    // The larger of the two: as built (card strings shared with the articles) and after a settled cold start.
    {
      name: 'Memory the index holds',
      measured: formatBytes(Math.max(r.indexMemory, r.memoryAfterLoad)),
      target: `≤ ${formatBytes(INDEX_TARGET_BYTES)}`,
      passed: Math.max(r.indexMemory, r.memoryAfterLoad) <= INDEX_TARGET_BYTES,
    },
  ];
}

function report(f: KnowledgeSearchFigures): void {
  const { rapport: r, rapportOnSample: same, sample } = f;
  // Without MiniSearch (BENCH_MINISEARCH=off) its columns say so.
  const m = f.miniSearch;
  const row = (label: string, a: number, b: ((e: EngineFigures) => number), fmt: (n: number) => string) =>
    m ? [label, fmt(a), fmt(b(m)), formatRatio(b(m) / a)] : [label, fmt(a), 'not run', '—'];
  console.log(
    `\nKnowledge search: ${formatCount(f.articles)} articles (about ${f.averageWords} words each, generated in ` +
      `${formatMs(f.generateMs)}), ${f.questionCount} whole questions, ${f.keywordCount} keyword queries typed as ` +
      `${formatCount(f.keystrokeCount)} keystroke searches\n`,
  );
  const rows = [
    row('Build (add every article)', r.buildMs, (e) => e.buildMs, formatMs),
    row('Heap used after build', r.heapAfterBuild.total, (e) => e.heapAfterBuild.total, formatBytes),
    row('Memory the index added', r.indexMemory, (e) => e.indexMemory, formatBytes),
    row('Persisted size', r.persistedBytes, (e) => e.persistedBytes, formatBytes),
    row('Save (export and serialise)', r.saveMs, (e) => e.saveMs, formatMs),
    row('Cold start (deserialise and import)', r.loadMs, (e) => e.loadMs, formatMs),
    row('Memory after cold start, settled', r.memoryAfterLoad, (e) => e.memoryAfterLoad, formatBytes),
    row('First keystroke search after load', r.firstKeystrokeAfterLoadMs, (e) => e.firstKeystrokeAfterLoadMs, formatMs),
    row('First whole question after load', r.firstQuestionAfterLoadMs, (e) => e.firstQuestionAfterLoadMs, formatMs),
  ];
  console.log(formatTable(['', 'Rapport', 'MiniSearch', 'MiniSearch ÷ Rapport'], rows));
  const latency = KINDS.flatMap(([kind, key]) =>
    (['p50', 'p95', 'p99', 'max'] as const).map((p) => [
      `${kind} ${p}`,
      formatMs(r[key][p]),
      formatMs(r.secondPass?.[key][p] ?? Number.NaN),
      formatMs(same[key][p]),
      m ? formatMs(m[key][p]) : 'not run',
      m ? formatRatio(m[key][p] / same[key][p]) : '—',
    ]),
  );
  console.log(`\nQuery latency (top ${LIMIT} results, timed after ${WARM_UP} warm-up queries)\n`);
  const header = ['', 'Rapport (all)', 'Rapport 2nd pass', 'Rapport (sample)', 'MiniSearch (sample)', 'MiniSearch ÷ Rapport'];
  console.log(formatTable(header, latency));
  const strides = sample.questionStride === 1 && sample.keywordStride === 1;
  console.log(
    (!m
      ? '\nMiniSearch was not run (BENCH_MINISEARCH=off): these figures are Rapport\'s alone. '
      : strides
      ? '\nMiniSearch was timed on every search, so the sample is all of them. '
      : `\nSample: to finish within 10 minutes, MiniSearch was timed on every ${ordinal(sample.questionStride)} question ` +
        `and the keystrokes of every ${ordinal(sample.keywordStride)} keyword query (${sample.questions.length} questions, ` +
        `${formatCount(sample.keystrokes.length)} keystrokes); the ratio compares both engines on exactly those searches. `) +
      '"2nd pass" repeats all of Rapport\'s searches once the JIT has settled, for information only. ' +
      'Each engine is timed with only its index in the heap: the generated articles are let go once added, as the ' +
      'app\'s search worker holds no article bodies (MiniSearch is given the same articles generated again). ' +
      'Memory includes typed arrays (process.memoryUsage().arrayBuffers). Rapport persists with v8.serialize, MiniSearch ' +
      'with JSON.stringify and loadJSON. Both engines take the last word as still being typed, as the search box does; Rapport is timed on the app\'s ' +
        'own call (KnowledgeCorpus.search: 30 results, titles highlighted, snippets cut), MiniSearch on search() and the first 30 ' +
        'results only (no highlighting).',
  );
  if (!r.heapAfterBuild.afterGc) console.log('Warning: no --expose-gc, so memory was measured without a full collection.');
  const results = f.targets.map((t) => [t.name, t.measured, t.target, t.passed ? 'PASS' : 'FAIL']);
  console.log(`\nTargets\n\n${formatTable(['', 'Measured', 'Target', 'Result'], results)}`);
  console.log(`\n${f.passed ? 'All targets met.' : 'Some targets were missed.'}`);
}

/** Words that take the engine's other ways (an American spelling, a word of related meaning), for the warm-up. */
const OTHER_WAYS = ['color', 'center', 'favor', 'license', 'wipe', 'gift', 'grief', 'login', 'moan', 'sick'];

/**
 * The generated warm-up questions, some with a letter dropped from their longest word and some with
 * an American or a related word added, so every way a search can take has run before the timed
 * searches: people's questions take them all, and a way first taken while timed was compiled then.
 * The strings are the warm-up's own, so no timed search finds its answer already kept.
 */
function everyKind(warmUp: BenchQueries): BenchQueries {
  const questions = warmUp.questions.map((q, i) => {
    if (i % 3 === 1) {
      const longest = q.split(' ').reduce((a, b) => (b.length > a.length ? b : a), '');
      return longest.length >= 6 ? q.replace(longest, longest.slice(0, 2) + longest.slice(3)) : q;
    }
    return i % 3 === 2 ? `${q} ${OTHER_WAYS[i % OTHER_WAYS.length]!}` : q;
  });
  return { ...warmUp, questions };
}

/** A fingerprint of the engine's source, since shared/search changes between runs. */
function engineFingerprint(): string {
  const dir = new URL('../../shared/search/', import.meta.url);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort();
  const hash = createHash('sha256');
  for (const f of files) hash.update(f).update(readFileSync(new URL(f, dir)));
  return `shared/search ${hash.digest('hex').slice(0, 12)} (${files.length} files)`;
}

/**
 * `realistic` (the default): articles from a word-pair chain over the seed articles and the
 * people-written relevance queries; `zipf` (BENCH_KB=zipf): the earlier generator, independent words
 * from a frequency list and queries built from the tags it put in, for comparison with older figures.
 */
function knowledgeBaseKind(): 'realistic' | 'zipf' {
  return process.env['BENCH_KB'] === 'zipf' ? 'zipf' : 'realistic';
}

/** The frozen and held-out relevance sets' query texts, written by people. */
function writtenQueries(): Query[] {
  return [...loadQuerySet<{ queries: Query[] }>('./queries.json').queries, ...loadQuerySet<{ queries: Query[] }>('./heldout.json').queries];
}

/** Rapport's knowledge index against MiniSearch, on the same generated articles and queries, in one run. */
export async function benchKnowledgeSearch(opts: { articles?: number; miniSearch?: boolean } = {}): Promise<KnowledgeSearchFigures> {
  const fromEnv = Number(process.env['BENCH_ARTICLES']);
  const count = opts.articles ?? (Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_ARTICLES);
  log(`engine: ${engineFingerprint()}`);
  const kind = knowledgeBaseKind();
  log(`generating ${formatCount(count)} articles (${kind}) and the queries`);
  const start = performance.now();
  // The same seed gives the same articles: MiniSearch gets them generated again, as Rapport lets its copy go.
  const generate = () => (kind === 'zipf' ? generateKnowledgeBase(count, SEED) : generateRealisticKnowledgeBase(count, SEED));
  const articles = generate();
  const queries = kind === 'zipf' ? generateQueries(articles, SEED) : realisticQueries(writtenQueries());
  const warmUp = everyKind(generateQueries(articles, SEED + 1, { questions: WARM_UP, keywords: WARM_UP }));
  const generateMs = performance.now() - start;
  const words = articles.reduce((n, a) => n + a.body.split(/\s+/).length, 0);
  const sample = sampleOf(queries, count);
  const rapport = await measureEngine(rapportEngine, { articles, queries, warmUp }, true);
  const rapportOnSample = {
    questions: summarise(pickOut(rapport.questionSamples, sample.questions)),
    keystrokes: summarise(pickOut(rapport.keystrokeSamples, sample.keystrokes)),
  };
  await new Promise((resolve) => setImmediate(resolve));
  const sampled: BenchQueries = {
    questions: pickOut(queries.questions, sample.questions),
    keywords: queries.keywords.filter((_, i) => i % sample.keywordStride === 0),
    keystrokes: pickOut(queries.keystrokes, sample.keystrokes),
    keystrokeOf: pickOut(queries.keystrokeOf, sample.keystrokes),
  };
  collectGarbage();
  const withMiniSearch = opts.miniSearch ?? process.env['BENCH_MINISEARCH'] !== 'off';
  const miniSearch = withMiniSearch ? await measureEngine(miniSearchEngine, { articles: generate(), queries: sampled, warmUp }, false) : null;
  const t = targets(count, rapport, rapportOnSample, miniSearch);
  const figures: KnowledgeSearchFigures = {
    articles: count,
    averageWords: Math.round(words / count),
    questionCount: queries.questions.length,
    keywordCount: queries.keywords.length,
    keystrokeCount: queries.keystrokes.length,
    generateMs,
    rapport: withoutSamples(rapport),
    miniSearch: miniSearch && withoutSamples(miniSearch),
    rapportOnSample,
    sample,
    targets: t,
    passed: t.every((x) => x.passed),
  };
  report(figures);
  if (sink < 0) console.log(sink);
  return figures;
}
