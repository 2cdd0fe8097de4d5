import type { CallView, CustomerCard } from '../../shared/contract/calls';
import { toE164 } from '../../shared/phone';
import type { Line } from '../../shared/roles';
import type { HubClient } from './hub-client';
import { hubReplies } from '../../shared/hub/replies';

export interface CallReference {
  queues: { id: string; name: string; line: Line; dialledNumber: string }[];
  codes: { id: string; line: string; label: string }[];
}

/** What a lookup adds to a call: how it went, the card if it got an answer, sensitivity if the customer is bereaved. */
export type PopResult = Pick<CallView, 'lookup'> & { card?: CustomerCard | null; sensitive?: true };

/** The customer card for the caller's number (or the IVR's membership number); never throws. */
export async function lookUpCaller(hub: HubClient, view: CallView): Promise<PopResult> {
  const member = view.call.attached.MEMBER_NO ?? view.call.attached.member_no;
  try {
    const res = await hub.get(
      `/api/screen-pop?number=${encodeURIComponent(view.caller)}${member ? `&membership=${encodeURIComponent(member)}` : ''}`,
      hubReplies.screenPop,
    );
    return { card: res.card, lookup: res.card ? 'found' : 'unknown', ...(res.card?.customer.flags.bereaved ? { sensitive: true as const } : {}) };
  } catch {
    return { lookup: 'failed' };
  }
}

/** The organisation's queues and wrap-up codes, or null offline (the line stays unknown until the hub answers). */
export async function loadCallReference(hub: HubClient): Promise<CallReference | null> {
  try {
    const [{ queues }, { codes }] = await Promise.all([
      hub.get('/api/queues', hubReplies.queues),
      hub.get('/api/wrapup-codes', hubReplies.wrapupCodes),
    ]);
    return { queues, codes };
  } catch {
    return null;
  }
}

/** The queues and codes, asked once or afresh (at each ring: an admin may have changed the codes); offline, the last ones known stay. */
export class CallReferences {
  current: CallReference | null = null;
  constructor(private readonly hub: HubClient) {}
  async load(fresh = false): Promise<CallReference | null> {
    if (fresh || !this.current) this.current = (await loadCallReference(this.hub)) ?? this.current;
    return this.current;
  }
}

/** The line a call came in on: its queue if the PBX named one, else the number dialled. */
export function lineOf(reference: CallReference | null, queue: string | null, dialled: string | null): Line | null {
  const qs = reference?.queues ?? [];
  const byQueue = queue ? qs.find((q) => q.id === queue || q.name.toLowerCase() === queue.toLowerCase()) : undefined;
  if (byQueue) return byQueue.line;
  const e164 = dialled ? toE164(dialled) : null;
  return qs.find((q) => q.dialledNumber === e164)?.line ?? null;
}
