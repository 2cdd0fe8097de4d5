import { useId, useState, type FormEvent } from 'react';
import type { UserView } from '../../../shared/schemas/accounts';
import { resetPassword } from '../../state';
import { SaveActions } from '../../ui/SaveActions';
import { useSaving } from '../../ui/useSaving';
import { describedBy, Field } from '../../ui/Field';
import { problemsOf } from './people';

/** A new password the admin passes on; it also unlocks the account and signs the person out everywhere. */
export function ResetPasswordForm({ person, onDone, onCancel }: { person: UserView; onDone(message: string): void; onCancel(): void }) {
  const id = useId();
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const { busy, error, save } = useSaving();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await save(
      () => resetPassword({ userId: person.id, password }),
      (failed) => {
        const p = problemsOf(failed.problems).password;
        setProblem(p);
        return !p;
      },
    );
    if (result.ok) onDone(`${person.displayName}’s password was reset${person.lockedUntil ? ' and the account unlocked' : ''}.`);
  };

  return (
    <form className="people-form" onSubmit={(e) => void submit(e)} noValidate aria-label={`Reset ${person.displayName}’s password`}>
      <h3 className="publish-heading">Reset {person.displayName}’s password</h3>
      <Field id={`${id}-password`} label="New password (at least 10 characters)" hint="Also unlocks the account and signs them out everywhere." problem={problem}>
        <input
          className="input"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          {...describedBy(`${id}-password`, true, problem)}
        />
      </Field>
      <SaveActions busy={busy} error={error} lead="Not reset" label="Reset password" busyLabel="Resetting…">
        <button type="button" className="button button-secondary button-small" onClick={onCancel}>
          Cancel
        </button>
      </SaveActions>
    </form>
  );
}
