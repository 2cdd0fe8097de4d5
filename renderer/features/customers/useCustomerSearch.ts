import { useEffect, useState } from 'react';
import type { CustomerView } from '../../../shared/schemas/customers';
import { searchCustomers } from '../../state';

export type SearchState =
  { status: 'idle' } | { status: 'searching' } | { status: 'done'; found: CustomerView[] } | { status: 'error'; message: string };

/** Customers matching what is typed (two characters or more), asked once typing pauses; a newer search wins. */
export function useCustomerSearch(text: string): SearchState {
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  useEffect(() => {
    const q = text.trim();
    if (q.length < 2) return setState({ status: 'idle' });
    let live = true;
    setState({ status: 'searching' });
    const timer = setTimeout(() => {
      void searchCustomers(q).then((r) => {
        if (!live) return;
        setState(r.ok ? { status: 'done', found: r.value.customers } : { status: 'error', message: r.error.message });
      });
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);
  return state;
}
