import { useId, useState, type FormEvent } from 'react';
import type { BridgeError } from '../../../shared/contract/envelope';
import type { CustomerView } from '../../../shared/schemas/customers';
import { InlineError } from '../../ui/States';

export interface ContactValues {
  name: string;
  phone: string;
  phoneAlt: string;
  email: string;
  postcode: string;
  address: string;
  membershipNumber: string;
}

const FIELDS: { key: keyof ContactValues; label: string; long?: boolean; hint?: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'phone', label: 'Phone' },
  { key: 'phoneAlt', label: 'Other phone' },
  { key: 'email', label: 'Email' },
  { key: 'postcode', label: 'Postcode' },
  { key: 'address', label: 'Address', long: true, hint: 'Used to fill in where a gesture is sent.' },
  { key: 'membershipNumber', label: 'Membership number' },
];

export const contactValues = (c: Partial<CustomerView> | null, phone?: string | null): ContactValues => ({
  name: c?.name ?? '',
  phone: c?.phone ?? phone ?? '',
  phoneAlt: c?.phoneAlt ?? '',
  email: c?.email ?? '',
  postcode: c?.postcode ?? '',
  address: c?.address ?? '',
  membershipNumber: c?.membershipNumber ?? '',
});

/** Contact details to type or correct; the hub reads phone numbers and says which field it cannot. */
export function ContactForm({
  initial,
  label,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: ContactValues;
  label: string;
  submitLabel: string;
  /** Resolves to an error to show, or null when saved. */
  onSubmit(values: ContactValues): Promise<BridgeError | null>;
  onCancel(): void;
}) {
  const id = useId();
  const [values, setValues] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BridgeError | null>(null);
  const problem = (key: string) => error?.problems?.find((p) => p.path === key)?.message ?? null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const failed = await onSubmit(values);
    setBusy(false);
    setError(failed);
  };

  return (
    <form className="contact-form" aria-label={label} onSubmit={(e) => void submit(e)} noValidate>
      <div className="contact-grid">
        {FIELDS.map((f) => (
          <div key={f.key} className={f.long ? 'field contact-wide' : 'field'}>
            <label className="field-label" htmlFor={`${id}-${f.key}`}>
              {f.label}
              {f.key === 'name' ? null : <span className="field-optional"> (optional)</span>}
            </label>
            {f.long ? (
              <textarea
                id={`${id}-${f.key}`}
                className="input"
                rows={2}
                value={values[f.key]}
                onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
              />
            ) : (
              <input
                id={`${id}-${f.key}`}
                className="input"
                autoComplete="off"
                value={values[f.key]}
                onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
              />
            )}
            {f.hint ? <p className="field-hint">{f.hint}</p> : null}
            {problem(f.key) ? <p className="field-problem">{problem(f.key)}</p> : null}
          </div>
        ))}
      </div>
      {error ? <InlineError error={error} lead="Not saved" /> : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy || values.name.trim().length < 2}>
          {busy ? 'Saving…' : submitLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
