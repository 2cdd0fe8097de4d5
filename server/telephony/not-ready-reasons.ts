import { AWAY_REASONS, isAwayReason } from '../../shared/telephony/away-reasons';
import type { Queryable } from '../db/types';

/** The reasons an advisor may give for "not ready", in the admin's order. */
export async function notReadyReasons(q: Queryable): Promise<string[]> {
  const rows = await q.all<{ label: string }>('SELECT label FROM not_ready_reasons ORDER BY position, label');
  return rows.map((r) => r.label);
}

/** Replaces the list in one transaction (the caller's), so nobody ever reads half of it. */
export async function replaceNotReadyReasons(q: Queryable, reasons: string[]): Promise<void> {
  await q.run('DELETE FROM not_ready_reasons');
  for (const [i, label] of reasons.entries())
    await q.run('INSERT INTO not_ready_reasons (label, position) VALUES (?, ?)', [label, i + 1]);
}

/**
 * The list's own spelling of a reason an advisor chose, or null when it is not on the list. The
 * desktop's own away reasons (screen locked, computer asleep) are always accepted.
 */
export async function listedReason(q: Queryable, reason: string): Promise<string | null> {
  const wanted = reason.trim().toLowerCase();
  if (isAwayReason(reason)) return Object.values(AWAY_REASONS).find((r) => r.toLowerCase() === wanted) ?? null;
  return (await notReadyReasons(q)).find((r) => r.toLowerCase() === wanted) ?? null;
}
