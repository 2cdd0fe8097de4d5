import type { PushName, Pushes } from '../../shared/contract/pushes';
import type { HubLiveEvent } from '../../shared/hub/events';
import type { Role } from '../../shared/roles';
import type { KnowledgePush } from '../../shared/schemas/knowledge';
import type { CallDesk } from './call-desk';

const PUBLISHING_WHAT = {
  'knowledge.review_requested': 'review_requested',
  'knowledge.reviewed': 'reviewed',
  'knowledge.flagged': 'flagged',
  'knowledge.feedback_replied': 'feedback_replied',
} as const;
const GESTURE_WHAT = { 'gesture.requested': 'requested', 'gesture.resolved': 'resolved', 'gesture.decided': 'decided', 'gesture.fulfilment': 'fulfilment' } as const;
const changedArticle = (push: KnowledgePush): string | null => (!push.change ? null : push.change.kind === 'upsert' ? push.change.article.id : push.change.id);

/** What a live event from the hub can move on this desktop. */
export interface LiveEventTargets {
  emit<P extends PushName>(push: P, data: Pushes[P]): void;
  /** The signed-in person's role, or null once they have signed out. */
  role: Role | null;
  desk: CallDesk | null;
  takeKnowledgePush(push: KnowledgePush): void;
  syncErasures(): void;
  loadPrivacySettings(): void;
  /** The caller on screen is this customer, changed at the hub: their card is read again. */
  refreshCaller(customerId: string): void;
}

/** Live events arrive parsed (shared/hub/events.ts): each name brings the data it promises. */
export function routeHubEvent(event: HubLiveEvent, to: LiveEventTargets): void {
  switch (event.name) {
    case 'knowledge.changed':
      to.takeKnowledgePush(event.data);
      // Advisors hear only a reply to them; the change itself already reached their cache.
      if (to.role === 'org_admin') to.emit('publishing.changed', { what: 'published', articleId: changedArticle(event.data) });
      return;
    case 'knowledge.review_requested':
    case 'knowledge.reviewed':
    case 'knowledge.flagged':
    case 'knowledge.feedback_replied':
      to.emit('publishing.changed', { what: PUBLISHING_WHAT[event.name], articleId: event.data.articleId });
      return;
    case 'gesture.requested':
    case 'gesture.resolved':
    case 'gesture.decided':
    case 'gesture.fulfilment':
      to.emit('gestures.changed', { what: GESTURE_WHAT[event.name], requestId: event.data.requestId });
      return;
    case 'team.changed':
      to.emit('queues.changed', { kind: 'advisor', advisor: event.data });
      return;
    case 'queues.changed':
      to.emit('queues.changed', { kind: 'queues', ...event.data });
      return;
    case 'telephony.status':
      to.emit('telephony.status', event.data);
      return;
    case 'call.signal':
      to.desk?.accept(event.data, 'hub');
      return;
    case 'agent.state':
      to.desk?.hubAgentState(event.data);
      return;
    case 'customer.erased':
      to.syncErasures();
      return;
    case 'privacy.settings_changed':
      to.loadPrivacySettings();
      return;
    case 'customer.changed': {
      const id = event.data.customerId;
      // Open gesture lists and profiles for this customer ask again (a bereavement flagged at another site).
      to.emit('customers.changed', { customerId: id });
      if (to.desk?.current?.card?.customer.id === id) to.refreshCaller(id);
      return;
    }
    case 'agent.pause_cut_short':
    case 'catalogue.changed':
      return; // parsed so a bad one is caught here; no screen of this desktop follows them yet
  }
}
