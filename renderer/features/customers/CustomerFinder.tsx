import { useEffect, useId, useRef, useState } from 'react';
import type { CustomerView } from '../../../shared/schemas/customers';
import { changeCustomer } from '../../state';
import { formatPhoneForReading } from '../../ui/phone';
import { EmptyState } from '../../ui/States';
import { ContactForm, contactValues, type ContactValues } from './ContactForm';
import { FlagBadges } from './FlagBadges';
import { useCustomerSearch } from './useCustomerSearch';

/** Only what was typed goes to the hub: empty boxes are "not given". */
export const typedDetails = (v: ContactValues) =>
  Object.fromEntries(
    Object.entries(v)
      .map(([k, value]) => [k, value.trim()])
      .filter(([, value]) => value !== ''),
  ) as { name: string } & Partial<ContactValues>;

/**
 * Find a customer by name, phone, postcode, membership number or case reference, or add a new one
 * (with the caller's number already in). `onChoose` says what choosing does: open, or link a case.
 */
export function CustomerFinder({
  chooseLabel,
  callerNumber,
  onChoose,
  onProfile,
  autoFocus = false,
}: {
  chooseLabel: string;
  callerNumber: string | null;
  onChoose(customer: CustomerView): Promise<void> | void;
  onProfile?(customer: CustomerView): void;
  /** In a dialog the caret starts here; inline in a case tab it never leaves the note box. */
  autoFocus?: boolean;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [adding, setAdding] = useState(false);
  const search = useCustomerSearch(text);
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // After the dialog has opened: showModal puts the caret on its first control otherwise.
    if (autoFocus) requestAnimationFrame(() => box.current?.focus());
  }, [autoFocus]);

  if (adding) {
    return (
      <ContactForm
        label="New customer"
        submitLabel={`Add customer and ${chooseLabel.toLowerCase()}`}
        initial={contactValues(null, callerNumber ? formatPhoneForReading(callerNumber) : null)}
        onCancel={() => setAdding(false)}
        onSubmit={async (values) => {
          const made = await changeCustomer('customers.create', typedDetails(values));
          if (!made.ok) return made.error;
          await onChoose(made.value.customer);
          return null;
        }}
      />
    );
  }

  return (
    <div className="customer-finder">
      <label className="field-label" htmlFor={`${id}-q`}>
        Find a customer
      </label>
      <input
        ref={box}
        id={`${id}-q`}
        type="search"
        className="input"
        placeholder="Name, phone, postcode, membership number or case reference"
        autoComplete="off"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div aria-live="polite" className="customer-finder-results">
        {search.status === 'searching' ? <p className="muted">Searching…</p> : null}
        {search.status === 'error' ? <p className="field-problem">Search failed: {search.message}</p> : null}
        {search.status === 'done' && search.found.length === 0 ? <EmptyState>Nobody matches “{text.trim()}”.</EmptyState> : null}
        {search.status === 'done' && search.found.length ? (
          <ul className="customer-results" aria-label="Matching customers">
            {search.found.map((c) => (
              <li key={c.id} className="customer-result">
                <div className="customer-result-who">
                  <span className="customer-result-name">{c.name}</span> <FlagBadges customer={c} />
                  <span className="customer-result-meta">
                    {[c.membershipNumber, c.postcode, c.phone ? formatPhoneForReading(c.phone) : null]
                      .filter(Boolean)
                      .join(' · ') || 'No details yet'}
                  </span>
                </div>
                <div className="customer-result-actions">
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => void onChoose(c)}
                    aria-label={`${chooseLabel}: ${c.name}`}
                  >
                    {chooseLabel}
                  </button>
                  {onProfile ? (
                    <button
                      type="button"
                      className="button button-quiet button-small"
                      onClick={() => onProfile(c)}
                      aria-label={`Profile of ${c.name}`}
                    >
                      Profile
                    </button>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <button type="button" className="button button-secondary button-small customer-add" onClick={() => setAdding(true)}>
        {callerNumber ? `New customer with ${formatPhoneForReading(callerNumber)}` : 'New customer'}
      </button>
    </div>
  );
}
