import { useRef, useState } from 'react';
import type { CallView } from '../../../shared/contract/calls';
import { isLive } from '../../../shared/telephony/call-machine';
import { useCallAction, useCallActions, useConnectionStatus } from '../../state';
import { formatClock, lineLabel } from '../../ui/format';
import { formatPhoneForReading } from '../../ui/phone';
import { InlineError } from '../../ui/States';
import { useNow } from '../../ui/useNow';
import { CallerCard } from './CallerCard';
import { CaseNote } from './CaseNote';
import { OfferGesture } from './OfferGesture';
import { PHASE_LABELS } from './callText';
import { SensitiveBanner } from './SensitiveBanner';
import { TransferForm } from './TransferForm';
import { WrapUpForm } from './WrapUpForm';
import '../../ui/controls.css';
import './calls.css';

/** "Connected 3:07" ticking each second; ended calls show how long they lasted. */
function PhaseClock({ view }: { view: CallView }) {
  const { call } = view;
  const now = useNow(1000);
  if (call.connectedAt === null) return null;
  const end = call.phase === 'ended' ? (call.endedAt ?? now) : now;
  const seconds = Math.max(0, Math.round((end - call.connectedAt) / 1000));
  return (
    <span className="call-clock" aria-label={`${call.phase === 'ended' ? 'Lasted' : 'Talking for'} ${formatClock(seconds)}`}>
      {formatClock(seconds)}
    </span>
  );
}

function CallControls({ view }: { view: CallView }) {
  const [transferring, setTransferring] = useState(false);
  const transferButton = useRef<HTMLButtonElement>(null);
  const { hangUp, transfer } = useCallActions();
  const hangUpState = useCallAction('hangUp');
  const transferState = useCallAction('transfer');
  const { call } = view;
  if (!isLive(call)) return null;
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
          <button
            ref={transferButton}
            type="button"
            className="button button-secondary button-small"
            onClick={() => setTransferring(true)}
          >
            Transfer…
          </button>
        ) : null}
      </div>
      {talking && transferring ? (
        <TransferForm busy={transferState.busy} onTransfer={(target) => transfer(call.callId, target)} onClose={closeTransfer} />
      ) : null}
      {/* The core's own words: the hub refusing, or the phone system not being connected. */}
      {hangUpState.error ? (
        <InlineError error={hangUpState.error} lead="Could not hang up" />
      ) : null}
      {transferState.error ? (
        <InlineError error={transferState.error} lead="Could not transfer" />
      ) : null}
    </div>
  );
}

/** The call in hand: who, which line, what phase, what to do next. */
export function CallCard({ view }: { view: CallView }) {
  const connection = useConnectionStatus();
  const { call } = view;
  const number = formatPhoneForReading(view.caller);
  const where = view.line ? lineLabel(view.line) : call.queue;

  return (
    <article className={view.sensitive ? 'call-card call-card-sensitive' : 'call-card'} aria-labelledby="call-card-title" data-phase={call.phase}>
      <header className="call-card-head">
        <div className="call-who">
          <span className={`call-phase call-phase-${call.phase}`} data-testid="call-phase">
            {PHASE_LABELS[call.phase]}
          </span>
          <PhaseClock view={view} />
          {/* The number that is ringing; who it belongs to is the Caller card's heading just below. */}
          <h2 id="call-card-title" className="call-title">
            {call.direction === 'out' ? `Calling ${number}` : number}
          </h2>
          {where ? <span className="call-meta">{where} line</span> : null}
        </div>
        <CallControls view={view} />
      </header>
      {connection?.state === 'offline' ? (
        <p className="call-offline">
          The hub cannot be reached: hang-up and transfer will not work until it is back. Case notes are saved on this computer and sent
          then.
        </p>
      ) : null}
      {view.sensitive ? <SensitiveBanner /> : null}
      <div className="call-card-body">
        <CallerCard view={view} />
        <div className="call-side">
          {view.wrapUp ? <WrapUpForm key={call.callId} view={view} wrapUp={view.wrapUp} /> : null}
          {/* In wrap-up the last note goes with the wrap-up code instead. */}
          {isLive(call) ? <CaseNote key={`note-${call.callId}`} view={view} /> : null}
          {view.caseId && call.phase !== 'offered' ? <OfferGesture caseId={view.caseId} sensitive={view.sensitive} /> : null}
        </div>
      </div>
    </article>
  );
}
