import { useEffect } from 'react';
import { nextFulfilment } from '../../../shared/gestures/policy';
import type { GestureRequestView } from '../../../shared/schemas/gestures';
import { useApprovalAction, useApprovalActions, useApprovals, type FulfilmentStep } from '../../state';
import { Badge } from '../../ui/Badge';
import { Card } from '../../ui/Card';
import { DateTime } from '../../ui/DateTime';
import { formatPence } from '../../ui/format';
import { FULFILMENT_LABELS } from '../../ui/gestureLabels';
import { Loaded } from '../../ui/Loaded';
import { EmptyState, InlineError } from '../../ui/States';

const STEP_LABELS: Record<FulfilmentStep, string> = { ordered: 'Mark ordered', delivered: 'Mark delivered', donation_confirmed: 'Donation confirmed' };

function FulfilmentRow({ request }: { request: GestureRequestView }) {
  const { recordFulfilment } = useApprovalActions();
  const { busy, error } = useApprovalAction(`fulfil:${request.id}`);
  const steps = request.fulfilmentStatus ? (nextFulfilment(request.fulfilmentStatus, request.kind) as FulfilmentStep[]) : [];
  return (
    <li className="request-row" data-testid="fulfilment">
      <div className="request-main">
        <span className="request-item">{request.itemName}</span>
        <span className="request-amount">{formatPence(request.amountPence)}</span>
        {request.fulfilmentStatus ? <Badge tone="neutral">{FULFILMENT_LABELS[request.fulfilmentStatus]}</Badge> : null}
      </div>
      <p className="request-meta">
        {request.customerName ?? 'Customer'} · {request.caseReference ?? ''} · requested by {request.requestedByName ?? 'an advisor'} ·{' '}
        <DateTime ms={request.createdAt} />
      </p>
      <div className="request-actions">
        {steps.map((step) => (
          <button key={step} type="button" className="button button-secondary button-small" disabled={busy} onClick={() => void recordFulfilment(request.id, step)}>
            {STEP_LABELS[step]}
          </button>
        ))}
      </div>
      {error ? <InlineError error={error} lead="Not updated" /> : null}
    </li>
  );
}

/** Approved gestures on their way: ordered, then delivered or the donation confirmed. */
export function FulfilmentQueue() {
  const { fulfilment } = useApprovals();
  const { loadFulfilment } = useApprovalActions();
  useEffect(() => void loadFulfilment(), [loadFulfilment]);
  return (
    <Card title="On their way">
      <Loaded value={fulfilment} loadingLabel="Loading approved gestures…" errorTitle="Approved gestures could not be loaded." onRetry={() => void loadFulfilment()}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState>Every approved gesture has been delivered</EmptyState>
          ) : (
            <ul className="requests" aria-label="Approved gestures on their way">
              {list.map((r) => (
                <FulfilmentRow key={r.id} request={r} />
              ))}
            </ul>
          )
        }
      </Loaded>
    </Card>
  );
}
