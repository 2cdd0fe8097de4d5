import { useState } from 'react';
import type { BridgeError } from '../../../shared/contract/envelope';
import { changeCustomer, useCustomerActions } from '../../state';
import { InlineError } from '../../ui/States';
import { CustomerFinder } from './CustomerFinder';
import { useCaseCall } from './useCaseCall';
import './customers.css';

/**
 * A gesture goes to a person: on a case with no customer the advisor finds them (or adds them
 * from the caller's number) first, before choosing or filling in anything.
 */
export function CustomerStep({ caseId }: { caseId: string }) {
  const { callerNumber } = useCaseCall(caseId);
  const { openProfile } = useCustomerActions();
  const [error, setError] = useState<BridgeError | null>(null);
  return (
    <div className="customer-step" role="group" aria-label="Who is the customer?">
      <p className="customer-step-intro">
        <strong>First, who is the customer?</strong> A gesture goes to a person: link this case to them, or add them as a new
        customer.
      </p>
      <CustomerFinder
        chooseLabel="Link to this case"
        callerNumber={callerNumber}
        onProfile={(c) => openProfile(c.id)}
        onChoose={async (customer) => {
          const linked = await changeCustomer('cases.linkCustomer', { caseId, customerId: customer.id });
          setError(linked.ok ? null : linked.error);
        }}
      />
      {error ? <InlineError error={error} lead="Not linked" /> : null}
    </div>
  );
}
