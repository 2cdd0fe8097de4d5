import { useEffect, useId, useState, type FormEvent } from 'react';
import { CASE_STATUS_LABELS, statusChoices } from '../../../shared/cases/status-rules';
import type { BridgeError } from '../../../shared/contract/envelope';
import { mayActOnCase, type CaseStatus } from '../../../shared/roles';
import type { CaseView } from '../../../shared/schemas/customers';
import { caseWorkActions, dataOf, useSignedIn, useWrapupCodes } from '../../state';
import { SaveActions } from '../../ui/SaveActions';
import '../../ui/controls.css';

/**
 * Subject, status, wrap-up code and outcome of any case, by the rules the hub enforces
 * (shared/cases/status-rules.ts): what would be refused is shown as such, not offered.
 */
export function CaseStatusForm({ c }: { c: CaseView }) {
  const me = useSignedIn()?.user;
  const id = useId();
  const codes = useWrapupCodes(true);
  const [subject, setSubject] = useState(c.subject);
  const [status, setStatus] = useState<CaseStatus>(c.status);
  const [wrapupCode, setWrapupCode] = useState(c.wrapupCode ?? '');
  const [outcome, setOutcome] = useState(c.outcome ?? '');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BridgeError | null>(null);
  const [done, setDone] = useState('');
  // What the hub now holds wins over the form's old copy (another tab, another person).
  useEffect(() => {
    setSubject(c.subject);
    setStatus(c.status);
    setWrapupCode(c.wrapupCode ?? '');
    setOutcome(c.outcome ?? '');
    setReason('');
  }, [c.subject, c.status, c.wrapupCode, c.outcome, c.updatedAt]);

  if (!me) return null;
  if (!mayActOnCase({ role: me.role, siteId: me.siteId }, c.siteId, 'update')) {
    return (
      <p className="muted case-status-elsewhere">
        This case belongs to {c.siteName}: its status, wrap-up and subject are changed there. You can add a note.
      </p>
    );
  }
  const choices = statusChoices({ userId: me.id, role: me.role, siteId: me.siteId }, c);
  const chosen = choices.find((x) => x.status === status)!;
  const lineCodes = (dataOf(codes) ?? []).filter((x) => x.line === c.line && (!x.retired || x.id === c.wrapupCode));
  const changed =
    subject.trim() !== c.subject || status !== c.status || (wrapupCode || null) !== c.wrapupCode || (outcome.trim() || null) !== c.outcome;
  const closed = c.status === 'closed';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    setError(null);
    setBusy(true);
    const result = await caseWorkActions.updateCase({
      caseId: c.id,
      ...(subject.trim() !== c.subject ? { subject: subject.trim() } : {}),
      ...(status !== c.status ? { status } : {}),
      ...((wrapupCode || null) !== c.wrapupCode ? { wrapupCode: wrapupCode || null } : {}),
      ...((outcome.trim() || null) !== c.outcome ? { outcome: outcome.trim() || null } : {}),
      ...(chosen.needsReason && status !== c.status ? { reason: reason.trim() } : {}),
    });
    setBusy(false);
    if (result.ok) setDone(`Saved: ${CASE_STATUS_LABELS[result.value.case.status].toLowerCase()}.`);
    else setError(result.error);
  };

  return (
    <form className="case-status-form" onSubmit={(e) => void submit(e)} aria-label="Case status">
      <div className="field case-field-subject">
        <label className="field-label" htmlFor={`${id}-subject`}>
          Subject
        </label>
        <input id={`${id}-subject`} className="input" value={subject} maxLength={200} disabled={closed} onChange={(e) => setSubject(e.target.value)} />
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-status`}>
          Status
        </label>
        <select id={`${id}-status`} className="input" value={status} onChange={(e) => setStatus(e.target.value as CaseStatus)}>
          {choices.map((x) => (
            <option key={x.status} value={x.status} disabled={!x.allowed && x.status !== c.status}>
              {CASE_STATUS_LABELS[x.status]}
              {!x.allowed && x.status !== c.status ? ' (not yours to choose)' : ''}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-wrapup`}>
          Wrap-up code
        </label>
        <select id={`${id}-wrapup`} className="input" value={wrapupCode} disabled={closed} onChange={(e) => setWrapupCode(e.target.value)}>
          <option value="">{dataOf(codes) ? 'None yet' : 'Loading…'}</option>
          {lineCodes.map((x) => (
            <option key={x.id} value={x.id}>
              {x.label}
              {x.retired ? ' (no longer on the list)' : ''}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-outcome`}>
          Outcome
        </label>
        <input
          id={`${id}-outcome`}
          className="input"
          value={outcome}
          maxLength={500}
          disabled={closed}
          placeholder="What came of it"
          onChange={(e) => setOutcome(e.target.value)}
        />
      </div>
      {chosen.needsReason && status !== c.status ? (
        <div className="field case-field-reason">
          <label className="field-label" htmlFor={`${id}-reason`}>
            Why it is reopened
          </label>
          <input id={`${id}-reason`} className="input" value={reason} maxLength={1000} required onChange={(e) => setReason(e.target.value)} />
        </div>
      ) : null}
      <p className="field-hint case-status-rules" id={`${id}-rules`}>
        {closed
          ? choices.some((x) => x.allowed && x.status !== 'closed')
            ? 'Closed. Reopen it with a reason to change it.'
            : 'Closed. A supervisor of its site reopens it, with a reason.'
          : choices.find((x) => x.status === 'closed')?.allowed
            ? 'Resolving or closing needs a wrap-up code.'
            : 'Resolving needs a wrap-up code; a supervisor of its site closes it.'}
      </p>
      <SaveActions busy={busy} error={error} label="Save case" done={done} disabled={!changed} describedBy={`${id}-rules`} />
    </form>
  );
}
