import type { BridgeError, Result } from '../../shared/contract/envelope';

export interface ActionFlags<K extends string> {
  busy: Partial<Record<K, boolean>>;
  errors: Partial<Record<K, BridgeError>>;
}

/**
 * Runs one bridge call under its own busy flag (a second press while it runs does nothing); its error
 * stays next to the control until the next try or a dismissal.
 */
export function actionRunner<K extends string>(get: () => ActionFlags<K>, set: (patch: Partial<ActionFlags<K>>) => void) {
  return async function run<T>(action: K, call: () => Promise<Result<T>>, onValue?: (value: T) => void): Promise<boolean> {
    if (get().busy[action]) return false;
    const errors = { ...get().errors };
    delete errors[action];
    set({ busy: { ...get().busy, [action]: true }, errors });
    const result = await call();
    set({ busy: { ...get().busy, [action]: false } });
    if (!result.ok) {
      set({ errors: { ...get().errors, [action]: result.error } });
      return false;
    }
    onValue?.(result.value);
    return true;
  };
}

/** Forgets one action's error (the advisor dismissed it or is trying something else). */
export function withoutError<K extends string>(
  errors: Partial<Record<K, BridgeError>>,
  action: K,
): Partial<Record<K, BridgeError>> {
  const kept = { ...errors };
  delete kept[action];
  return kept;
}
