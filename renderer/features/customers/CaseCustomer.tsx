import type { CaseView } from '../../../shared/schemas/customers';
import { useCustomerActions } from '../../state';
import { useCaseCall } from './useCaseCall';
import './customers.css';

/** Who the case is for, with their profile one click away, and linking or changing them. */
export function CaseCustomer({ c }: { c: CaseView }) {
  const { openProfile, openSearch } = useCustomerActions();
  const { callerNumber } = useCaseCall(c.id);
  return (
    <span className="case-customer">
      {c.customerId ? (
        <button
          type="button"
          className="link-button"
          onClick={() => openProfile(c.customerId!)}
          title="Open the customer’s profile"
        >
          {c.customerName ?? 'Customer'}
        </button>
      ) : (
        'No customer'
      )}
      <span className="case-customer-actions">
        <button
          type="button"
          className="button button-quiet button-small"
          onClick={() => openSearch({ caseId: c.id, callerNumber })}
        >
          {c.customerId ? 'Change customer' : 'Link a customer'}
        </button>
      </span>
    </span>
  );
}
