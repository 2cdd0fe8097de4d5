import { useEffect } from 'react';
import { useGestureDecision, useGoodwillActions } from '../../state';
import { formatPence } from '../../ui/format';
import './gestures.css';

const SHOWN_MS = 15_000;

/** A supervisor decided one of my requests: said at once, wherever I am in the console. */
export function DecisionToast() {
  const decision = useGestureDecision();
  const { dismissDecision, openCase } = useGoodwillActions();
  useEffect(() => {
    if (!decision) return;
    const timer = setTimeout(dismissDecision, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [decision, dismissDecision]);

  const approved = decision?.status === 'approved';
  return (
    <div className="approval-alert-region" role="status" aria-live="polite">
      {decision ? (
        <div className={approved ? 'approval-alert decision-approved' : 'approval-alert decision-rejected'}>
          <p>
            <strong>{approved ? 'Approved' : decision.status === 'rejected' ? 'Not approved' : 'Decided'}:</strong> {decision.itemName} for{' '}
            {formatPence(decision.amountPence)}
            {decision.customerName ? ` (${decision.customerName})` : ''}
            {decision.decidedByName ? ` by ${decision.decidedByName}` : ''}
            {decision.decisionReason ? `. “${decision.decisionReason}”` : ''}
          </p>
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              openCase(decision.caseId, decision.customerName ?? decision.caseReference ?? undefined);
              dismissDecision();
            }}
          >
            Open case
          </button>
          <button type="button" className="button button-quiet button-small" onClick={dismissDecision}>
            Dismiss
          </button>
        </div>
      ) : null}
    </div>
  );
}
