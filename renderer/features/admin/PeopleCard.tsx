import { useMemo, useState } from 'react';
import type { PeopleList } from '../../../shared/contract/people';
import type { UserView } from '../../../shared/schemas/accounts';
import { siteLabel } from '../../../shared/site-label';
import { reloadPeople, usePeople, useSignedIn } from '../../state';
import { Badge } from '../../ui/Badge';
import { Card } from '../../ui/Card';
import { DateTime } from '../../ui/DateTime';
import { roleLabel } from '../../ui/format';
import { Loaded } from '../../ui/Loaded';
import { ScrollBox } from '../../ui/ScrollBox';
import { EmptyState } from '../../ui/States';
import { useNow } from '../../ui/useNow';
import { isLocked, mayManage, placeOf } from './people';
import { PersonForm } from './PersonForm';
import { ResetPasswordForm } from './ResetPasswordForm';
import { ResetTwoFactorForm } from './ResetTwoFactorForm';
import './people.css';
import '../catalogue/catalogue.css';
import '../catalogue/limits.css';

type Open = { kind: 'add' } | { kind: 'edit'; user: UserView } | { kind: 'reset' | 'twoFactor'; user: UserView } | null;
type Show = 'everyone' | 'locked' | 'disabled' | 'twoFactor';

function Status({ user, now }: { user: UserView; now: number }) {
  if (user.disabled) return <Badge tone="danger">Disabled</Badge>;
  if (isLocked(user, now))
    return (
      <span className="people-status">
        <Badge tone="warning">Locked</Badge>
        <span className="catalogue-sub">
          until <DateTime ms={user.lockedUntil!} />
        </span>
      </span>
    );
  return <Badge tone="good">Active</Badge>;
}

function TwoFactor({ user }: { user: UserView }) {
  return <span className="catalogue-sub nowrap">{user.twoFactorOn ? 'Two-factor on' : 'Two-factor off'}</span>;
}

const shows: Record<Show, (u: UserView, now: number) => boolean> = {
  everyone: () => true,
  locked: isLocked,
  disabled: (u) => u.disabled,
  twoFactor: (u) => Boolean(u.twoFactorOn),
};

