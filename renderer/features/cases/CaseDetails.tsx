import { CASE_STATUS_LABELS } from '../../../shared/cases/status-rules';
import type { CaseStatusChangeView } from '../../../shared/schemas/cases';
import { useCaseGestures, useCaseView, useGoodwillLists, caseChanged } from '../../state';
import { Badge } from '../../ui/Badge';
import { DateTime } from '../../ui/DateTime';
import { lineLabel } from '../../ui/format';
import { Loaded } from '../../ui/Loaded';
import { EmptyState } from '../../ui/States';
import { BereavementPrompt } from '../customers/BereavementPrompt';
import { CaseCustomer } from '../customers/CaseCustomer';
import { useCaseCall } from '../customers/useCaseCall';
import { GoodwillPanel } from '../gestures/GoodwillPanel';
import { OutboxList } from '../gestures/OutboxList';
import { RequestRow } from '../gestures/RequestRow';
import { CaseNoteBox } from './CaseNoteBox';
import { CaseStatusForm } from './CaseStatusForm';
import { CaseTasks } from './CaseTasks';
import { NoteList } from './NoteList';
import { STATUS_TONE } from './statusTone';
import '../gestures/gestures.css';

function StatusHistory({ changes }: { changes: CaseStatusChangeView[] }) {
  if (changes.length === 0) return null;
  return (
    <details className="case-history">
      <summary>Status history ({changes.length})</summary>
      <ol>
        {[...changes].reverse().map((h, i) => (
          <li key={i}>
            {CASE_STATUS_LABELS[h.from]} → {CASE_STATUS_LABELS[h.to]} · {h.actorName ?? 'Someone'}
            {h.siteName ? ` at ${h.siteName}` : ''} · <DateTime ms={h.at} />
            {h.reason ? <span className="case-history-reason"> “{h.reason}”</span> : null}
          </li>
        ))}
      </ol>
    </details>
  );
}

/**
 * One case at any time: what it is about and its status, a note box (a call's tab has its own),
 * its notes from every site, follow-ups, gestures, and a gesture to offer.
 */
export function CaseDetails({ caseId, noteBox = true, statusForm = true }: { caseId: string; noteBox?: boolean; statusForm?: boolean }) {
  const caseView = useCaseView(caseId);
  const caseGestures = useCaseGestures(caseId);
  const { outbox } = useGoodwillLists();
  const waiting = outbox.filter((e) => e.caseId === caseId);
  const retry = () => caseChanged(caseId);
  const { live } = useCaseCall(caseId);

  return (
    <Loaded value={caseView} loadingLabel="Loading the case…" errorTitle="The case could not be loaded." onRetry={retry}>
      {({ case: c, notes, changes }) => (
        <div className="case-layout">
          <div className="case-facts">
            <BereavementPrompt caseId={caseId} callInProgress={live} />
            <p className="case-ref case-details-ref">Case {c.reference}</p>
            <p className="case-subject">{c.subject}</p>
            <p className="case-meta">
              <CaseCustomer c={c} /> · {lineLabel(c.line)} · opened <DateTime ms={c.openedAt} /> at {c.siteName}{' '}
              <Badge tone={STATUS_TONE[c.status]}>{CASE_STATUS_LABELS[c.status]}</Badge>
              {c.wrapupLabel ? ` · ${c.wrapupLabel}` : ''}
            </p>
            {noteBox ? <CaseNoteBox c={c} /> : null}
            <h3 className="list-title">Notes</h3>
            <NoteList notes={notes} />
            <CaseTasks c={c} />
            <h3 className="list-title">Status</h3>
            {statusForm ? (
              <CaseStatusForm c={c} />
            ) : (
              <p className="muted case-status-elsewhere">The wrap-up above sets this case’s code and outcome; its status can be changed once it is sent.</p>
            )}
            <StatusHistory changes={changes ?? []} />
            <h3 className="list-title">Gestures on this case</h3>
            <OutboxList entries={waiting} />
            <Loaded value={caseGestures} loadingLabel="Loading gestures…" errorTitle="Gestures on this case could not be loaded." onRetry={retry}>
              {(requests) =>
                requests.length === 0 && waiting.length === 0 ? (
                  <EmptyState>No gestures on this case yet</EmptyState>
                ) : (
                  <ul className="requests" aria-label="Gestures on this case">
                    {requests.map((r) => (
                      <RequestRow key={r.id} request={r} />
                    ))}
                  </ul>
                )
              }
            </Loaded>
          </div>
          <GoodwillPanel caseId={caseId} />
        </div>
      )}
    </Loaded>
  );
}
