import type { GestureRequestView } from '../../shared/schemas/gestures';
import type { HubContext } from '../context';
import type { Audience, HubEvent } from '../events/bus';

/**
 * Who watches for this request: the site's supervisors and every head of service (organisation
 * admins decide at every site, and alone above a supervisor's limit).
 */
function approvers(r: GestureRequestView): Audience[] {
  return [
    { kind: 'site', siteId: r.siteId, roles: ['supervisor'] },
    { kind: 'roles', roles: ['org_admin'] },
  ];
}

const summary = (r: GestureRequestView) => ({
  requestId: r.id,
  caseId: r.caseId,
  siteId: r.siteId,
  itemName: r.itemName,
  amountPence: r.amountPence,
  approverLevel: r.approverLevel,
  status: r.status,
  requestedBy: r.requestedBy,
  requestedByName: r.requestedByName,
});

/** A new request waits: every approver who may see it watches it arrive. */
export const requestedEvents = (r: GestureRequestView, leftPence: number): HubEvent[] =>
  approvers(r).map((audience) => ({ name: 'gesture.requested', data: { ...summary(r), leftPence }, audience }));

/**
 * A request stopped waiting. The requester hears the outcome; the site's approvers hear it too so
 * a request another supervisor has just decided leaves every inbox at once.
 */
export function outcomeEvents(r: GestureRequestView): HubEvent[] {
  const events: HubEvent[] = approvers(r).map((audience) => ({ name: 'gesture.resolved', data: summary(r), audience }));
  if (r.status !== 'withdrawn') {
    events.push({
      name: 'gesture.decided',
      data: { ...summary(r), decidedBy: r.decidedBy, decidedByName: r.decidedByName, decisionReason: r.decisionReason },
      audience: { kind: 'user', userId: r.requestedBy },
    });
  }
  return events;
}

export const fulfilmentEvent = (r: GestureRequestView): HubEvent => ({
  name: 'gesture.fulfilment',
  data: { ...summary(r), fulfilmentStatus: r.fulfilmentStatus },
  audience: { kind: 'user', userId: r.requestedBy },
});

/** Events go out after commit; a lost event is repaired by the next inbox fetch, a failed request is not. */
export async function publishAll(hub: HubContext, events: readonly HubEvent[]): Promise<void> {
  for (const e of events) {
    await hub.events.publish(e).catch((err: unknown) => console.error(`[hub] could not publish ${e.name}:`, (err as Error).message));
  }
}
