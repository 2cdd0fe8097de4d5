import { z } from 'zod';
import type { GestureRequestResults, HubJson } from '../../shared/contract/gestures';
import type { RequestName } from '../../shared/contract/requests';
import { formatPence } from '../../shared/gestures/policy';
import { caseStatusChangeView } from '../../shared/schemas/cases';
import { caseNoteView, caseView, type CaseView } from '../../shared/schemas/customers';
import type { DesktopCore } from './core';
import { transient } from './outbox';
import type { Handlers } from './router';

const caseWithNotes = z.object({ case: caseView, notes: z.array(caseNoteView), changes: z.array(caseStatusChangeView).default([]) });

type GestureHandlers = Pick<Handlers, Extract<RequestName, keyof GestureRequestResults>>;

const q = (params: Record<string, string | undefined>) => {
  const pairs = Object.entries(params).filter(([, v]) => v !== undefined) as [string, string][];
  return pairs.length ? `?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}` : '';
};
const seg = encodeURIComponent;

/** Cases opened by hand, customers, and gestures of goodwill: the hub's answers passed through. */
export function gestureHandlers(core: DesktopCore): GestureHandlers {
  const hub = () => {
    core.requireSignedIn();
    return core.hub;
  };
  return {
    'cases.open': (args) => hub().post<{ case: CaseView }>('/api/cases', args),
    'cases.get': async ({ caseId }) => {
      const { store } = core.requireSignedIn();
      try {
        const found = await hub().get<GestureRequestResults['cases.get']>(`/api/cases/${seg(caseId)}`);
        store.cacheCase(caseId, found);
        return found;
      } catch (err) {
        // The hub away: the copy kept here, so the case tab still reads (notes written now wait in the journal).
        const cached = transient(err) ? caseWithNotes.safeParse(store.cachedCase(caseId)) : null;
        if (cached?.success) return cached.data;
        throw err;
      }
    },
    'customers.search': ({ q: text }) => hub().get(`/api/customers${q({ q: text })}`),
    'customers.card': ({ customerId }) => hub().get<HubJson>(`/api/customers/${seg(customerId)}`),
    'gestures.suggestions': ({ caseId }) => hub().get(`/api/cases/${seg(caseId)}/gesture-suggestions`),
    'gestures.forCase': ({ caseId }) => hub().get(`/api/cases/${seg(caseId)}/gestures`),
    'gestures.forCustomer': ({ customerId }) => hub().get(`/api/customers/${seg(customerId)}/gestures`),
    'gestures.send': ({ itemName, ...request }) => {
      const { outbox } = core.requireSignedIn();
      return outbox.send(request, `${itemName ?? request.itemId} · ${formatPence(request.amountPence)}`);
    },
    'gestures.outbox': async () => core.requireSignedIn().outbox.entries(),
    'gestures.discard': async ({ outboxId }) => core.requireSignedIn().outbox.discard(outboxId),
    'gestures.mine': () => hub().get('/api/gestures/requests'),
    'gestures.withdraw': ({ requestId, reason }) => hub().post(`/api/gestures/requests/${seg(requestId)}/withdraw`, { reason }),
    'gestures.approvals': () => hub().get('/api/gestures/approvals'),
    'gestures.decide': ({ requestId, decision, reason }) =>
      hub().post(`/api/gestures/requests/${seg(requestId)}/${decision}`, { reason: reason ?? '' }),
    'gestures.fulfilment': ({ requestId, ...update }) => hub().post(`/api/gestures/requests/${seg(requestId)}/fulfilment`, update),
    'gestures.fulfilmentQueue': () => hub().get('/api/gestures/fulfilment'),
    'gestures.decided': () => hub().get('/api/gestures/decided'),
    'gestures.followUps': ({ state }) => hub().get(`/api/gestures/follow-ups${q({ state })}`),
    'gestures.followUpDone': ({ followUpId, outcome }) => hub().post(`/api/gestures/follow-ups/${seg(followUpId)}/done`, { outcome }),
    'gestures.budgets': ({ month }) => hub().get(`/api/gestures/budgets${q({ month })}`),
    'gestures.report': ({ from, to }) => hub().get(`/api/gestures/report${q({ from, to })}`),
    'gestures.reportCsv': async ({ by, from, to }) => {
      const csv = await hub().text(`/api/gestures/report.csv${q({ by, from, to })}`);
      return { filename: `goodwill-${by}-${from ?? 'recent'}${to ? `-${to}` : ''}.csv`, csv };
    },
  };
}
