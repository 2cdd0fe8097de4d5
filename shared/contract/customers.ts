import { z } from 'zod';
import {
  bereavementRequest,
  contactDetails,
  suppressionsRequest,
  vulnerabilityRequest,
  type BereavementPrompt,
  type CaseView,
  type CustomerProfile,
  type CustomerView,
} from '../schemas/customers';

/** Customers: finding them, their profile and the flags that follow them to every site. */

const id = z.string().min(1).max(120);

export const customerRequestArgs = {
  'customers.profile': z.object({ customerId: id }),
  'customers.create': contactDetails,
  'customers.update': contactDetails.partial().extend({ customerId: id }),
  'customers.setVulnerability': vulnerabilityRequest.extend({ customerId: id }),
  'customers.setSuppressions': suppressionsRequest.extend({ customerId: id }),
  'customers.recordBereavement': bereavementRequest.extend({ customerId: id }),
  /** The advisor saw the bereavement prompt and chose not to record one: it is not asked again. */
  'customers.dismissBereavementPrompt': z.object({ customerId: id }),
  'cases.bereavementPrompt': z.object({ caseId: id }),
  'cases.linkCustomer': z.object({ caseId: id, customerId: id }),
} as const;

export interface CustomerRequestResults {
  'customers.profile': CustomerProfile;
  'customers.create': { customer: CustomerView };
  'customers.update': { customer: CustomerView };
  'customers.setVulnerability': { customer: CustomerView };
  'customers.setSuppressions': { customer: CustomerView };
  'customers.recordBereavement': { customer: CustomerView };
  'customers.dismissBereavementPrompt': { customer: CustomerView };
  'cases.bereavementPrompt': { prompt: BereavementPrompt | null };
  'cases.linkCustomer': { case: CaseView };
}

export interface CustomerPushes {
  /** A customer's details or flags changed at some site: what shows them (a gesture list, a card) asks again. */
  'customers.changed': { customerId: string };
}
