import type { FormEvent } from 'react';
import type { UserView } from '../../../shared/schemas/accounts';
import { resetTwoFactor } from '../../state';
import { SaveActions } from '../../ui/SaveActions';
import { useSaving } from '../../ui/useSaving';

/** A lost phone: the admin takes the person's app and recovery codes away; they set it up again at their next sign-in. */
export function ResetTwoFactorForm({ person, onDone, onCancel }: { person: UserView; onDone(message: string): void; onCancel(): void }) {
  const { busy, error, save } = useSaving();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await save(() => resetTwoFactor(person.id));
    if (result.ok) onDone(`${person.displayName}’s two-factor sign-in was reset: they set up their app again at their next sign-in.`);
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
