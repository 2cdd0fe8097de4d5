import { pbxStatusText, type PbxStatus } from '../../../shared/telephony/pbx-status';
import { usePhoneSystemStatus } from '../../state';
import './phone-system.css';

type Shown = 'connected' | 'reconnecting' | 'down' | 'none';

/** Connected, coming back by itself (a restart, a dropped link), or down until someone acts (a refused login). */
export function phoneSystemState(s: PbxStatus): Shown {
  if (!s.configured) return 'none';
  if (s.connected) return 'connected';
  return s.cause === 'login_refused' || s.state === 'login_failed' ? 'down' : 'reconnecting';
}

const SHORT: Record<Shown, string> = { connected: 'Phone system', reconnecting: 'Phone system reconnecting', down: 'Phone system down', none: 'No phone system' };

/**
 * The advisor's view of the hub's link to the PBX: whether calls can reach Rapport now. Pushed by
 * the hub as it changes; the full reason is in the tooltip and read out by screen readers.
 */
export function PhoneSystemIndicator() {
  const status = usePhoneSystemStatus();
  if (!('data' in status) || !status.data) {
    if (status.status === 'error') {
      return (
        <span className="phone-system" data-state="unknown" role="status" title="The phone system’s state could not be read from the hub">
          <span className="phone-system-dot" aria-hidden="true" />
          <span className="phone-system-text">Phone system unknown</span>
        </span>
      );
    }
    return null;
  }
  const shown = phoneSystemState(status.data);
  const full = pbxStatusText(status.data);
  return (
    <span className="phone-system" data-state={shown} role="status" title={full} data-testid="phone-system">
      <span className="phone-system-dot" aria-hidden="true" />
      <span className="phone-system-text">{SHORT[shown]}</span>
      <span className="visually-hidden">: {full}</span>
    </span>
  );
}
