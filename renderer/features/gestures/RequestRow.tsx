import { useState } from 'react';
import type { GestureRequestView } from '../../../shared/schemas/gestures';
import { useGoodwillAction, useGoodwillActions, useSignedIn } from '../../state';
import { DateTime } from '../../ui/DateTime';
import { InlineError } from '../../ui/States';
import { RequestHeadline } from './RequestHeadline';

/** One request: what, how much, where it stands; the requester can withdraw it while it waits. */
export function RequestRow({ request, showCase = false }: { request: GestureRequestView; showCase?: boolean }) {
  const me = useSignedIn()?.user.id;
  const { withdraw } = useGoodwillActions();
  const { busy, error } = useGoodwillAction(`withdraw:${request.id}`);
  const [confirming, setConfirming] = useState(false);
  const mayWithdraw = request.status === 'pending' && request.requestedBy === me;

  return (
    <li className="request-row" data-testid="gesture-request">
      <RequestHeadline request={request} />
      <p className="request-meta">
        {showCase && request.caseReference ? `${request.caseReference} · ` : ''}
        {request.customerName ? `${request.customerName} · ` : ''}
        <DateTime ms={request.createdAt} />
        {request.decidedByName ? ` · decided by ${request.decidedByName}` : ''}
      </p>
      {request.decisionReason ? <p className="request-decision">“{request.decisionReason}”</p> : null}
      {mayWithdraw ? (
        confirming ? (
          <div className="request-actions">
            <span>Withdraw this request? The amount is released.</span>
            <button
              type="button"
              className="button button-small"
              disabled={busy}
              onClick={() => void withdraw(request.id, '').then(() => setConfirming(false))}
            >
              {busy ? 'Withdrawing…' : 'Withdraw'}
            </button>
            <button type="button" className="button button-secondary button-small" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </div>
        ) : (
          <div className="request-actions">
            <button type="button" className="button button-quiet button-small" onClick={() => setConfirming(true)}>
              Withdraw…
            </button>
          </div>
        )
      ) : null}
      {error ? <InlineError error={error} lead="Not withdrawn" /> : null}
    </li>
  );
}
