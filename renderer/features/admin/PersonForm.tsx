import { useId, useState, type FormEvent } from 'react';
import type { BridgeError } from '../../../shared/contract/envelope';
import type { Placed, Role } from '../../../shared/roles';
import type { SiteView, TeamView, UserView } from '../../../shared/schemas/accounts';
import { siteLabel } from '../../../shared/site-label';
import { createPerson, updatePerson } from '../../state';
import { roleLabel } from '../../ui/format';
import { InlineError } from '../../ui/States';
import { describedBy, Field } from '../../ui/Field';
import { problemsOf, rolesWithin, sitesWithin } from './people';

interface Props {
  actor: Placed & { userId: string };
  sites: SiteView[];
  teams: TeamView[];
  /** Absent: a new person. */
  person?: UserView;
  onDone(message: string): void;
  onCancel(): void;
}

/** Add someone, or change their name, role, site, team, extension and whether they may sign in. */
export function PersonForm({ actor, sites, teams, person, onDone, onCancel }: Props) {
  const id = useId();
  const places = sitesWithin(actor, sites);
  const [siteId, setSiteId] = useState(person?.siteId ?? (places.some((s) => s.id === actor.siteId) ? actor.siteId : (places[0]?.id ?? '')));
  const roles = rolesWithin(actor, siteId);
  const [role, setRole] = useState<Role>(person?.role ?? 'advisor');
  const [displayName, setDisplayName] = useState(person?.displayName ?? '');
  const [username, setUsername] = useState(person?.username ?? '');
  const [teamId, setTeamId] = useState(person?.teamId ?? '');
  const [extension, setExtension] = useState(person?.extension ?? '');
  const [password, setPassword] = useState('');
  const [disabled, setDisabled] = useState(person?.disabled ?? false);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<BridgeError | null>(null);
  const [busy, setBusy] = useState(false);
  const self = person?.id === actor.userId;
  const siteTeams = teams.filter((t) => t.siteId === siteId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const fields = { displayName, role, siteId, teamId: teamId || null, extension: extension.trim() || null };
    const result = person
      ? await updatePerson({ userId: person.id, changes: self ? { displayName, teamId: teamId || null, extension: fields.extension } : { ...fields, disabled } })
      : await createPerson({ ...fields, username, password });
    setBusy(false);
    if (result.ok) {
      onDone(person ? `Saved ${displayName}.` : `Added ${displayName}. They can sign in as ${username.trim().toLowerCase()}.`);
      return;
    }
    const byField = problemsOf(result.error.problems);
    setProblems(byField);
    if (Object.keys(byField).length === 0) setError(result.error);
    else document.querySelector<HTMLElement>(`[aria-invalid="true"]`)?.focus();
  };

  const input = (name: string) => describedBy(`${id}-${name}`, false, problems[name]);
  return (
    <form className="people-form" onSubmit={(e) => void submit(e)} noValidate aria-label={person ? `Edit ${person.displayName}` : 'Add a person'}>
      <h3 className="publish-heading">{person ? `Edit ${person.displayName}` : 'Add a person'}</h3>
      <div className="people-grid">
        <Field id={`${id}-displayName`} label="Full name" problem={problems.displayName}>
          <input className="input" value={displayName} onChange={(e) => setDisplayName(e.target.value)} {...input('displayName')} />
        </Field>
        <Field id={`${id}-username`} label="Username" problem={problems.username}>
          <input
            className="input"
            value={username}
            readOnly={Boolean(person)}
            autoComplete="off"
            onChange={(e) => setUsername(e.target.value)}
            {...input('username')}
          />
        </Field>
        <Field id={`${id}-siteId`} label="Site" problem={problems.siteId}>
          <select
            className="input"
            value={siteId}
            disabled={self}
            onChange={(e) => {
              setSiteId(e.target.value);
              setTeamId('');
            }}
            {...input('siteId')}
          >
            {(person && !places.some((s) => s.id === siteId) ? sites.filter((s) => s.id === siteId) : places).map((s) => (
              <option key={s.id} value={s.id}>
                {siteLabel(s)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-role`} label="Role" problem={problems.role}>
          <select className="input" value={role} disabled={self} onChange={(e) => setRole(e.target.value as Role)} {...input('role')}>
            {(roles.includes(role) ? roles : [role, ...roles]).map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-teamId`} label="Team" problem={problems.teamId}>
          <select className="input" value={teamId} onChange={(e) => setTeamId(e.target.value)} {...input('teamId')}>
            <option value="">No team</option>
            {siteTeams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-extension`} label="Extension (optional)" problem={problems.extension}>
          <input className="input" inputMode="numeric" value={extension} onChange={(e) => setExtension(e.target.value)} {...input('extension')} />
        </Field>
        {person ? null : (
          <Field id={`${id}-password`} label="First password (at least 10 characters)" problem={problems.password}>
            <input
              className="input"
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              {...input('password')}
            />
          </Field>
        )}
      </div>
      {person && !self ? (
        <label className="people-check">
          <input type="checkbox" checked={disabled} onChange={(e) => setDisabled(e.target.checked)} /> Disabled (cannot sign in; signed out
          everywhere at once)
        </label>
      ) : null}
      {error ? <InlineError error={error} lead="Not saved" /> : null}
      <div className="form-actions">
        <button type="submit" className="button button-small" disabled={busy}>
          {busy ? 'Saving…' : person ? 'Save changes' : 'Add person'}
        </button>
        <button type="button" className="button button-secondary button-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
