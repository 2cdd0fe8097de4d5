import type { CustomerView } from '../../../shared/schemas/customers';
import { Badge } from '../../ui/Badge';

/** The flags that follow a person, as short badges. */
export function FlagBadges({ customer }: { customer: CustomerView }) {
  const { flags } = customer;
  return (
    <span className="customer-badges">
      {flags.bereaved ? <Badge tone="calm">Bereaved</Badge> : null}
      {flags.vulnerable ? <Badge tone="warning">Vulnerable</Badge> : null}
      {flags.marketingSuppressed ? <Badge>No marketing</Badge> : null}
      {flags.surveysSuppressed ? <Badge>No surveys</Badge> : null}
    </span>
  );
}
