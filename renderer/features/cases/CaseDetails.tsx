import { useCaseGestures, useCaseView, useGoodwillLists, caseChanged } from '../../state';
import { Badge } from '../../ui/Badge';
import { DateTime } from '../../ui/DateTime';
import { lineLabel, sentenceCase } from '../../ui/format';
import { Loaded } from '../../ui/Loaded';
import { EmptyState } from '../../ui/States';
import { BereavementPrompt } from '../customers/BereavementPrompt';
import { CaseCustomer } from '../customers/CaseCustomer';
import { useCaseCall } from '../customers/useCaseCall';
import { GoodwillPanel } from '../gestures/GoodwillPanel';
import { OutboxList } from '../gestures/OutboxList';
import { RequestRow } from '../gestures/RequestRow';
import '../gestures/gestures.css';

/** One case: what it is about, its notes from every site, its gestures, and a gesture to offer. */
export function CaseDetails({ caseId }: { caseId: string }) {
  const caseView = useCaseView(caseId);
  const caseGestures = useCaseGestures(caseId);
  const { outbox } = useGoodwillLists();
  const waiting = outbox.filter((e) => e.caseId === caseId);
  const retry = () => caseChanged(caseId);
  const { live } = useCaseCall(caseId);

  return (
    <Loaded value={caseView} loadingLabel="Loading the case…" errorTitle="The case could not be loaded." onRetry={retry}>
      {({ case: c, notes }) => (
        <div className="case-layout">
          <div className="case-facts">
            <BereavementPrompt caseId={caseId} callInProgress={live} />
            <p className="case-ref case-details-ref">Case {c.reference}</p>
            <p className="case-subject">{c.subject}</p>
            <p className="case-meta">
              <CaseCustomer c={c} /> · {lineLabel(c.line)} · opened <DateTime ms={c.openedAt} /> at {c.siteName}{' '}
              <Badge tone={c.status === 'open' ? 'primary' : 'neutral'}>{sentenceCase(c.status)}</Badge>
            </p>
            <h3 className="list-title">Notes</h3>
            {notes.length === 0 ? (
              <EmptyState>No notes on this case yet</EmptyState>
            ) : (
              <ul className="case-notes" aria-label="Notes on this case">
                {[...notes].reverse().map((n) => (
                  <li key={n.id}>
                    <p>{n.body}</p>
                    <p className="request-meta">
                      {n.authorName ?? 'Someone'} · <DateTime ms={n.createdAt} />
                    </p>
                  </li>
                ))}
              </ul>
            )}
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
