import { useId, useState, type FormEvent } from 'react';
import type { FollowUpView } from '../../../shared/schemas/gestures';
import { useGoodwillAction, useGoodwillActions } from '../../state';
import { Badge } from '../../ui/Badge';
import { formatDate } from '../../ui/format';
import { FULFILMENT_LABELS } from '../../ui/gestureLabels';
import { InlineError } from '../../ui/States';

function FollowUpRow({ followUp, now }: { followUp: FollowUpView; now: number }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState('');
  const { completeFollowUp, openCase } = useGoodwillActions();
  const { busy, error } = useGoodwillAction(`followUp:${followUp.id}`);
  const due = followUp.dueAt <= now;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (outcome.trim().length >= 2) await completeFollowUp(followUp.id, outcome.trim());
  };

  return (
    <li className="request-row" data-testid="follow-up">
      <div className="request-main">
        <span className="request-item">
          {followUp.customerName ?? 'Customer'}: {followUp.itemName}
        </span>
        {due ? <Badge tone="warning">Due</Badge> : <Badge tone="neutral">Due {formatDate(followUp.dueAt)}</Badge>}
        {followUp.sensitive ? <Badge tone="calm">Bereaved</Badge> : null}
      </div>
      <p className="request-meta">
        {followUp.caseReference ?? ''}
        {followUp.fulfilmentStatus ? ` · ${FULFILMENT_LABELS[followUp.fulfilmentStatus]}` : ''}
      </p>
      {open ? (
        <form className="follow-up-form" onSubmit={(e) => void submit(e)}>
          <label className="field-label" htmlFor={id}>
            How did the customer feel about it?
          </label>
          <textarea id={id} className="input" rows={2} value={outcome} onChange={(e) => setOutcome(e.target.value)} />
          <div className="request-actions">
            <button type="submit" className="button button-small" disabled={busy || outcome.trim().length < 2}>
              {busy ? 'Saving…' : 'Mark done'}
            </button>
            <button type="button" className="button button-secondary button-small" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="request-actions">
          <button type="button" className="button button-secondary button-small" onClick={() => setOpen(true)}>
            Record follow-up…
          </button>
          <button type="button" className="button button-quiet button-small" onClick={() => openCase(followUp.caseId)}>
            Open case
          </button>
        </div>
      )}
      {error ? <InlineError error={error} lead="Not saved" /> : null}
    </li>
  );
}

/** Checking afterwards that the customer was happy: part of the gesture, not an afterthought. */
export function FollowUps({ followUps, now }: { followUps: FollowUpView[]; now: number }) {
  return (
    <ul className="requests" aria-label="Follow-ups">
      {followUps.map((f) => (
        <FollowUpRow key={f.id} followUp={f} now={now} />
      ))}
    </ul>
  );
}
