import type { Result } from '../../shared/contract/envelope';
import { loading, type Loadable } from './loadable';

/**
 * Loads one panel's data into a Loadable: keeps what was shown while refreshing, keeps it beside the
 * error when a refresh fails (offline, the list stays readable), and drops answers that arrive after
 * a newer request (or after sign-out) so they never overwrite fresher data.
 */
export function fetchInto<T, V>(
  read: () => Loadable<T>,
  write: (value: Loadable<T>) => void,
  call: () => Promise<Result<V>>,
  pick: (value: V) => T,
): { load(): Promise<void>; cancel(): void } {
  let generation = 0;
  const load = async () => {
    const mine = ++generation;
    write(loading(read()));
    const result = await call();
    if (mine !== generation) return;
    if (result.ok) return write({ status: 'ready', data: pick(result.value) });
    const previous = read();
    write({
      status: 'error',
      error: result.error,
      ...('data' in previous && previous.data !== undefined ? { data: previous.data } : {}),
    });
  };
  return { load, cancel: () => void generation++ };
}
