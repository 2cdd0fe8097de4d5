import type { BridgeError } from '../../shared/contract/envelope';

/** One shape for anything fetched from the core, so every panel shows loading, error and data alike. */
export type Loadable<T> =
  | { status: 'idle' }
  | { status: 'loading'; data?: T }
  | { status: 'ready'; data: T }
  | { status: 'error'; error: BridgeError; data?: T };

export const idle = { status: 'idle' } as const;

/** Keep showing what we had while a refresh runs, rather than flashing an empty panel. */
export function loading<T>(previous: Loadable<T>): Loadable<T> {
  return 'data' in previous && previous.data !== undefined ? { status: 'loading', data: previous.data } : { status: 'loading' };
}

/** What a loadable holds, if anything yet (lists that may show before they arrive). */
export const dataOf = <T>(value: Loadable<T>): T | undefined => ('data' in value ? value.data : undefined);
