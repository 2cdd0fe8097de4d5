import { useRef, useState, type FormEvent } from 'react';
import { useSecondStep, useSessionActions, useSetupStatus, useSignInState } from '../../state';
import { SetupNotices } from '../setup/HubAddress';
import '../../ui/controls.css';
import './signin.css';
import { SecondStep } from './SecondStep';
import { SignInCard, useFormFocus } from './SignInCard';

/** The first screen of the shift; after the password, a code when two-factor sign-in is on. */
export function SignIn() {
  const { secondStep, recoveryCodes } = useSecondStep();
  if (secondStep || recoveryCodes) return <SecondStep step={secondStep ?? { step: 'code', username: '' }} />;
  return <PasswordStep />;
}

/** Username and password; errors come from the core in words an advisor can act on. */
function PasswordStep() {
  const { signIn } = useSessionActions();
  const { signingIn, signInError } = useSignInState();
  const setup = useSetupStatus();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  // After a failed attempt the password is what usually needs retyping: select it, ready to replace.
  useFormFocus(usernameRef, passwordRef, signInError);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void signIn(username.trim(), password);
  };

  return (
    <SignInCard title="Rapport" lede="Sign in to start your shift.">
      <SetupNotices status={setup} />
      <form className="signin-form" onSubmit={submit} noValidate>
        <div className="field">
          <label className="field-label" htmlFor="signin-username">
            Username
          </label>
          <input
            ref={usernameRef}
            id="signin-username"
            className="input"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="signin-password">
            Password
          </label>
          <input
            ref={passwordRef}
            id="signin-password"
            className="input"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        {signInError ? (
          <div className="signin-error" role="alert">
            {signInError.message}
          </div>
        ) : null}
        <button type="submit" className="button signin-submit" disabled={signingIn}>
          {signingIn ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </SignInCard>
  );
}
