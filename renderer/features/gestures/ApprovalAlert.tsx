import { useEffect } from 'react';
import { useApprovalActions, useApprovals } from '../../state';

const SHOWN_MS = 12_000;

/** A new request has arrived: said aloud to screen readers and shown until seen or for a few seconds. */
export function ApprovalAlert() {
  const { alert, inbox } = useApprovals();
  const { dismissAlert } = useApprovalActions();
  useEffect(() => {
    if (!alert) return;
    const timer = setTimeout(dismissAlert, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [alert, dismissAlert]);
  const waiting = 'data' in inbox && inbox.data ? inbox.data.find((a) => a.request.id === alert?.requestId) : undefined;

  return (
    <div className="approval-alert-region" role="status" aria-live="polite">
      {alert ? (
        <div className="approval-alert">
          <p>
            <strong>New request for approval</strong>
            {waiting ? `: ${waiting.request.requestedByName ?? 'an advisor'} asks for ${waiting.request.itemName}` : ''}
          </p>
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              document.getElementById('approvals-heading')?.scrollIntoView({ block: 'start' });
              dismissAlert();
            }}
          >
            Show
          </button>
          <button type="button" className="button button-quiet button-small" onClick={dismissAlert}>
            Dismiss
          </button>
        </div>
      ) : null}
    </div>
  );
}
