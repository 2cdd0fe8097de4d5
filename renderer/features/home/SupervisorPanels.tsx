import { useEffect } from 'react';
import type { UserView } from '../../../shared/schemas/accounts';
import { useSupervisorHome } from '../../state';
import { Badge } from '../../ui/Badge';
import { Card } from '../../ui/Card';
import { roleLabel } from '../../ui/format';
import { Loaded } from '../../ui/Loaded';
import { Stat } from '../../ui/Stat';
import { EmptyState } from '../../ui/States';
import { useNow } from '../../ui/useNow';
import { useRetryWhenOnline } from './useRetryWhenOnline';

function MemberRow({ member, now }: { member: UserView; now: number }) {
  const locked = member.lockedUntil !== null && member.lockedUntil > now;
  return (
    <li className="member">
      <span className="member-avatar" aria-hidden="true">
        {member.displayName.slice(0, 1)}
      </span>
      <span className="member-main">
        <span className="member-name">{member.displayName}</span>
        <span className="member-meta">
          {roleLabel(member.role)}
          {member.extension ? ` · Ext. ${member.extension}` : ' · No extension'}
        </span>
      </span>
      <span className="member-badges">
        {member.disabled ? <Badge tone="danger">Disabled</Badge> : null}
        {locked ? <Badge tone="warning">Locked</Badge> : null}
      </span>
    </li>
  );
}

/** The floor at a glance: who is on the team, what is open, and what is waiting on the supervisor. */
export function SupervisorPanels() {
  const { home, load } = useSupervisorHome();
  const now = useNow();
  useEffect(() => void load(), [load]);
  useRetryWhenOnline(home.status === 'error', load);
  const retry = () => void load();

  return (
    <>
      <Card title="Today">
        <Loaded
          value={home}
          loadingLabel="Loading today's figures…"
          errorTitle="Today's figures could not be loaded."
          onRetry={retry}
        >
          {(data) => (
            <div className="stats">
              <Stat label="Open cases" value={data.openCases} testId="open-cases" />
              <Stat label="Cases today" value={data.casesToday} testId="cases-today" />
              <Stat
                label="Pending approvals"
                value={data.pendingApprovals}
                testId="pending-approvals"
                tone={data.pendingApprovals > 0 ? 'warning' : undefined}
              />
            </div>
          )}
        </Loaded>
      </Card>
      <Card title="My team">
        <Loaded value={home} loadingLabel="Loading your team…" errorTitle="Your team could not be loaded." onRetry={retry}>
          {(data) =>
            data.members.length === 0 ? (
              <EmptyState>No one is on your team yet</EmptyState>
            ) : (
              <ul className="members" aria-label="Team members">
                {data.members.map((m) => (
                  <MemberRow key={m.id} member={m} now={now} />
                ))}
              </ul>
            )
          }
        </Loaded>
      </Card>
    </>
  );
}
