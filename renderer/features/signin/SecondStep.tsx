import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { BridgeError } from '../../../shared/contract/envelope';
import type { SecondStep as Step } from '../../../shared/contract/requests';
import type { TwoFactorEnrolment } from '../../../shared/schemas/two-factor';
import { enrolAppDuringSignIn, useSecondStep, useSignInState } from '../../state';
import { InlineError, LoadingState } from '../../ui/States';
import { SignInCard } from './SignInCard';
import { AppKey, CodeInput, RecoveryCodeList } from './TwoFactorParts';

/** Recovery codes made while signing in: the console waits until the person has kept them. */
function KeepRecoveryCodes({ codes, onKept }: { codes: string[]; onKept(): void }) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <SignInCard title="Two-factor sign-in is on" lede="One more thing before your shift.">
      <div className="signin-form">
        <RecoveryCodeList codes={codes} />
        <button ref={ref} type="button" className="button signin-submit" onClick={onKept}>
          I have kept my recovery codes
        </button>
      </div>
    </SignInCard>
  );
}

/** Setting up the app during sign-in, for a role that must use it: the key first, then its first code. */
function useEnrolment(step: Step) {
  const [enrolment, setEnrolment] = useState<TwoFactorEnrolment | null>(null);
  const [error, setError] = useState<BridgeError | null>(null);
  const ask = () => {
    setError(null);
    void enrolAppDuringSignIn().then((r) => (r.ok ? setEnrolment(r.value) : setError(r.error)));
  };
  useEffect(() => {
    if (step.step === 'enrol') ask();
  }, [step.step]);
  return { enrolment, error, retry: ask };
}

/** The sign-in's second step: a code from the app, or a recovery code; or setting the app up when the role requires it. */
export function SecondStep({ step }: { step: Step }) {
  const { recoveryCodes, sendSecondStep, cancelSecondStep, keptRecoveryCodes } = useSecondStep();
  const { signingIn, signInError } = useSignInState();
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const { enrolment, error: enrolError, retry } = useEnrolment(step);

  useEffect(() => codeRef.current?.focus(), [recovery, enrolment]);
  useEffect(() => {
    if (signInError) codeRef.current?.select();
  }, [signInError]);

  if (recoveryCodes) return <KeepRecoveryCodes codes={recoveryCodes} onKept={keptRecoveryCodes} />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const typed = code.replace(/[\s-]/g, '');
    const wrongShape = recovery ? !/^[a-zA-Z2-7]{10}$/.test(typed) : !/^\d{6}$/.test(typed);
    if (wrongShape) {
      setProblem(recovery ? 'A recovery code is ten letters and digits, like abcde-fghij.' : 'Type the six digits your app shows now.');
      codeRef.current?.focus();
      return;
    }
    setProblem(null);
    void sendSecondStep(recovery ? { recoveryCode: typed } : { code: typed });
  };
  const enrolling = step.step === 'enrol';

  return (
    <SignInCard
      title={enrolling ? 'Set up two-factor sign-in' : 'Two-factor sign-in'}
      lede={
        enrolling
          ? `Your role must use an authenticator app to sign in. Signing in as ${step.username}.`
          : `Signing in as ${step.username}. Open your authenticator app.`
      }
    >
      <form className="signin-form" onSubmit={submit} noValidate aria-label="Two-factor sign-in">
        {enrolling && !enrolment ? (
          enrolError ? (
            <>
              <InlineError error={enrolError} />
              <button type="button" className="button button-secondary" onClick={retry}>
                Try again
              </button>
            </>
          ) : (
            <LoadingState label="Making a key for your app…" />
          )
        ) : null}
        {enrolment ? <AppKey enrolment={enrolment} /> : null}
        {!enrolling || enrolment ? (
          <CodeInput
            ref={codeRef}
            id="signin-code"
            label={recovery ? 'Recovery code' : enrolling ? 'The six-digit code your app now shows' : 'Six-digit code from your app'}
            value={code}
            onChange={setCode}
            problem={problem}
            recovery={recovery}
          />
        ) : null}
        {signInError ? (
          <div className="signin-error" role="alert">
            {signInError.message}
          </div>
        ) : null}
        <button type="submit" className="button signin-submit" disabled={signingIn || (enrolling && !enrolment)}>
          {signingIn ? 'Checking…' : enrolling ? 'Turn on and sign in' : 'Sign in'}
        </button>
        {!enrolling ? (
          <button
            type="button"
            className="button button-secondary two-factor-switch"
            onClick={() => {
              setRecovery(!recovery);
              setCode('');
              setProblem(null);
            }}
          >
            {recovery ? 'Use a code from my app' : 'Use a recovery code'}
          </button>
        ) : null}
        <button type="button" className="button button-secondary two-factor-switch" onClick={() => void cancelSecondStep()}>
          Back to username and password
        </button>
      </form>
    </SignInCard>
  );
}
