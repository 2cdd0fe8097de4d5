import { useId, useRef, useState, type FormEvent } from 'react';
import type { BridgeError, Result } from '../../../shared/contract/envelope';
import type { TwoFactorEnrolment, TwoFactorStatus } from '../../../shared/schemas/two-factor';
import { confirmTwoFactor, disableTwoFactor, renewRecoveryCodes, startTwoFactor, useTwoFactorStatus, queryClient } from '../../state';
import { formatDate } from '../../ui/format';
import { Loaded } from '../../ui/Loaded';
import { InlineError } from '../../ui/States';
import { AppKey, CodeInput, RecoveryCodeList } from '../signin/TwoFactorParts';

const SIX_DIGITS = /^\d{6}$/;

/** A code field and the actions that need one; each action proves the person holds their app. */
function WithCode({ actions, onCodes }: { actions: { label: string; run(code: string): Promise<Result<unknown>> }[]; onCodes(codes: string[]): void }) {
  const id = useId();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<BridgeError | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLInputElement>(null);
  const run = async (action: (code: string) => Promise<Result<unknown>>) => {
    const typed = code.replace(/\s/g, '');
    if (!SIX_DIGITS.test(typed)) {
      setProblem('Type the six digits your app shows now.');
      ref.current?.focus();
      return;
    }
    setProblem(null);
    setError(null);
    setBusy(true);
    const result = await action(typed);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      ref.current?.select();
      return;
    }
    setCode('');
    const value = result.value as { recoveryCodes?: string[] };
    if (value?.recoveryCodes) onCodes(value.recoveryCodes);
  };
  return (
    <form onSubmit={(e: FormEvent) => e.preventDefault()} noValidate aria-label="Code from your app">
      <CodeInput ref={ref} id={`${id}-code`} label="Six-digit code from your app" value={code} onChange={setCode} problem={problem} />
      {error ? <InlineError error={error} /> : null}
      <div className="settings-actions">
        {actions.map((a, i) => (
          <button key={a.label} type={i === 0 ? 'submit' : 'button'} className={i === 0 ? 'button' : 'button button-secondary'} disabled={busy} onClick={() => void run(a.run)}>
            {a.label}
          </button>
        ))}
      </div>
    </form>
  );
}

function TurnOn({ onCodes }: { onCodes(codes: string[]): void }) {
  const [enrolment, setEnrolment] = useState<TwoFactorEnrolment | null>(null);
  const [error, setError] = useState<BridgeError | null>(null);
  const start = async () => {
    setError(null);
    const r = await startTwoFactor();
    if (r.ok) setEnrolment(r.value);
    else setError(r.error);
  };
  if (!enrolment) {
    return (
      <>
        {error ? <InlineError error={error} /> : null}
        <button type="button" className="button" onClick={() => void start()}>
          Turn on two-factor sign-in
        </button>
      </>
    );
  }
  return (
    <>
      <AppKey enrolment={enrolment} />
      <WithCode actions={[{ label: 'Turn on', run: confirmTwoFactor }]} onCodes={onCodes} />
    </>
  );
}

function Status({ status }: { status: TwoFactorStatus }) {
  if (!status.enabled) {
    return <p className="settings-text">Off. With it on, signing in needs your password and a code from an authenticator app on your phone.</p>;
  }
  return (
    <p className="settings-text" data-testid="two-factor-status">
      On{status.confirmedAt ? ` since ${formatDate(status.confirmedAt)}` : ''}. {status.recoveryCodesLeft} recovery code{status.recoveryCodesLeft === 1 ? '' : 's'} left.
      {status.required ? ' Your role must use it; if your phone is lost, an admin can reset it.' : ''}
    </p>
  );
}

/** Settings → Two-factor sign-in: turn it on with an authenticator app, renew recovery codes, or turn it off. */
export function TwoFactorSettings() {
  const headingId = useId();
  const status = useTwoFactorStatus();
  const [codes, setCodes] = useState<string[] | null>(null);
  const retry = () => void queryClient.invalidateQueries({ queryKey: ['twoFactor', 'status'] });
  return (
    <section className="settings-group" aria-labelledby={headingId}>
      <h3 id={headingId} className="settings-legend">
        Two-factor sign-in
      </h3>
      <Loaded value={status} loadingLabel="Loading two-factor sign-in…" errorTitle="Two-factor sign-in could not be loaded." onRetry={retry}>
        {(s) => (
          <>
            <Status status={s} />
            {codes ? (
              <>
                <RecoveryCodeList codes={codes} />
                <button type="button" className="button" onClick={() => setCodes(null)}>
                  I have kept them
                </button>
              </>
            ) : s.enabled ? (
              <WithCode
                actions={[
                  { label: 'New recovery codes', run: renewRecoveryCodes },
                  ...(s.required ? [] : [{ label: 'Turn off', run: disableTwoFactor }]),
                ]}
                onCodes={setCodes}
              />
            ) : (
              <TurnOn onCodes={setCodes} />
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}
