import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { BridgeError } from '../../../shared/contract/envelope';
import { BEREAVEMENT_SERVICES, type BereavementService } from '../../../shared/schemas/customers';
import { changeCustomer } from '../../state';
import { FieldProblem } from '../../ui/Field';
import { SaveActions } from '../../ui/SaveActions';
import { ukToIso } from '../../ui/ukDate';
import { SERVICE_LABELS } from './labels';

/**
 * Tell us once: the bereavement with the notification service's reference and the date, recorded
 * on the customer for every site. Marketing and surveys stop with it.
 */
export function BereavementForm({
  customerId,
  customerName,
  onDone,
  onCancel,
}: {
  customerId: string;
  customerName: string;
  onDone(): void;
  onCancel(): void;
}) {
  const id = useId();
  const [service, setService] = useState<BereavementService | ''>('');
  const [reference, setReference] = useState('');
  const [date, setDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BridgeError | null>(null);
  const [dateProblem, setDateProblem] = useState<string | null>(null);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  const problem = (path: string) => error?.problems?.find((p) => p.path === path)?.message ?? null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Typed as people in the UK write it; the hub keeps yyyy-mm-dd.
    const iso = date.trim() ? ukToIso(date) : null;
    if (date.trim() && !iso) {
      setDateProblem('Write the date as dd/mm/yyyy, for example 28/11/2026.');
      document.getElementById(`${id}-date`)?.focus();
      return;
    }
    setDateProblem(null);
    setBusy(true);
    const done = await changeCustomer('customers.recordBereavement', {
      customerId,
      ...(service ? { service } : {}),
      ...(reference.trim() ? { reference: reference.trim() } : {}),
      ...(iso ? { date: iso } : {}),
    });
    setBusy(false);
    if (done.ok) onDone();
    else setError(done.error);
  };

  return (
    <form
      className="inline-form bereavement-form"
      aria-label="Record the bereavement"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <p className="inline-form-intro">
        Record that {customerName} has been bereaved. Every site will see it, and marketing and surveys stop.
      </p>
      <div className="bereavement-grid">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-service`}>
            Notification service <span className="field-optional">(optional)</span>
          </label>
          <select
            ref={first}
            id={`${id}-service`}
            className="input"
            value={service}
            onChange={(e) => setService(e.target.value as BereavementService | '')}
          >
            <option value="">None given</option>
            {BEREAVEMENT_SERVICES.map((s) => (
              <option key={s} value={s}>
                {SERVICE_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-reference`}>
            Reference <span className="field-optional">(optional)</span>
          </label>
          <input
            id={`${id}-reference`}
            className="input"
            maxLength={40}
            autoComplete="off"
            value={reference}
            onChange={(e) => setReference(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-date`}>
            Date of death <span className="field-optional">(optional, dd/mm/yyyy)</span>
          </label>
          <input
            id={`${id}-date`}
            className="input"
            inputMode="numeric"
            autoComplete="off"
            placeholder="dd/mm/yyyy"
            aria-invalid={dateProblem || problem('date') ? true : undefined}
            aria-describedby={dateProblem || problem('date') ? `${id}-date-problem` : undefined}
            value={date}
            onChange={(e) => setDate(e.target.value)}
          />
          <FieldProblem id={`${id}-date`} problem={dateProblem ?? problem('date')} />
        </div>
      </div>
      <SaveActions busy={busy} error={problem('date') ? null : error} lead="Not recorded" label="Record bereavement" className="inline-form-actions">
        <button type="button" className="button button-quiet button-small" onClick={onCancel}>
          Cancel
        </button>
      </SaveActions>
    </form>
  );
}
