import { useRef, useState, type FormEvent } from 'react';
import type { SetupStatus } from '../../../shared/contract/setup';
import { useHubChoice } from '../../state';
import '../../ui/controls.css';
import { SignInCard, useFormFocus } from '../signin/SignInCard';

/**
 * First run, when no policy from IT and no environment names the hub: the person types the
 * address IT gave them. The core checks that a hub answers there before keeping it.
 */
export function HubAddress() {
  const { chooseHub, choosing, chooseError } = useHubChoice();
  const [address, setAddress] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  useFormFocus(inputRef, inputRef, chooseError);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void chooseHub(address);
  };

  return (
    <SignInCard title="Welcome to Rapport" lede="Enter your contact centre’s hub address. Your IT team or team leader has it.">
      <form className="signin-form" onSubmit={submit} noValidate>
        <div className="field">
          <label className="field-label" htmlFor="hub-address">
            Hub address
          </label>
          <input
            ref={inputRef}
            id="hub-address"
            className="input"
            name="hub"
            inputMode="url"
            autoCapitalize="none"
            spellCheck={false}
            placeholder="https://rapport.example.co.uk"
            aria-describedby="hub-address-hint"
            aria-invalid={chooseError ? true : undefined}
            value={address}
            onChange={(e) => setAddress(e.target.value)}
          />
          <p id="hub-address-hint" className="signin-hint">
            Rapport checks that the hub answers before keeping it.
          </p>
        </div>
        {chooseError ? (
          <div className="signin-error" role="alert">
            {chooseError.message}
          </div>
        ) : null}
        <button type="submit" className="button signin-submit" disabled={choosing}>
          {choosing ? 'Checking…' : 'Continue'}
        </button>
      </form>
    </SignInCard>
  );
}

/** IT's policy file is there but cannot be used: nothing a person can fix here, so say who can. */
export function PolicyProblem({ problem }: { problem: string }) {
  return (
    <SignInCard
      title="Rapport needs your IT team"
      lede="The settings your IT team installed on this computer cannot be used, so Rapport cannot find its hub."
    >
      <div role="alert">
        <p className="signin-hint">Tell the IT service desk:</p>
        <pre className="signin-problem">{problem}</pre>
      </div>
    </SignInCard>
  );
}

/** Shown on the sign-in screen: an update is needed, or sign-in is not kept on this computer. */
export function SetupNotices({ status }: { status: SetupStatus | null }) {
  if (!status) return null;
  return (
    <>
      {status.updateNeeded ? (
        <div className="signin-error" role="alert">
          Update needed: your contact centre’s hub works with Rapport {status.updateNeeded.minDesktop} or later, and this computer
          has {status.version}. Ask your IT team to update Rapport.
        </div>
      ) : null}
      {status.sessionNotice ? <p className="signin-notice">{status.sessionNotice}</p> : null}
    </>
  );
}
