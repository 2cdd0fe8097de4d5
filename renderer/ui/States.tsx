import type { ReactNode } from 'react';
import type { BridgeError } from '../../shared/contract/envelope';
import './controls.css';
import './ui.css';

export function LoadingState({ label }: { label: string }) {
  return (
    <div className="state state-loading" aria-live="polite" aria-busy="true">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <div className="state state-empty">{children}</div>;
}

/** Being away from the hub or the phone system is expected (partner sites, outages): amber, not red. */
const CONNECTION_CODES = new Set(['hub_unreachable', 'disconnected', 'timeout', 'pbx_unavailable']);
export const isConnectionProblem = (error: BridgeError): boolean => CONNECTION_CODES.has(error.code);

/** One action's failure, next to the control that failed, in the core's own words. */
export function InlineError({ error, lead }: { error: BridgeError; lead?: string }) {
  return (
    <p className={isConnectionProblem(error) ? 'inline-error inline-error-connection' : 'inline-error'} role="alert">
      {lead ? `${lead}: ` : ''}
      {error.message}
    </p>
  );
}

/** What went wrong in the core's words, and a way to ask again (for example once back online). */
export function ErrorState({ title, error, onRetry }: { title: string; error: BridgeError; onRetry?: () => void }) {
  const tone = isConnectionProblem(error) ? 'state-error state-error-connection' : 'state-error';
  return (
    <div className={`state ${tone}`} role="alert">
      <p className="state-error-title">{title}</p>
      <p className="state-error-message">{error.message}</p>
      {onRetry ? (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
