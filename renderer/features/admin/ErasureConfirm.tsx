import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { BridgeError } from '../../../shared/contract/envelope';
import type { CustomerView } from '../../../shared/schemas/customers';
import type { ErasurePreview } from '../../../shared/schemas/erasure';
import { eraseCustomer, queryClient, useErasurePreview } from '../../state';
import { formatDate, formatPence } from '../../ui/format';
import { Loaded } from '../../ui/Loaded';
import { SaveActions } from '../../ui/SaveActions';
import { describedBy, Field } from '../../ui/Field';
import { isoToUk, todayIso, ukToIso } from '../../ui/ukDate';

const CASES_SHOWN = 6;

function WhatGoes({ preview }: { preview: ErasurePreview }) {
  const more = preview.cases.length - CASES_SHOWN;
  return (
    <div className="erasure-preview">
      <p>
        <strong>{preview.name}</strong>: {preview.cases.length} case{preview.cases.length === 1 ? '' : 's'}, {preview.notes} note
        {preview.notes === 1 ? '' : 's'} and {preview.gestures} gesture{preview.gestures === 1 ? '' : 's'} of goodwill. Their{' '}
        {formatPence(preview.gesturePence)} stays in the budgets and reports, without a name or an address.
      </p>
      {preview.cases.length ? (
        <ul className="erasure-cases">
          {preview.cases.slice(0, CASES_SHOWN).map((c) => (
            <li key={c.id}>
              <span className="mono">{c.reference}</span> {c.subject} <span className="muted">· opened {formatDate(c.openedAt)}</span>
            </li>
          ))}
          {more > 0 ? <li className="muted">and {more} more</li> : null}
        </ul>
      ) : null}
    </div>
  );
}

function ConfirmForm({ preview, onCancel, onErased }: { preview: ErasurePreview; onCancel: () => void; onErased: (reference: string) => void }) {
  const id = useId();
  const [asked, setAsked] = useState(isoToUk(todayIso()));
  const [caseRef, setCaseRef] = useState('');
  const [problems, setProblems] = useState<{ asked?: string; caseRef?: string }>({});
  const [error, setError] = useState<BridgeError | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const requestedOn = ukToIso(asked);
    const typed = caseRef.trim().toUpperCase();
    const found: typeof problems = {};
    if (!requestedOn) found.asked = 'Enter the date as dd/mm/yyyy.';
    else if (requestedOn > todayIso()) found.asked = 'The request date cannot be in the future.';
    if (!typed) found.caseRef = 'Type the case reference to confirm.';
    else if (!preview.cases.some((c) => c.reference.toUpperCase() === typed)) found.caseRef = 'That is not one of this customer’s cases.';
    setProblems(found);
    if (found.caseRef || found.asked) {
      document.getElementById(found.caseRef ? `${id}-case` : `${id}-asked`)?.focus();
      return;
    }
    setBusy(true);
    const result = await eraseCustomer({ customerId: preview.customerId, requestCaseReference: typed, requestedOn: requestedOn! });
    setBusy(false);
    if (result.ok) onErased(result.value.reference);
    else setError(result.error);
  };

  return (
    <form className="erasure-confirm" onSubmit={(e) => void submit(e)} noValidate aria-label="Confirm the erasure" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <WhatGoes preview={preview} />
      <div className="erasure-fields">
        <Field id={`${id}-case`} label="Case where the request was logged" hint="Type its reference, for example RP-100234, to confirm." problem={problems.caseRef}>
          <input
            ref={first}
            {...describedBy(`${id}-case`, true, problems.caseRef)}
            className="input input-short mono"
            autoComplete="off"
            value={caseRef}
            onChange={(e) => setCaseRef(e.target.value)}
          />
        </Field>
        <Field id={`${id}-asked`} label="Date the customer asked" hint="dd/mm/yyyy: the one-month deadline runs from here." problem={problems.asked}>
          <input
            {...describedBy(`${id}-asked`, true, problems.asked)}
            className="input input-short"
            value={asked}
            onChange={(e) => setAsked(e.target.value)}
          />
        </Field>
      </div>
      <SaveActions busy={busy} error={error} lead="Not erased" label="Erase personal data" busyLabel="Erasing…" danger>
        <button type="button" className="button button-quiet button-small" onClick={onCancel}>
          Cancel
        </button>
        <span className="muted">This cannot be undone.</span>
      </SaveActions>
    </form>
  );
}

/** The chosen customer: what will go, then the typed confirmation. */
export function ErasureConfirm({ customer, onCancel, onErased }: { customer: CustomerView; onCancel: () => void; onErased: (reference: string) => void }) {
  const preview = useErasurePreview(customer.id);
  return (
    <section className="erasure-chosen" aria-label={`Erasing ${customer.name}`}>
      <Loaded
        value={preview}
        loadingLabel="Checking what this customer has…"
        errorTitle="What this customer has could not be checked."
        onRetry={() => void queryClient.invalidateQueries({ queryKey: ['privacy', 'preview', customer.id] })}
      >
        {(p) =>
          p.erasedReference ? (
            <p className="erasure-already">
              Already erased: this customer is {p.erasedReference}.{' '}
              <button type="button" className="button button-quiet button-small" onClick={onCancel}>
                Back
              </button>
            </p>
          ) : (
            <ConfirmForm preview={p} onCancel={onCancel} onErased={onErased} />
          )
        }
      </Loaded>
    </section>
  );
}
