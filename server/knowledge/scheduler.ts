import type { HubContext } from '../context';
import { HttpError } from '../http/errors';
import { dueSteps, runStep } from './lifecycle';
import { announceKnowledgeChange } from './push';

const SEARCH_KEEP_MS = 90 * 86_400_000;

/**
 * Publishes and retires articles at the time their admin chose. The schedule lives in the
 * database, so it survives restarts; each step is a conditional update in its own transaction, so
 * two hub instances polling the same PostgreSQL database carry each step out once.
 */
export async function runDueKnowledge(hub: HubContext, now = Date.now()): Promise<number> {
  const steps = await dueSteps(hub.db, now);
  let done = 0;
  for (const step of steps) {
    try {
      const out = await hub.db.tx((q) => runStep(q, step, now));
      if (out.seq !== null) {
        done++;
        await announceKnowledgeChange(hub, out.articleId, out.seq);
      }
    } catch (err) {
      if (err instanceof HttpError && err.status === 409) continue; // another instance took it
      console.error(`[hub] scheduled ${step.kind} of ${step.id} failed:`, (err as Error).message);
    }
  }
  return done;
}

/** Zero-click searches are kept 90 days (retention policy), then deleted. */
export async function pruneSearchMisses(hub: HubContext, now = Date.now()): Promise<number> {
  return (await hub.db.run('DELETE FROM knowledge_search_misses WHERE at < ?', [now - SEARCH_KEEP_MS])).changes;
}

/** `everyMs` of 0 leaves the schedule to whoever calls `runDueKnowledge` (tests that drive it step by step). */
export function startKnowledgeScheduler(hub: HubContext, everyMs: number): { stop(): void } {
  if (everyMs <= 0) return { stop: () => undefined };
  let running = false;
  let ticks = 0;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runDueKnowledge(hub);
      if (ticks++ % 3600 === 0) await pruneSearchMisses(hub);
    } catch (err) {
      console.error('[hub] knowledge schedule check failed:', (err as Error).message);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
