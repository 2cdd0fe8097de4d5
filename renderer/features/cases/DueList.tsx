import { useState } from 'react';
import { queryClient, useCaseTabActions, useDueTasks, useSignedIn } from '../../state';
import { Badge } from '../../ui/Badge';
import { Card } from '../../ui/Card';
import { DateTime } from '../../ui/DateTime';
import { Loaded } from '../../ui/Loaded';
import { EmptyState } from '../../ui/States';
import { DoneButton, mayMarkDone } from './CaseTasks';

/** What is due: the advisor's open follow-ups, overdue first (a supervisor can see the whole site's). */
export function DueList() {
  const me = useSignedIn()?.user;
  const [scope, setScope] = useState<'mine' | 'site'>('mine');
  const due = useDueTasks(scope);
  const { openCase } = useCaseTabActions();
  if (!me) return null;
  const lead = me.role === 'supervisor';
  return (
    <Card
      title="Due"
      headingId="due-heading"
      className="due-card"
      actions={
        lead ? (
          <button type="button" className="button button-small button-quiet" aria-pressed={scope === 'site'} onClick={() => setScope(scope === 'mine' ? 'site' : 'mine')}>
            {scope === 'mine' ? 'Show my site’s' : 'Show mine'}
          </button>
        ) : null
      }
    >
      <Loaded value={due} loadingLabel="Loading what is due…" errorTitle="What is due could not be loaded." onRetry={() => void queryClient.invalidateQueries({ queryKey: ['due'] })}>
        {({ tasks }) => {
          const overdue = tasks.filter((t) => t.overdue).length;
          return tasks.length === 0 ? (
            <EmptyState>Nothing due: follow-ups you add to a case show here</EmptyState>
          ) : (
            <>
              <p className="muted due-summary">
                {tasks.length} open{overdue ? `, ${overdue} overdue` : ''}
              </p>
              <ul className="tasks" aria-label="Due follow-ups">
                {tasks.map((t) => (
                  <li key={t.id} className="task" data-overdue={t.overdue}>
                    <div className="task-text">
                      <p className="task-title">
                        {t.overdue ? <Badge tone="danger">Overdue</Badge> : null} {t.title}
                      </p>
                      <p className="request-meta">
                        Due <DateTime ms={t.dueAt} /> ·{' '}
                        <button type="button" className="link-button" onClick={() => openCase(t.caseId, t.customerName ?? t.caseReference)}>
                          {t.caseReference}
                        </button>{' '}
                        {t.customerName ?? 'Unknown caller'} · {t.caseSubject}
                        {scope === 'site' ? ` · ${t.assigneeName ?? 'someone'}` : ''}
                      </p>
                    </div>
                    {mayMarkDone(me, t) ? <DoneButton task={t} /> : null}
                  </li>
                ))}
              </ul>
            </>
          );
        }}
      </Loaded>
    </Card>
  );
}
