import { useRef, useState } from 'react';
import type { CallSource, CallView } from '../../../shared/contract/calls';
import { isLive } from '../../../shared/telephony/call-machine';
import { useCallAction, useCallActions, useCallDesk, useConnectionStatus, useSignedIn } from '../../state';
import { formatClock, lineLabel } from '../../ui/format';
import { formatPhoneForReading } from '../../ui/phone';
import { InlineError } from '../../ui/States';
import { useNow } from '../../ui/useNow';
import { PHASE_LABELS } from './callText';
import { TransferForm } from './TransferForm';
import '../../ui/controls.css';
import './callbar.css';

/** "3:07" ticking each second; ended calls show how long they lasted. */
function PhaseClock({ view }: { view: CallView }) {
  const { call } = view;
  const now = useNow(1000);
  if (call.connectedAt === null) return null;
  const end = call.phase === 'ended' ? (call.endedAt ?? now) : now;
  const seconds = Math.max(0, Math.round((end - call.connectedAt) / 1000));
  return (
    <span className="call-clock" data-testid="call-timer" aria-label={`${call.phase === 'ended' ? 'Lasted' : 'Talking for'} ${formatClock(seconds)}`}>
      {formatClock(seconds)}
    </span>
  );
}

const CONTROLLED_ELSEWHERE: Record<Exclude<CallSource, 'hub'>, string> = {
  softphone: 'Your softphone controls this call (answer, hold, hang up).',
  simulator: 'The simulator controls this call.',
};

/**
 * Only the controls that act on this call from here: with the hub's PBX, hang up and transfer
 * (the hub carries them out on the advisor's own call); with a softphone, the softphone does it.
 */
function CallControls({ view, source }: { view: CallView; source: CallSource }) {
  const [transferring, setTransferring] = useState(false);
  const transferButton = useRef<HTMLButtonElement>(null);
  const { hangUp, transfer } = useCallActions();
  const hangUpState = useCallAction('hangUp');
  const transferState = useCallAction('transfer');
  const me = useSignedIn();
  const { call } = view;
  if (!isLive(call)) return null;
  if (source !== 'hub') return <p className="call-controlled">{CONTROLLED_ELSEWHERE[source]}</p>;
  const talking = call.phase === 'connected' || call.phase === 'held';
  const closeTransfer = () => {
    setTransferring(false);
    transferState.clearError();
    setTimeout(() => transferButton.current?.focus(), 0);
  };
  return (
    <div className="call-controls">
      <div className="call-buttons">
        <button type="button" className="button button-small button-hangup" disabled={hangUpState.busy} onClick={() => void hangUp(call.callId)}>
          {hangUpState.busy ? 'Hanging up…' : 'Hang up'}
        </button>
        {talking && !transferring ? (
          <button ref={transferButton} type="button" className="button button-secondary button-small" onClick={() => setTransferring(true)}>
            Transfer…
          </button>
        ) : null}
      </div>
      {talking && transferring ? (
        <TransferForm
          busy={transferState.busy}
          ownExtension={me?.user.extension ?? null}
          onTransfer={(target) => transfer(call.callId, target)}
          onClose={closeTransfer}
        />
      ) : null}
      {hangUpState.error ? <InlineError error={hangUpState.error} lead="Could not hang up" /> : null}
      {transferState.error ? <InlineError error={transferState.error} lead="Could not transfer" /> : null}
    </div>
  );
}

/** The call in hand, always at the top of the interaction column: state, timer, line, controls. */
export function CallBar({ view }: { view: CallView }) {
  const connection = useConnectionStatus();
  const { desk } = useCallDesk();
  const source = ('data' in desk ? desk.data?.source : undefined) ?? 'softphone';
  const { call } = view;
  const number = formatPhoneForReading(view.caller);
  const where = view.line ? `${lineLabel(view.line)} line` : call.queue ? `${call.queue} queue` : null;
  return (
    <section className={view.sensitive ? 'call-bar call-bar-sensitive' : 'call-bar'} aria-labelledby="call-bar-title" data-phase={call.phase}>
      <div className="call-bar-row">
        <span className={`call-phase call-phase-${call.phase}`} data-testid="call-phase">
          {view.wrapUp ? 'Wrap-up' : call.direction === 'out' && call.phase === 'offered' ? 'Calling' : PHASE_LABELS[call.phase]}
        </span>
        <PhaseClock view={view} />
        {where ? <span className="call-line">{where}</span> : null}
      </div>
      <h2 id="call-bar-title" className="call-title">
        {call.direction === 'out' ? `Calling ${number}` : number}
      </h2>
      <CallControls view={view} source={source} />
      {connection?.state === 'offline' ? (
        <p className="call-offline">The hub cannot be reached: notes and wrap-up are saved on this computer and sent when it is back.</p>
      ) : null}
    </section>
  );
}
