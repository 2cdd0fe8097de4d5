/** What a change sent through the bridge came to: its value, or the error to show beside the form. */
export type { Result as Outcome } from '../../shared/contract/envelope';
