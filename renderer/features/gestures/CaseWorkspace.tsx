import { useEffect, useRef } from 'react';
import { useGoodwillActions, useGoodwillLists, useOpenCase } from '../../state';
import { Badge } from '../../ui/Badge';
import { DateTime } from '../../ui/DateTime';
import { lineLabel, sentenceCase } from '../../ui/format';
import { Loaded } from '../../ui/Loaded';
import { EmptyState } from '../../ui/States';
import { GoodwillPanel } from './GoodwillPanel';
import { OutboxList } from './OutboxList';
import { RequestRow } from './RequestRow';
import './gestures.css';

/** The case on screen (from a call or opened by hand): who, what, its notes, and its gestures. */
export function CaseWorkspace() {
  const { caseId, caseView, caseGestures } = useOpenCase();
  const { outbox } = useGoodwillLists();
  const { closeCase, loadCase } = useGoodwillActions();
  const heading = useRef<HTMLHeadingElement>(null);

  // Opening a case takes the keyboard there; Esc is not used, so it never fights the search box.
  useEffect(() => {
    if (caseId) heading.current?.focus();
  }, [caseId]);

  if (!caseId) return null;
  const waiting = outbox.filter((e) => e.caseId === caseId);
  const reference = 'data' in caseView ? caseView.data?.case.reference : undefined;

  return (
    <section className="case-workspace card" aria-labelledby="case-heading">
      <header className="card-header">
        <h2 id="case-heading" className="card-title" tabIndex={-1} ref={heading}>
          {reference ? `Case ${reference}` : 'Case'}
        </h2>
        <div className="card-actions">
          <button type="button" className="button button-secondary button-small" onClick={closeCase}>
            Close case view
          </button>
        </div>
      </header>
      <div className="card-body">
        <Loaded
          value={caseView}
          loadingLabel="Loading the case…"
          errorTitle="The case could not be loaded."
          onRetry={() => void loadCase()}
        >
          {({ case: c, notes }) => (
            <div className="case-layout">
              <div className="case-facts">
                <p className="case-subject">{c.subject}</p>
                <p className="case-meta">
                  {c.customerName ?? 'No customer'} · {lineLabel(c.line)} · opened <DateTime ms={c.openedAt} /> at {c.siteName}{' '}
                  <Badge tone={c.status === 'open' ? 'primary' : 'neutral'}>{sentenceCase(c.status)}</Badge>
                </p>
                <h3 className="list-title">Notes</h3>
                {notes.length === 0 ? (
                  <EmptyState>No notes on this case yet</EmptyState>
                ) : (
                  <ul className="case-notes">
                    {notes.slice(0, 6).map((n) => (
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
                <Loaded
                  value={caseGestures}
                  loadingLabel="Loading gestures…"
                  errorTitle="Gestures on this case could not be loaded."
                  onRetry={() => void loadCase()}
                >
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
      </div>
    </section>
  );
}
