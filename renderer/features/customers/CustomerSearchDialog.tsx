import { useState } from 'react';
import type { BridgeError } from '../../../shared/contract/envelope';
import { changeCustomer, useCustomerActions, useCustomerSearchState } from '../../state';
import { InlineError } from '../../ui/States';
import { ModalDialog } from '../settings/ModalDialog';
import { CustomerFinder } from './CustomerFinder';
import './customers.css';

/** Alt C from anywhere: find a customer and open their profile, or (from a case) link them to it. */
export function CustomerSearchDialog() {
  const { searchOpen, linkCaseId, callerNumber } = useCustomerSearchState();
  const { closeSearch, openProfile } = useCustomerActions();
  const [error, setError] = useState<BridgeError | null>(null);
  const close = () => {
    setError(null);
    closeSearch();
  };
  return (
    <ModalDialog
      title={linkCaseId ? 'Link a customer to the case' : 'Find a customer'}
      open={searchOpen}
      onClose={close}
      className="customer-dialog"
    >
      {searchOpen ? (
        <>
          <CustomerFinder
            key={linkCaseId ?? 'find'}
            autoFocus
            chooseLabel={linkCaseId ? 'Link to this case' : 'Open profile'}
            callerNumber={callerNumber}
            onProfile={linkCaseId ? (c) => openProfile(c.id) : undefined}
            onChoose={async (customer) => {
              if (!linkCaseId) return openProfile(customer.id);
              const linked = await changeCustomer('cases.linkCustomer', { caseId: linkCaseId, customerId: customer.id });
              if (linked.ok) close();
              else setError(linked.error);
            }}
          />
          {error ? <InlineError error={error} lead="Not linked" /> : null}
        </>
      ) : null}
    </ModalDialog>
  );
}
