import { useEffect } from 'react';
import type { GestureRequestView } from '../../../shared/schemas/gestures';
import { useApprovalActions, useApprovals } from '../../state';
import { Card } from '../../ui/Card';
import { DateTime } from '../../ui/DateTime';
import { STATUS_LABELS } from '../../ui/gestureLabels';
import { Loaded } from '../../ui/Loaded';
import { ScrollBox } from '../../ui/ScrollBox';
import { EmptyState } from '../../ui/States';
import { useRetryWhenOnline } from '../home/useRetryWhenOnline';
import { RequestHeadline } from './RequestHeadline';

function DecidedRow({ request: r }: { request: GestureRequestView }) {
  return (
    <li className="request-row" data-testid="decided">
      <RequestHeadline request={r} fulfilment={false} />
      <p className="request-meta">
        {r.customerName ?? 'Customer'} · {r.caseReference ?? ''} · asked by {r.requestedByName ?? 'an advisor'}
      </p>
      <p className="request-meta">
        {STATUS_LABELS[r.status]} by {r.decidedByName ?? 'someone no longer listed'} · {r.decidedAt ? <DateTime ms={r.decidedAt} /> : null}
      </p>
      <p className="request-decision">{r.decisionReason ? `Why: ${r.decisionReason}` : <span className="muted">No reason given</span>}</p>
    </li>
  );
}

/** Requests that left the inbox stay on record: who decided, when and why. */
export function DecidedRequests() {
  const { decided } = useApprovals();
  const { loadDecided } = useApprovalActions();
  useEffect(() => void loadDecided(), [loadDecided]);
  useRetryWhenOnline(decided.status === 'error', loadDecided);
  return (
    <Card title="Decided requests">
      <Loaded value={decided} loadingLabel="Loading decided requests…" errorTitle="Decided requests could not be loaded." onRetry={() => void loadDecided()}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState>Nothing has been decided yet</EmptyState>
          ) : (
            <ScrollBox label="Decided requests, newest first" className="decided-scroll">
              <ul className="requests" aria-label="Decided requests">
                {list.map((r) => (
                  <DecidedRow key={r.id} request={r} />
                ))}
              </ul>
            </ScrollBox>
          )
        }
      </Loaded>
    </Card>
  );
}
