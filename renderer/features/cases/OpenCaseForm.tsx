import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { LineField } from '../../ui/LineOptions';
import { CHANNELS, type Channel, type Line } from '../../../shared/roles';
import type { CustomerView } from '../../../shared/schemas/customers';
import { searchCustomers, useGoodwillAction, useGoodwillActions } from '../../state';
import { sentenceCase } from '../../ui/format';
import { formatPhoneForReading } from '../../ui/phone';
import { InlineError } from '../../ui/States';

/** Finds customers by name, phone or membership number as the advisor types (two letters or more). */
function useCustomerSearch(text: string) {
  const [found, setFound] = useState<CustomerView[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    const q = text.trim();
    if (q.length < 2) return setFound([]);
    let live = true;
    const timer = setTimeout(() => {
      void searchCustomers(q).then((r) => {
        if (!live) return;
        setFound(r.ok ? r.value.customers : []);
        setProblem(r.ok ? null : r.error.message);
      });
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);
  return { found, problem };
}

/** A case opened by hand (a letter, an email, a call the phone system did not tell us about). */
export function OpenCaseForm({ onClose }: { onClose: () => void }) {
  const id = useId();
  const [search, setSearch] = useState('');
  const [customer, setCustomer] = useState<CustomerView | null>(null);
  const [line, setLine] = useState<Line>('food');
  const [channel, setChannel] = useState<Channel>('phone');
  const [subject, setSubject] = useState('');
  const { found, problem } = useCustomerSearch(customer ? '' : search);
  const { openNewCase } = useGoodwillActions();
  const { busy, error } = useGoodwillAction('openCase');
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!subject.trim()) return;
    if (await openNewCase({ customerId: customer?.id ?? null, line, channel, subject: subject.trim() })) onClose();
  };

  return (
    <form
      className="open-case"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
      aria-label="Open a case"
    >
      <div className="field">
        <label className="field-label" htmlFor={`${id}-customer`}>
          Customer
        </label>
        {customer ? (
          <p className="open-case-chosen">
            {customer.name} {customer.membershipNumber ? `· ${customer.membershipNumber}` : ''}{' '}
            <button type="button" className="button button-quiet button-small" onClick={() => setCustomer(null)}>
              Change
            </button>
          </p>
        ) : (
          <>
            <input
              ref={first}
              id={`${id}-customer`}
              className="input"
              placeholder="Name, phone or membership number"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
            {problem ? <p className="field-problem">{problem}</p> : null}
            {found.length ? (
              <ul className="customer-matches" aria-label="Matching customers">
                {found.slice(0, 6).map((c) => (
                  <li key={c.id}>
                    <button type="button" className="button button-quiet button-small" onClick={() => setCustomer(c)}>
                      {c.name} · {c.phone ? formatPhoneForReading(c.phone) : 'no phone'} {c.flags.bereaved ? '· bereaved' : ''}
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        )}
      </div>
      <div className="open-case-row">
        <LineField id={`${id}-line`} line={line} onChange={setLine} />
        <div className="field">
          <label className="field-label" htmlFor={`${id}-channel`}>
            Channel
          </label>
          <select id={`${id}-channel`} className="input" value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {sentenceCase(c)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-subject`}>
          Subject
        </label>
        <input id={`${id}-subject`} className="input" required value={subject} onChange={(e) => setSubject(e.target.value)} />
      </div>
      {error ? <InlineError error={error} lead="Case not opened" /> : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy || !subject.trim()}>
          {busy ? 'Opening…' : 'Open case'}
        </button>
        <button type="button" className="button button-secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
