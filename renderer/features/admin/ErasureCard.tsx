import { useId, useState, type FormEvent } from 'react';
import type { BridgeError } from '../../../shared/contract/envelope';
import type { CustomerView } from '../../../shared/schemas/customers';
import { searchCustomers } from '../../state';
import { Card } from '../../ui/Card';
import { EmptyState, InlineError } from '../../ui/States';
import { formatPhoneForReading } from '../../ui/phone';
import { ErasureConfirm } from './ErasureConfirm';

type Search = { status: 'idle' } | { status: 'searching' } | { status: 'found'; customers: CustomerView[] } | { status: 'error'; error: BridgeError };

function describe(c: CustomerView): string {
  return [c.phone ? formatPhoneForReading(c.phone) : null, c.membershipNumber, c.postcode].filter(Boolean).join(' · ');
}

/**
 * The right to erasure, carried out by an organisation admin: find the customer, check what will
 * go, type the reference of the case where the request was logged and the date it was made. The
 * money stays on the books; the person becomes a reference on the hub and on every desktop.
 */
export function ErasureCard() {
  const id = useId();
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<Search>({ status: 'idle' });
  const [chosen, setChosen] = useState<CustomerView | null>(null);
  const [done, setDone] = useState('');

  const find = async (event: FormEvent) => {
    event.preventDefault();
    if (query.trim().length < 2) return;
    setChosen(null);
    setDone('');
    setSearch({ status: 'searching' });
    const result = await searchCustomers(query.trim());
    setSearch(result.ok ? { status: 'found', customers: result.value.customers } : { status: 'error', error: result.error });
  };

  const finished = (reference: string) => {
    setDone(`Erased. The customer is now ${reference} on the hub, and every desktop removes its copies when it next hears from the hub.`);
    setChosen(null);
    setSearch({ status: 'idle' });
    setQuery('');
    document.getElementById(`${id}-query`)?.focus();
  };

  return (
    <Card title="Erase a customer’s personal data" className="admin-erasure">
      <p className="muted">
        Only when a customer has asked, the request is logged in one of their cases and the privacy team has checked what must be kept.
        Gesture amounts and budgets stay; names, contact details, notes, case subjects and gift messages do not.
      </p>
      <form className="erasure-find" role="search" aria-label="Find the customer" onSubmit={(e) => void find(e)}>
        <label className="field-label" htmlFor={`${id}-query`}>
          Customer
        </label>
        <input
          id={`${id}-query`}
          className="input"
          placeholder="Name, phone or membership number"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="submit" className="button button-secondary button-small" disabled={search.status === 'searching' || query.trim().length < 2}>
          {search.status === 'searching' ? 'Finding…' : 'Find'}
        </button>
      </form>
      <p role="status" className="erasure-done">
        {done}
      </p>
      {search.status === 'error' ? <InlineError error={search.error} lead="Could not search" /> : null}
      {search.status === 'found' && !chosen ? (
        search.customers.length === 0 ? (
          <EmptyState>No customer matches “{query.trim()}”</EmptyState>
        ) : (
          <ul className="erasure-results" aria-label="Customers found">
            {search.customers.map((c) => (
              <li key={c.id}>
                <button type="button" className="erasure-result" onClick={() => setChosen(c)}>
                  <strong>{c.name}</strong>
                  <span className="muted">{describe(c) || 'No contact details'}</span>
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
      {chosen ? <ErasureConfirm customer={chosen} onCancel={() => setChosen(null)} onErased={finished} /> : null}
    </Card>
  );
}
