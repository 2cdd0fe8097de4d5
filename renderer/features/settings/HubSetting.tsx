import { useId, useRef, useState, type FormEvent } from 'react';
import { useHubChoice, useSetupStatus } from '../../state';
import '../../ui/controls.css';
import './settings.css';

const PINNED_BY = {
  policy: 'Set by your IT team on this computer; only they can change it.',
  environment: 'Set by RAPPORT_HUB_URL on this computer.',
} as const;

/**
 * The hub this desktop signs in to, and a way to move it to another hub after the first run (a
 * desktop nobody administers). IT's policy file pins it; so does RAPPORT_HUB_URL. The core checks
 * the new hub answers before signing the person out of the old one.
 */
export function HubSetting() {
  const status = useSetupStatus();
  const { chooseHub, choosing, chooseError, clearChooseError } = useHubChoice();
  const [editing, setEditing] = useState(false);
  const [address, setAddress] = useState('');
  const headingId = useId();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  if (!status) return null;
  const pinned = status.hubSource === 'policy' || status.hubSource === 'environment' ? PINNED_BY[status.hubSource] : null;

  const open = () => {
    clearChooseError();
    setAddress(status.hubUrl ?? '');
    setEditing(true);
    requestAnimationFrame(() => inputRef.current?.select());
  };
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const kept = await chooseHub(address, { signOut: true });
    if (!kept) inputRef.current?.focus();
  };

  return (
    <section className="settings-group" aria-labelledby={headingId}>
      <h3 id={headingId} className="settings-legend">
        Hub address
      </h3>
      <p className="settings-text">
        <code className="settings-url" data-testid="hub-url">
          {status.hubUrl ?? 'not set'}
        </code>
      </p>
      {pinned ? <p className="settings-text">{pinned}</p> : null}
      {!pinned && !editing ? (
        <button type="button" className="button button-secondary button-small" onClick={open}>
          Change hub address…
        </button>
      ) : null}
      {!pinned && editing ? (
        <form className="settings-hub-form" onSubmit={(e) => void submit(e)} noValidate>
          <div className="field">
            <label className="field-label" htmlFor={inputId}>
              New hub address
            </label>
            <input
              ref={inputRef}
              id={inputId}
              className="input"
              inputMode="url"
              autoCapitalize="none"
              spellCheck={false}
              placeholder="https://rapport.example.co.uk"
              aria-describedby={`${inputId}-hint`}
              aria-invalid={chooseError ? true : undefined}
              value={address}
              onChange={(e) => setAddress(e.target.value)}
            />
            <p id={`${inputId}-hint`} className="field-hint">
              Rapport checks that a hub answers there, then signs you out so you can sign in to it.
            </p>
          </div>
          {chooseError ? (
            <p className="inline-error" role="alert">
              {chooseError.message}
            </p>
          ) : null}
          <div className="settings-address">
            <button type="submit" className="button button-small" disabled={choosing}>
              {choosing ? 'Checking…' : 'Change and sign out'}
            </button>
            <button type="button" className="button button-secondary button-small" onClick={() => setEditing(false)} disabled={choosing}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
