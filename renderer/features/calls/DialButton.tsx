import { useState } from 'react';
import type { BridgeError } from '../../../shared/contract/envelope';
import { dialNumber } from '../../state';
import { formatPhoneForReading } from '../../ui/phone';
import '../../ui/controls.css';
import './dial.css';

/**
 * Click-to-dial on a number shown on screen: the hub asks the PBX to ring the advisor's own phone,
 * then the customer; the call then shows on the desk and in history as outbound. The PBX's refusal
 * (or its absence) shows beside the button in its own words.
 */
export function DialButton({ number }: { number: string }) {
  const [state, setState] = useState<'idle' | 'busy' | 'sent'>('idle');
  const [error, setError] = useState<BridgeError | null>(null);
  const dial = async () => {
    setState('busy');
    setError(null);
    const result = await dialNumber(number);
    setState(result.ok ? 'sent' : 'idle');
    if (!result.ok) setError(result.error);
  };
  return (
    <span className="dial">
      <button
        type="button"
        className="button button-secondary button-small dial-button"
        disabled={state === 'busy'}
        aria-label={`Call ${formatPhoneForReading(number)}`}
        onClick={() => void dial()}
      >
        {state === 'busy' ? 'Calling…' : 'Call'}
      </button>
      {state === 'sent' ? (
        <span role="status" className="muted dial-note">
          Your phone rings first
        </span>
      ) : null}
      {error ? (
        <span role="alert" className="dial-error">
          Not dialled: {error.message}
        </span>
      ) : null}
    </span>
  );
}
