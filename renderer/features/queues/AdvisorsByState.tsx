import { useState } from 'react';
import type { AgentState } from '../../../shared/contract/calls';
import type { AdvisorOnFloor } from '../../../shared/contract/queues';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { formatClock } from '../../ui/format';
import { EmptyState } from '../../ui/States';
import { useNow } from '../../ui/useNow';
import { AGENT_STATE_LABELS } from '../calls/callText';
import { SetAdvisorState } from './SetAdvisorState';

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

function InState({ since }: { since: number }) {
  const now = useNow(1000);
  return <span className="floor-left">for {formatClock(Math.max(0, Math.floor((now - since) / 1000)))}</span>;
}

const signedOut = (a: AdvisorOnFloor) => a.signedIn === false;

function AdvisorRow({ advisor }: { advisor: AdvisorOnFloor }) {
  if (signedOut(advisor))
    return (
      <li className="member floor-advisor" data-state="signed_out">
        <span className="member-avatar" aria-hidden="true">
          {advisor.name.slice(0, 1)}
        </span>
        <span className="member-main">
          <span className="member-name">{advisor.name}</span>
          <span className="member-meta">{advisor.extension ? `Ext. ${advisor.extension}` : 'No extension'}</span>
        </span>
        <span className="member-badges floor-state">
          <Badge tone="neutral">Signed out</Badge>
        </span>
      </li>
    );
  return <SignedInRow advisor={advisor} />;
}

function SignedInRow({ advisor }: { advisor: AdvisorOnFloor }) {
  const [setting, setSetting] = useState(false);
  const protectedPause = advisor.state === 'protected_pause';
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
        {/* A protected pause says both how long it has lasted and how long is left. */}
        {protectedPause && advisor.since ? <InState since={advisor.since} /> : null}
        {advisor.until && advisor.state !== 'ready' ? <TimeLeft until={advisor.until} /> : !protectedPause && advisor.since ? <InState since={advisor.since} /> : null}
        <button type="button" className="button button-quiet button-small" aria-expanded={setting} onClick={() => setSetting(!setting)} aria-label={`Set state: ${advisor.name}`}>
          Set state
        </button>
      </span>
      {setting ? <SetAdvisorState advisor={advisor} onDone={() => setSetting(false)} /> : null}
    </li>
  );
}

/** The site's advisors: a count per state, then everyone, those ready first. */
export function AdvisorsByState({ advisors }: { advisors: AdvisorOnFloor[] }) {
  if (advisors.length === 0) return <EmptyState>No advisors work at your site yet</EmptyState>;
  const rank = (a: AdvisorOnFloor) => (signedOut(a) ? ORDER.length : ORDER.indexOf(a.state));
  const sorted = [...advisors].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
  const out = advisors.filter(signedOut).length;
  return (
    <>
      <ul className="floor-counts" aria-label="Advisors by state">
        {ORDER.map((state) => {
          const n = advisors.filter((a) => !signedOut(a) && a.state === state).length;
          return (
            <li key={state} className={n ? 'floor-count' : 'floor-count floor-count-none'} data-state={state}>
              <span className="floor-count-value">{n}</span> {AGENT_STATE_LABELS[state]}
            </li>
          );
        })}
        <li className={out ? 'floor-count' : 'floor-count floor-count-none'} data-state="signed_out">
          <span className="floor-count-value">{out}</span> Signed out
        </li>
      </ul>
      <ul className="members" aria-label="Advisors">
        {sorted.map((a) => (
          <AdvisorRow key={a.userId} advisor={a} />
        ))}
      </ul>
    </>
  );
}
