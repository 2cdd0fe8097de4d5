import { useState } from 'react';
import type { BridgeError } from '../../shared/contract/envelope';

type Outcome = { ok: true } | { ok: false; error: BridgeError };

/** A form's one change at a time: busy while the hub answers, and its error (cleared on the next try) for SaveActions. */
export function useSaving() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BridgeError | null>(null);
  async function save<T extends Outcome>(run: () => Promise<T>, showError: (error: BridgeError) => boolean = () => true): Promise<T> {
    setBusy(true);
    setError(null);
    const result = await run();
    setBusy(false);
    if (!result.ok && showError(result.error)) setError(result.error);
    return result;
  }
  return { busy, error, save };
}
