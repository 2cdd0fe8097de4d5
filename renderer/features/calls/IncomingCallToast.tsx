import { useState } from 'react';
import { useCurrentCall } from '../../state';
import { lineLabel } from '../../ui/format';
import { formatPhoneForReading } from '../../ui/phone';
import './calls.css';

/**
 * Browser mode's notification for an offered call (Electron adds a system one): an alert, so a
 * screen reader speaks it, with the number as it is read aloud and the line it came in on.
 */
export function IncomingCallToast() {
  const view = useCurrentCall();
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (!view || view.call.phase !== 'offered' || dismissed === view.call.callId) return null;
  const line = view.line ? `${lineLabel(view.line)} line` : view.call.queue ? `${view.call.queue} queue` : null;
  return (
    <div className={view.sensitive ? 'toast toast-call toast-sensitive' : 'toast toast-call'} role="alert">
      <span className="toast-icon" aria-hidden="true" />
      <div className="toast-text">
        <p className="toast-title">Incoming call</p>
        <p className="toast-detail">
          <span className="toast-number">{formatPhoneForReading(view.caller)}</span>
          {line ? <span> · {line}</span> : null}
        </p>
        {view.card ? <p className="toast-detail">{view.card.customer.name}</p> : null}
      </div>
      <button type="button" className="toast-close" aria-label="Hide call notification" onClick={() => setDismissed(view.call.callId)}>
        ×
      </button>
    </div>
  );
}
