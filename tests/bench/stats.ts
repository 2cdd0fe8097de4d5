import os from 'node:os';
/** Small helpers for benchmarks: percentiles, heap measurement and plain-text tables. */

export interface Summary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of an ascending list (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((s, x) => s + x, 0);
  return {
    count: sorted.length,
    mean: sorted.length ? total / sorted.length : Number.NaN,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
  };
}

/** Runs a full collection if node was started with --expose-gc; says whether it could. */
export function collectGarbage(): boolean {
  if (typeof globalThis.gc !== 'function') return false;
  globalThis.gc();
  globalThis.gc();
  return true;
}

export interface HeapFigures {
  /** V8 heap in use (JS objects, strings, Maps). */
  heapUsed: number;
  /** Typed-array backing stores, which live outside the V8 heap. */
  arrayBuffers: number;
  /** heapUsed + arrayBuffers: what an index really costs when it keeps postings in typed arrays. */
  total: number;
  /** False when the figure was taken without a full collection first (less reliable). */
  afterGc: boolean;
}

export function measureHeap(): HeapFigures {
  const afterGc = collectGarbage();
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, arrayBuffers: m.arrayBuffers, total: m.heapUsed + m.arrayBuffers, afterGc };
}

/** Wall-clock time of a synchronous or asynchronous function, in milliseconds. */
export async function timed<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`;
  if (ms < 100) return `${ms.toFixed(2)} ms`;
  if (ms < 10_000) return `${ms.toFixed(0)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return 'n/a';
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let v = bytes;
  let u = 0;
  while (Math.abs(v) >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(u === 0 ? 0 : 1)} ${units[u]}`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-GB');
}

/** Ratio as "12.3×", or n/a when either side is missing. */
export function formatRatio(ratio: number): string {
  return Number.isFinite(ratio) ? `${ratio.toFixed(1)}×` : 'n/a';
}

/** A plain-text table: first column left-aligned, the rest right-aligned. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  const line = (r: readonly string[]) =>
    r
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** The positions 0..n-1 that `keep` accepts. */
export function indices(n: number, keep: (i: number) => boolean): number[] {
  return Array.from({ length: n }, (_, i) => i).filter(keep);
}

export const pickOut = <T>(xs: readonly T[], at: readonly number[]): T[] => at.map((i) => xs[i]!);

export const ordinal = (n: number): string =>
  n % 10 === 2 && n !== 12 ? `${n}nd` : n % 10 === 3 && n !== 13 ? `${n}rd` : n % 10 === 1 && n !== 11 ? `${n}st` : `${n}th`;

/**
 * The machine's load averages and core count, printed beside figures: on a shared machine a figure
 * taken while other work runs says so.
 */
export function machineLoad(): string {
  const [one, five] = os.loadavg();
  const cores = os.cpus().length;
  const busy = (one ?? 0) > cores * 0.75;
  return `load ${one!.toFixed(1)} (1 min) / ${five!.toFixed(1)} (5 min) on ${cores} cores${busy ? ' — BUSY: other work was running' : ''}`;
}
