import type { ConnectionState } from '../../../shared/contract/pushes';
import { useConnectionStatus, useSignedIn, useSyncNow } from '../../state';
import { formatDateTime, formatRelative } from '../../ui/format';
import { ProgressBar } from '../../ui/ProgressBar';
import { useNow } from '../../ui/useNow';
import '../../ui/controls.css';
import './status.css';

const LABELS: Record<ConnectionState, string> = { online: 'Online', offline: 'Offline', syncing: 'Syncing…' };

/** The bottom bar: is the hub reachable, and how fresh is the knowledge on this computer. */
export function StatusBar() {
  const status = useConnectionStatus();
  const session = useSignedIn();
  const { syncNow, syncRequested } = useSyncNow();
  const now = useNow(15_000);
  // Until the core reports, the session's own offline flag is the best guess.
  const state: ConnectionState = status?.state ?? (session?.offline ? 'offline' : 'online');
  const lastSyncedAt = status?.lastSyncedAt ?? null;
  const progress = status?.progress ?? null;

  return (
    <footer className="status-bar">
      <span className="connection" data-testid="connection-status" data-state={state} aria-live="polite">
        <span className="connection-dot" aria-hidden="true" />
        {LABELS[state]}
      </span>
      <span className="status-sync">
        {lastSyncedAt !== null ? (
          <span title={formatDateTime(lastSyncedAt)}>Last synced {formatRelative(lastSyncedAt, now)}</span>
        ) : (
          <span>Not synced yet</span>
        )}
      </span>
      {progress ? (
        <span className="status-progress">
          <ProgressBar label="Knowledge sync" done={progress.done} total={progress.total} />
          <span className="status-progress-text">
            {progress.done} of {progress.total} articles
          </span>
        </span>
      ) : null}
      <span className="status-spacer" />
      {/* Offline, the core already retries the hub in the background; a button would only fail. */}
      {state === 'offline' ? null : (
        <button
          type="button"
          className="button button-quiet button-small"
          onClick={() => void syncNow()}
          disabled={syncRequested || state === 'syncing'}
        >
          Sync now
        </button>
      )}
    </footer>
  );
}
