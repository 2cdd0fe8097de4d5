import { Document } from 'flexsearch';
import type { Article } from '../../../shared/schemas/knowledge';
import type { SearchHit } from './protocol';
import { emphasise, markdownToText, matchStrength, queryTerms, snippetOf, words } from './text';

const FIELDS = ['title', 'tags', 'category', 'summary', 'body'] as const;
type Field = (typeof FIELDS)[number];

/** The title says what an article is about far more reliably than a passing mention in the body. */
const FIELD_WEIGHT: Record<Field, number> = { title: 5, tags: 3, category: 2, summary: 2, body: 1 };
const K1 = 1.2;
const B = 0.75;
const CANDIDATES_PER_FIELD = 300;

type Indexed = { [F in Field]: string } & { id: string };

interface Entry {
  article: Article;
  plainBody: string;
  words: Record<Field, string[]>;
  vocabulary: Set<string>;
}

/**
 * The cached knowledge base inside the search worker: flexsearch finds candidates by prefix,
 * then a BM25F-style score ranks them so a spoken-style question ranks like a search engine would.
 */
export class KnowledgeCorpus {
  private index = KnowledgeCorpus.newIndex();
  private entries = new Map<string, Entry>();
  private docFrequency = new Map<string, number>();
  private fieldLengthTotals: Record<Field, number> = { title: 0, tags: 0, category: 0, summary: 0, body: 0 };

  private static newIndex() {
    return new Document<Indexed>({
      tokenize: 'forward',
      cache: 100,
      document: { id: 'id', index: FIELDS.map((field) => ({ field, tokenize: 'forward' as const })) },
    });
  }

  get size(): number {
    return this.entries.size;
  }

  reset(): void {
    this.index = KnowledgeCorpus.newIndex();
    this.entries.clear();
    this.docFrequency.clear();
    for (const f of FIELDS) this.fieldLengthTotals[f] = 0;
  }

  upsert(article: Article): void {
    if (this.entries.has(article.id)) this.remove(article.id);
    const plainBody = markdownToText(article.body);
    const text: Indexed = {
      id: article.id,
      title: article.title,
      summary: article.summary,
      body: plainBody,
      tags: article.tags.join(' '),
      category: article.category,
    };
    const fieldWords = Object.fromEntries(FIELDS.map((f) => [f, words(text[f])])) as Record<Field, string[]>;
    const vocabulary = new Set(FIELDS.flatMap((f) => fieldWords[f]));
    for (const w of vocabulary) this.docFrequency.set(w, (this.docFrequency.get(w) ?? 0) + 1);
    for (const f of FIELDS) this.fieldLengthTotals[f] += fieldWords[f].length;
    this.entries.set(article.id, { article, plainBody, words: fieldWords, vocabulary });
    this.index.add(text);
  }

  remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    for (const w of entry.vocabulary) {
      const left = (this.docFrequency.get(w) ?? 1) - 1;
      if (left > 0) this.docFrequency.set(w, left);
      else this.docFrequency.delete(w);
    }
    for (const f of FIELDS) this.fieldLengthTotals[f] -= entry.words[f].length;
    this.entries.delete(id);
    this.index.remove(id);
  }

  recent(limit: number): SearchHit[] {
    return [...this.entries.values()]
      .sort((a, b) => b.article.updatedAt - a.article.updatedAt)
      .slice(0, limit)
      .map((e) => this.hit(e, []));
  }

  search(query: string, limit: number): SearchHit[] {
    const terms = queryTerms(query);
    if (terms.length === 0) return [];
    const candidates = new Set<string>();
    for (const fieldResult of this.index.search(terms.join(' '), { limit: CANDIDATES_PER_FIELD, suggest: true })) {
      for (const id of fieldResult.result) candidates.add(String(id));
    }
    const idf = new Map(terms.map((t) => [t, this.inverseDocumentFrequency(t)]));
    return [...candidates]
      .flatMap((id) => {
        const entry = this.entries.get(id);
        return entry ? [{ entry, score: this.score(entry, terms, idf) }] : [];
      })
      .filter((r) => r.score > 0)
      .sort((a, b) => b.score - a.score || b.entry.article.updatedAt - a.entry.article.updatedAt)
      .slice(0, limit)
      .map((r) => this.hit(r.entry, terms));
  }

  private score(entry: Entry, terms: string[], idf: Map<string, number>): number {
    const n = this.entries.size;
    let total = 0;
    for (const term of terms) {
      let weighted = 0;
      for (const f of FIELDS) {
        const fieldWords = entry.words[f];
        if (fieldWords.length === 0) continue;
        let tf = 0;
        for (const w of fieldWords) tf += matchStrength(w, term);
        if (tf === 0) continue;
        const average = this.fieldLengthTotals[f] / n || 1;
        weighted += (FIELD_WEIGHT[f] * tf) / (1 - B + (B * fieldWords.length) / average);
      }
      total += (idf.get(term) ?? 0) * (weighted / (K1 + weighted));
    }
    return total;
  }

  /** Prefix terms count every word they could be finishing; capped so a short prefix stays sane. */
  private inverseDocumentFrequency(term: string): number {
    const n = this.entries.size;
    let df = 0;
    for (const [word, count] of this.docFrequency) {
      if (matchStrength(word, term) > 0) df += count;
      if (df >= n) break;
    }
    df = Math.min(df, n);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  private hit(entry: Entry, terms: string[]): SearchHit {
    const { article } = entry;
    const summaryMatches = terms.length > 0 && words(article.summary).some((w) => terms.some((t) => matchStrength(w, t) > 0));
    const source = terms.length === 0 || summaryMatches || !entry.plainBody ? article.summary : entry.plainBody;
    const snippet = snippetOf(source, terms);
    return {
      id: article.id,
      title: emphasise(article.title, terms),
      line: article.line,
      category: article.category,
      updatedAt: article.updatedAt,
      snippet: snippet.some((p) => p.match) || terms.length === 0 ? snippet : snippetOf(article.summary, terms),
    };
  }
}