function PeopleTable({ data, show, siteFilter, search, onOpen }: { data: PeopleList; show: Show; siteFilter: string; search: string; onOpen(o: Open): void }) {
  const session = useSignedIn()!;
  const now = useNow();
  const actor = { role: session.user.role, siteId: session.user.siteId };
  const sites = useMemo(() => new Map(data.sites.map((s) => [s.id, s])), [data.sites]);
  const teams = useMemo(() => new Map(data.teams.map((t) => [t.id, t])), [data.teams]);
  const words = search.trim().toLowerCase();
  const users = data.users.filter(
    (u) =>
      (!siteFilter || u.siteId === siteFilter) &&
      shows[show](u, now) &&
      (!words || `${u.displayName} ${u.username}`.toLowerCase().includes(words)),
  );
  if (users.length === 0) return <EmptyState>{show === 'locked' ? 'Nobody is locked out' : 'Nobody matches'}</EmptyState>;
  return (
    <ScrollBox label="Everyone listed" className="table-wrap admin-scroll">
      <table className="table table-compact">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role, site and team</th>
            <th scope="col">Last sign-in</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>
                {user.displayName}
                <span className="catalogue-sub mono">{user.username}</span>
              </td>
              <td>
                {roleLabel(user.role)}
                <span className="catalogue-sub">{placeOf(user, sites, teams)}</span>
              </td>
              <td className="nowrap">{user.lastSignInAt ? <DateTime ms={user.lastSignInAt} /> : <span className="muted">Never</span>}</td>
              <td>
                <Status user={user} now={now} />
                <TwoFactor user={user} />
              </td>
              <td className="people-actions">
                {mayManage(actor, user) ? (
                  <>
                    <button type="button" className="button button-secondary button-small" onClick={() => onOpen({ kind: 'edit', user })} aria-label={`Edit ${user.displayName}`}>
                      Edit
                    </button>
                    <button type="button" className="button button-secondary button-small" onClick={() => onOpen({ kind: 'reset', user })} aria-label={`${isLocked(user, now) ? 'Reset and unlock' : 'Reset password'}: ${user.displayName}`}>
                      {/* The visible words start the name (WCAG 2.5.3), so "click Reset password" works by voice. */}
                      {isLocked(user, now) ? 'Reset and unlock' : 'Reset password'}
                    </button>
                    {user.twoFactorOn ? (
                      <button type="button" className="button button-secondary button-small" onClick={() => onOpen({ kind: 'twoFactor', user })} aria-label={`Reset two-factor: ${user.displayName}`}>
                        Reset two-factor
                      </button>
                    ) : null}
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

/** The admin's people: add, edit, move, disable, reset (which unlocks); within their rank and site. */
export function PeopleCard() {
  const people = usePeople();
  const session = useSignedIn();
  const [open, setOpen] = useState<Open>(null);
  const [done, setDone] = useState('');
  const [show, setShow] = useState<Show>('everyone');
  const [siteFilter, setSiteFilter] = useState('');
  const [search, setSearch] = useState('');
  if (!session) return null;
  const orgAdmin = session.user.role === 'org_admin';
  const actor = { role: session.user.role, siteId: session.user.siteId, userId: session.user.id };
  const finish = (message: string) => {
    setOpen(null);
    setDone(message);
  };

  const tools = (
    <div className="audit-tools">
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          setDone('');
          setOpen({ kind: 'add' });
        }}
      >
        Add a person
      </button>
    </div>
  );

  return (
    <Card title="People" className="admin-users" actions={tools}>
      <p className="publish-status" role="status">
        {done}
      </p>
      <Loaded value={people} loadingLabel="Loading people…" errorTitle="People could not be loaded." onRetry={reloadPeople}>
        {(data) => {
          const locked = data.users.filter((u) => isLocked(u, Date.now())).length;
          return (
            <>
              {open?.kind === 'add' || open?.kind === 'edit' ? (
                <PersonForm
                  key={open.kind === 'edit' ? open.user.id : 'new'}
                  actor={actor}
                  sites={data.sites}
                  teams={data.teams}
                  person={open.kind === 'edit' ? open.user : undefined}
                  onDone={finish}
                  onCancel={() => setOpen(null)}
                />
              ) : null}
              {open?.kind === 'reset' ? <ResetPasswordForm key={open.user.id} person={open.user} onDone={finish} onCancel={() => setOpen(null)} /> : null}
              {open?.kind === 'twoFactor' ? <ResetTwoFactorForm key={open.user.id} person={open.user} onDone={finish} onCancel={() => setOpen(null)} /> : null}
              <div className="people-filters">
                <label className="field-label" htmlFor="people-search">
                  Find
                </label>
                <input id="people-search" type="search" className="input input-short" placeholder="Name or username" value={search} onChange={(e) => setSearch(e.target.value)} />
                {orgAdmin ? (
                  <>
                    <label className="field-label" htmlFor="people-site">
                      Site
                    </label>
                    <select id="people-site" className="input input-short" value={siteFilter} onChange={(e) => setSiteFilter(e.target.value)}>
                      <option value="">Every site</option>
                      {data.sites.map((s) => (
                        <option key={s.id} value={s.id}>
                          {siteLabel(s)}
                        </option>
                      ))}
                    </select>
                  </>
                ) : null}
                <label className="field-label" htmlFor="people-show">
                  Show
                </label>
                <select id="people-show" className="input input-short" value={show} onChange={(e) => setShow(e.target.value as Show)}>
                  <option value="everyone">Everyone</option>
                  <option value="locked">Locked out ({locked})</option>
                  <option value="disabled">Disabled</option>
                  <option value="twoFactor">Two-factor on</option>
                </select>
              </div>
              <PeopleTable data={data} show={show} siteFilter={siteFilter} search={search} onOpen={(o) => { setDone(''); setOpen(o); }} />
            </>
          );
        }}
      </Loaded>
    </Card>
  );
}
