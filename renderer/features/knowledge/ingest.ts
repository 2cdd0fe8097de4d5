import { z } from 'zod';
import { article, type Article } from '../../../shared/schemas/knowledge';

/**
 * Knowledge frames exactly as the core sent them, read here in the worker: a page reply
 * (`{id, result}`), an articles-by-id reply, or a `knowledge.changed` push.
 */
const bridgeError = z.object({ code: z.string(), message: z.string() });
const page = z.object({ articles: z.array(article), total: z.number() });
const reply = z.object({
  id: z.number(),
  result: z.union([
    z.object({ ok: z.literal(true), value: z.union([page, z.array(article)]) }),
    z.object({ ok: z.literal(false), error: bridgeError }),
  ]),
});
const push = z.object({
  push: z.literal('knowledge.changed'),
  data: z.object({ upserts: z.array(article), removed: z.array(z.string()), cursor: z.number() }),
});

export interface Ingested {
  ok: boolean;
  error?: { code: string; message: string };
  upserts: Article[];
  removed: string[];
  /** A page's count of all cached articles. */
  total: number | null;
  cursor: number | null;
}

export function readKnowledgeFrame(frame: string | object, kind: 'reply' | 'push'): Ingested {
  const failed = (message: string): Ingested => ({ ok: false, error: { code: 'bad_frame', message }, upserts: [], removed: [], total: null, cursor: null });
  let raw: unknown;
  try {
    raw = typeof frame === 'string' ? JSON.parse(frame) : frame;
  } catch {
    return failed('Rapport sent knowledge that could not be read.');
  }
  if (kind === 'push') {
    const p = push.safeParse(raw);
    if (!p.success) return failed('Rapport sent a knowledge update this page does not understand.');
    return { ok: true, upserts: p.data.data.upserts, removed: p.data.data.removed, total: null, cursor: p.data.data.cursor };
  }
  const r = reply.safeParse(raw);
  if (!r.success) return failed('Rapport sent a knowledge page this page does not understand.');
  if (!r.data.result.ok) return { ok: false, error: r.data.result.error, upserts: [], removed: [], total: null, cursor: null };
  const value = r.data.result.value;
  return Array.isArray(value)
    ? { ok: true, upserts: value, removed: [], total: null, cursor: null }
    : { ok: true, upserts: value.articles, removed: [], total: value.total, cursor: null };
}

const manifestReply = z.object({
  id: z.number(),
  result: z.union([
    z.object({ ok: z.literal(true), value: z.object({ cursor: z.number(), ids: z.array(z.string()), seqs: z.array(z.number()) }) }),
    z.object({ ok: z.literal(false), error: bridgeError }),
  ]),
});

/** The cache's manifest as the core sent it over the worker's link; a failure throws its message. */
export function readManifestFrame(frame: string | object): { cursor: number; ids: string[]; seqs: number[] } {
  let raw: unknown = frame;
  try {
    if (typeof frame === 'string') raw = JSON.parse(frame);
  } catch {
    throw new Error('Rapport sent knowledge that could not be read.');
  }
  const r = manifestReply.safeParse(raw);
  if (!r.success) throw new Error('Rapport sent a knowledge list this page does not understand.');
  if (!r.data.result.ok) throw new Error(r.data.result.error.message);
  return r.data.result.value;
}
