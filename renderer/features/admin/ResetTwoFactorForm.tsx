import { useState, type FormEvent } from 'react';
import type { BridgeError } from '../../../shared/contract/envelope';
import type { UserView } from '../../../shared/schemas/accounts';
import { resetTwoFactor } from '../../state';
import { SaveActions } from '../../ui/SaveActions';

/** A lost phone: the admin takes the person's app and recovery codes away; they set it up again at their next sign-in. */
export function ResetTwoFactorForm({ person, onDone, onCancel }: { person: UserView; onDone(message: string): void; onCancel(): void }) {
  const [error, setError] = useState<BridgeError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await resetTwoFactor(person.id);
    setBusy(false);
    if (result.ok) return onDone(`${person.displayName}’s two-factor sign-in was reset: they set up their app again at their next sign-in.`);
    setError(result.error);
  };

  return (
    <form className="people-form" onSubmit={(e) => void submit(e)} aria-label={`Reset ${person.displayName}’s two-factor sign-in`}>
      <h3 className="publish-heading">Reset {person.displayName}’s two-factor sign-in</h3>
      <p className="muted">
        Their authenticator app and recovery codes stop working and they are signed out everywhere. Do this when they have lost their phone, once you are sure it is them
        asking.
      </p>
      <SaveActions busy={busy} error={error} lead="Not reset" label="Reset two-factor" busyLabel="Resetting…" danger>
        <button type="button" className="button button-secondary button-small" onClick={onCancel} autoFocus>
          Cancel
        </button>
      </SaveActions>
    </form>
  );
}
