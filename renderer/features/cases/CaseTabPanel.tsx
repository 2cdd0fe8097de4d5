import { useEffect, useId, useRef } from 'react';
import { useWaitingWrapUp, type CaseTab } from '../../state';
import type { CallView } from '../../../shared/contract/calls';
import { Badge } from '../../ui/Badge';
import { CaseNote } from '../calls/CaseNote';
import { WrapUpForm } from '../calls/WrapUpForm';
import { CaseDetails } from './CaseDetails';
import './cases.css';

interface CaseTabPanelProps {
  tab: CaseTab;
  shown: boolean;
  /** The tab of the call in hand (ringing, live or in wrap-up). */
  current: boolean;
}

/** The tab's call as it now stands, and whether its wrap-up is due. */
function useCallInTab(tab: CaseTab, current: boolean) {
  // A wrap-up left open when the next call came in is still this tab's to finish.
  const waiting = useWaitingWrapUp(current ? null : tab.callId);
  const view = waiting ?? tab.call;
  const wrapping = view !== null && (current || waiting !== null) && view.wrapUp !== null;
  return { view, wrapping };
}

/** The work on one call: wrap-up while it is due, the note box, then the case itself. */
function CallWork({ view, wrapping }: { view: CallView; wrapping: boolean }) {
  if (!view.caseId) {
    return (
      <p className="muted case-tab-waiting">
        {view.call.phase === 'offered'
          ? 'A case opens for this caller when you answer.'
          : 'This call has no case: the hub could not be reached when it was answered.'}
      </p>
    );
  }
  return (
    <div className="case-call-work">
      {wrapping && view.wrapUp ? <WrapUpForm key={view.call.callId} view={view} wrapUp={view.wrapUp} /> : null}
      {/* In wrap-up the last note goes with the wrap-up code instead. */}
      {wrapping ? null : <CaseNote key={`note-${view.call.callId}`} view={view} />}
    </div>
  );
}

/**
 * One open tab. Hidden tabs stay mounted, so what is half-typed in them (a note, a gesture) waits
 * there; nothing of theirs shows while another caller's tab is on screen.
 */
export function CaseTabPanel({ tab, shown, current }: CaseTabPanelProps) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const { view, wrapping } = useCallInTab(tab, current);

  // A case opened by hand takes the keyboard there; a ringing call never steals it from the search box.
  useEffect(() => {
    if (shown && tab.callId === null) heading.current?.focus();
  }, [shown, tab.callId]);

  return (
    <section className="case-tab-panel" hidden={!shown} aria-labelledby={headingId} data-testid="case-tab-panel" data-case-id={tab.caseId ?? ''}>
      <header className="case-tab-head">
        <h2 id={headingId} ref={heading} tabIndex={-1} className="case-tab-heading">
          {tab.title}
        </h2>
        {current ? <Badge tone="primary">Current call</Badge> : null}
      </header>
      {view ? <CallWork view={view} wrapping={wrapping} /> : null}
      {/* While the call's wrap-up is due, its form sets the code: the case's own status form waits. */}
      {tab.caseId ? <CaseDetails caseId={tab.caseId} noteBox={!tab.call} statusForm={!wrapping} /> : null}
    </section>
  );
}
