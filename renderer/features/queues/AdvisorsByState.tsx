import type { AgentState } from '../../../shared/contract/calls';
import type { AdvisorOnFloor } from '../../../shared/contract/queues';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { formatClock } from '../../ui/format';
import { EmptyState } from '../../ui/States';
import { useNow } from '../../ui/useNow';
import { AGENT_STATE_LABELS } from '../calls/callText';

/** Who can take a call first; then who cannot, and why. */
const ORDER: AgentState[] = ['ready', 'not_ready', 'break', 'after_call_work', 'protected_pause'];

/** A protected pause is care, not absence: calm, never alarming. */
const TONES: Record<AgentState, BadgeTone> = {
  ready: 'good',
  not_ready: 'warning',
  break: 'neutral',
  after_call_work: 'primary',
  protected_pause: 'calm',
};

function TimeLeft({ until }: { until: number }) {
  const now = useNow(1000);
  const seconds = Math.ceil((until - now) / 1000);
  return <span className="floor-left">{seconds > 0 ? `${formatClock(seconds)} left` : 'ending…'}</span>;
}

function AdvisorRow({ advisor }: { advisor: AdvisorOnFloor }) {
  return (
    <li className="member floor-advisor" data-state={advisor.state}>
      <span className="member-avatar" aria-hidden="true">
        {advisor.name.slice(0, 1)}
      </span>
      <span className="member-main">
        <span className="member-name">{advisor.name}</span>
        <span className="member-meta">
          {advisor.extension ? `Ext. ${advisor.extension}` : 'No extension'}
          {advisor.reason && advisor.state !== 'ready' ? ` · ${advisor.reason}` : ''}
        </span>
      </span>
      <span className="member-badges floor-state">
        <Badge tone={TONES[advisor.state]}>{AGENT_STATE_LABELS[advisor.state]}</Badge>
        {advisor.until && advisor.state !== 'ready' ? <TimeLeft until={advisor.until} /> : null}
      </span>
    </li>
  );
}

/** The site's advisors: a count per state, then everyone, those ready first. */
export function AdvisorsByState({ advisors }: { advisors: AdvisorOnFloor[] }) {
  if (advisors.length === 0) return <EmptyState>No advisors work at your site yet</EmptyState>;
  const sorted = [...advisors].sort((a, b) => ORDER.indexOf(a.state) - ORDER.indexOf(b.state) || a.name.localeCompare(b.name));
  return (
    <>
      <ul className="floor-counts" aria-label="Advisors by state">
        {ORDER.map((state) => {
          const n = advisors.filter((a) => a.state === state).length;
          return (
            <li key={state} className={n ? 'floor-count' : 'floor-count floor-count-none'} data-state={state}>
              <span className="floor-count-value">{n}</span> {AGENT_STATE_LABELS[state]}
            </li>
          );
        })}
      </ul>
      <ul className="members" aria-label="Advisors">
        {sorted.map((a) => (
          <AdvisorRow key={a.userId} advisor={a} />
        ))}
      </ul>
    </>
  );
}
