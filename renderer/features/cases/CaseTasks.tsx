import { useId, useState, type FormEvent } from 'react';
import type { BridgeError } from '../../../shared/contract/envelope';
import { mayActOnCase } from '../../../shared/roles';
import type { TaskView } from '../../../shared/schemas/cases';
import type { CaseView } from '../../../shared/schemas/customers';
import { caseWorkActions, caseWorkKeys, dataOf, queryClient, useAssignees, useCaseTasks, useSignedIn } from '../../state';
import { Badge } from '../../ui/Badge';
import { DateTime } from '../../ui/DateTime';
import { Loaded } from '../../ui/Loaded';
import { EmptyState, InlineError } from '../../ui/States';
import { SaveActions } from '../../ui/SaveActions';
import { parseDue, tomorrow } from './dueDate';

const newKey = () => `t-${crypto.randomUUID()}`;

/** Done by the person it was given to, whoever added it, or a supervisor of its site (the hub decides). */
export function mayMarkDone(me: { id: string; role: string; siteId: string }, task: TaskView): boolean {
  return task.assigneeId === me.id || me.role === 'org_admin' || (me.role === 'supervisor' && me.siteId === task.siteId);
}

export function DoneButton({ task }: { task: TaskView }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BridgeError | null>(null);
  return (
    <>
      <button
        type="button"
        className="button button-small button-secondary"
        disabled={busy}
        // One name for the whole button: a hidden span beside the visible word reads as "Done : …" in Chromium.
        aria-label={`${busy ? 'Marking done' : 'Done'}: ${task.title}`}
        onClick={() => {
          setBusy(true);
          void caseWorkActions.taskDone(task.caseId, task.id).then((result) => {
            setBusy(false);
            if (!result.ok) setError(result.error);
          });
        }}
      >
        {busy ? 'Marking…' : 'Done'}
      </button>
      {error ? <InlineError error={error} /> : null}
    </>
  );
}

function AddTask({ c, onDone }: { c: CaseView; onDone: () => void }) {
  const id = useId();
  const me = useSignedIn()!.user;
  const people = dataOf(useAssignees()) ?? [];
  const [key] = useState(newKey);
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(() => tomorrow(Date.now()));
  const [time, setTime] = useState('09:00');
  const [assigneeId, setAssigneeId] = useState<string>(me.id);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<BridgeError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const due = parseDue(date, time);
    if (title.trim().length < 2) return setProblem('Say what is to be done.');
    if (!due.ok) return setProblem(due.problem);
    setProblem(null);
    setBusy(true);
    const result = await caseWorkActions.addTask({ caseId: c.id, title: title.trim(), dueAt: due.at, assigneeId, idempotencyKey: key });
    setBusy(false);
    if (result.ok) onDone();
    else setError(result.error);
  };

  return (
    <form className="task-form" onSubmit={(e) => void submit(e)} aria-label="New follow-up" noValidate>
      <div className="field task-field-title">
        <label className="field-label" htmlFor={`${id}-title`}>
          To do
        </label>
        <input id={`${id}-title`} className="input" value={title} maxLength={200} autoFocus placeholder="Ring the customer back" onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-date`}>
          Due (dd/mm/yyyy)
        </label>
        <input id={`${id}-date`} className="input" value={date} inputMode="numeric" onChange={(e) => setDate(e.target.value)} />
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-time`}>
          Time
        </label>
        <input id={`${id}-time`} className="input" value={time} inputMode="numeric" onChange={(e) => setTime(e.target.value)} />
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-who`}>
          For
        </label>
        <select id={`${id}-who`} className="input" value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
          <option value={me.id}>Me ({me.displayName})</option>
          {people
            .filter((p) => p.id !== me.id)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName}
              </option>
            ))}
        </select>
      </div>
      {problem ? (
        <p className="field-problem task-problem" role="alert">
          {problem}
        </p>
      ) : null}
      <SaveActions busy={busy} error={error} lead="Not added" label="Add follow-up" busyLabel="Adding…">
        <button type="button" className="button button-small button-quiet" onClick={onDone}>
          Cancel
        </button>
      </SaveActions>
    </form>
  );
}

/** Follow-ups on this case: what is to be done, by when and by whom. */
export function CaseTasks({ c }: { c: CaseView }) {
  const me = useSignedIn()?.user;
  const tasks = useCaseTasks(c.id);
  const [adding, setAdding] = useState(false);
  if (!me) return null;
  const ownSite = mayActOnCase({ role: me.role, siteId: me.siteId }, c.siteId, 'follow_up');
  return (
    <section className="case-tasks" aria-label="Follow-ups">
      <div className="list-title-row">
        <h3 className="list-title">Follow-ups</h3>
        {ownSite && !adding ? (
          <button type="button" className="button button-small button-secondary" onClick={() => setAdding(true)}>
            Add follow-up
          </button>
        ) : null}
      </div>
      {adding ? <AddTask c={c} onDone={() => setAdding(false)} /> : null}
      <Loaded value={tasks} loadingLabel="Loading follow-ups…" errorTitle="Follow-ups could not be loaded." onRetry={() => void queryClient.invalidateQueries({ queryKey: caseWorkKeys.tasks(c.id) })}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState>No follow-ups on this case</EmptyState>
          ) : (
            <ul className="tasks" aria-label="Follow-ups on this case">
              {list.map((t) => (
                <li key={t.id} className="task" data-done={t.doneAt !== null}>
                  <div className="task-text">
                    <p className="task-title">
                      {t.title} {t.overdue ? <Badge tone="danger">Overdue</Badge> : null}
                      {t.doneAt !== null ? <Badge tone="good">Done</Badge> : null}
                    </p>
                    <p className="request-meta">
                      Due <DateTime ms={t.dueAt} /> · {t.assigneeName ?? 'Someone'}
                      {t.doneAt !== null ? (
                        <>
                          {' '}
                          · done by {t.doneByName ?? 'someone'} <DateTime ms={t.doneAt} />
                        </>
                      ) : null}
                    </p>
                  </div>
                  {t.doneAt === null && mayMarkDone(me, t) ? <DoneButton task={t} /> : null}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}
