import { useId, useState } from 'react';
import type { ApprovalView } from '../../../shared/schemas/gestures';
import { useApprovalAction, useApprovalActions } from '../../state';
import { Badge } from '../../ui/Badge';
import { DateTime } from '../../ui/DateTime';
import { formatPence, lineLabel } from '../../ui/format';
import { APPROVER_LABELS, KIND_LABELS, REASON_LABELS } from '../../ui/gestureLabels';
import { InlineError } from '../../ui/States';

/** One waiting request with everything needed to decide it: the case, the customer's history, the budget. */
export function ApprovalItem({ approval }: { approval: ApprovalView }) {
  const id = useId();
  const { request: r, case: c, history, budget } = approval;
  const [reason, setReason] = useState('');
  const [rejecting, setRejecting] = useState(false);
  const { decide } = useApprovalActions();
  const { busy, error } = useApprovalAction(`decide:${r.id}`);

  return (
    <li className="approval" data-testid="approval" aria-labelledby={`${id}-title`}>
      <div className="request-main">
        <h3 id={`${id}-title`} className="approval-title">
          {r.itemName} · {formatPence(r.amountPence)}
        </h3>
        <Badge tone="neutral">{KIND_LABELS[r.kind]}</Badge>
        {r.sensitive ? <Badge tone="calm">Bereavement</Badge> : null}
        {r.approverLevel === 'head' ? <Badge tone="warning">Head of service</Badge> : null}
      </div>
      <p className="request-meta">
        {r.requestedByName ?? 'An advisor'} at {r.siteName ?? 'their site'} · <DateTime ms={r.createdAt} /> · expires <DateTime ms={r.expiresAt} />
      </p>
      <p className="approval-reason">
        <strong>{REASON_LABELS[r.reasonCode]}:</strong> {r.reason}
      </p>
      <dl className="approval-facts">
        <div>
          <dt>Case</dt>
          <dd>
            {c.reference} · {lineLabel(c.line)} · {c.subject}
          </dd>
        </div>
        <div>
          <dt>Customer</dt>
          <dd>
            {r.customerName ?? 'Unknown'}: {formatPence(history.usedPence)} of {formatPence(history.capPence)} used in 12 months
            {history.gestures.length > 1 ? ` (${history.gestures.length - 1} other gesture${history.gestures.length === 2 ? '' : 's'})` : ''}
          </dd>
        </div>
        <div>
          <dt>Budget left</dt>
          <dd>
            {formatPence(budget.leftPence)} of {formatPence(budget.budgetPence)} at {budget.siteName} ({formatPence(r.amountPence)} reserved for this)
          </dd>
        </div>
      </dl>
      {r.message ? <blockquote className="gesture-preview-message">{r.message}</blockquote> : null}
      {approval.canDecide ? (
        <div className="approval-decide">
          <label className="field-label" htmlFor={`${id}-reason`}>
            {rejecting ? 'Why not? The advisor sees this.' : 'Note for the advisor (optional)'}
          </label>
          <input id={`${id}-reason`} className="input" value={reason} onChange={(e) => setReason(e.target.value)} />
          <div className="request-actions">
            <button type="button" className="button button-small" disabled={busy} onClick={() => void decide(r.id, 'approve', reason)}>
              Approve
            </button>
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={busy}
              onClick={() => (rejecting && reason.trim() ? void decide(r.id, 'reject', reason) : setRejecting(true))}
            >
              {rejecting ? 'Reject with this reason' : 'Reject…'}
            </button>
          </div>
          {rejecting && !reason.trim() ? <p className="field-hint">Say why before rejecting.</p> : null}
        </div>
      ) : (
        <p className="approval-why">
          {approval.why ?? 'You cannot decide this one.'} Decided by: {APPROVER_LABELS[r.approverLevel]}.
        </p>
      )}
      {error ? <InlineError error={error} lead="Not decided" /> : null}
    </li>
  );
}
