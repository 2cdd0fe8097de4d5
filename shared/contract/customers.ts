/** Customers: finding them, their profile and the flags that follow them to every site. */

export interface CustomerPushes {
  /** A customer's details or flags changed at some site: what shows them (a gesture list, a card) asks again. */
  'customers.changed': { customerId: string };
}
