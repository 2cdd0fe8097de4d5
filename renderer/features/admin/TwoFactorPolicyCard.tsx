import { useEffect, useId, useState, type FormEvent } from 'react';
import type { BridgeError } from '../../../shared/contract/envelope';
import { ROLES, type Role } from '../../../shared/roles';
import { saveTwoFactorPolicy, useSignedIn, useTwoFactorPolicy, queryClient } from '../../state';
import { Card } from '../../ui/Card';
import { roleLabel } from '../../ui/format';
import { Loaded } from '../../ui/Loaded';
import { InlineError } from '../../ui/States';
import '../../ui/controls.css';

/** Ticks per role; only an organisation admin may change them (the hub refuses anyone else). */
function PolicyForm({ saved, mayChange }: { saved: Role[]; mayChange: boolean }) {
  const id = useId();
  const [wanted, setWanted] = useState<Role[]>(saved);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BridgeError | null>(null);
  const [done, setDone] = useState('');
  useEffect(() => setWanted(saved), [saved]);
  const toggle = (role: Role) => setWanted((w) => (w.includes(role) ? w.filter((r) => r !== role) : [...w, role]));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setDone('');
    const result = await saveTwoFactorPolicy(wanted);
    setBusy(false);
    if (result.ok) setDone(result.value.requiredRoles.length ? `Saved: required of ${result.value.requiredRoles.map(roleLabel).join(', ').toLowerCase()}.` : 'Saved: required of nobody.');
    else setError(result.error);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Two-factor sign-in required of">
      <fieldset className="two-factor-roles" disabled={!mayChange || busy} aria-describedby={`${id}-hint`}>
        <legend className="field-label">Required of</legend>
        {ROLES.map((role) => (
          <label key={role} className="checkbox-row">
            <input type="checkbox" checked={wanted.includes(role)} onChange={() => toggle(role)} /> {roleLabel(role)}
          </label>
        ))}
      </fieldset>
      <p id={`${id}-hint`} className="field-hint">
        {mayChange
          ? 'People in these roles set up an authenticator app at their next sign-in. Anyone may turn it on for themselves in Settings.'
          : 'Set by an organisation admin. Anyone may turn it on for themselves in Settings.'}
      </p>
      {error ? <InlineError error={error} /> : null}
      {mayChange ? (
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
      ) : null}
      <p role="status" className="field-hint">
        {done}
      </p>
    </form>
  );
}

/** Which roles must use two-factor sign-in: the organisation admin sets it; a site admin sees it. */
export function TwoFactorPolicyCard() {
  const policy = useTwoFactorPolicy();
  const orgAdmin = useSignedIn()?.user.role === 'org_admin';
  return (
    <Card title="Two-factor sign-in">
      <Loaded
        value={policy}
        loadingLabel="Loading two-factor sign-in…"
        errorTitle="The two-factor requirement could not be loaded."
        onRetry={() => void queryClient.invalidateQueries({ queryKey: ['twoFactor', 'policy'] })}
      >
        {(p) => <PolicyForm saved={p.requiredRoles} mayChange={orgAdmin} />}
      </Loaded>
    </Card>
  );
}
