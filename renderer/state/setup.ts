import { create } from 'zustand';
import type { BridgeError } from '../../shared/contract/envelope';
import type { SetupStatus } from '../../shared/contract/setup';
import { bridge } from './bridgeRef';

interface SetupStore {
  status: SetupStatus | null;
  choosing: boolean;
  chooseError: BridgeError | null;
  load(): Promise<void>;
  /** True once the core has kept the address; Settings passes `signOut` (the session is the old hub's). */
  chooseHub(hubUrl: string, opts?: { signOut?: boolean }): Promise<boolean>;
  clearChooseError(): void;
  apply(status: SetupStatus): void;
}

/** This desktop's deployment: its hub address and where it came from, how sign-in is kept, update needed. */
export const useSetupStore = create<SetupStore>()((set, get) => ({
  status: null,
  choosing: false,
  chooseError: null,
  async load() {
    const result = await bridge().call('setup.status', {});
    if (result.ok) set({ status: result.value });
  },
  async chooseHub(hubUrl, opts = {}) {
    if (get().choosing) return false;
    set({ choosing: true, chooseError: null });
    const result = await bridge().call('setup.chooseHub', { hubUrl, ...opts });
    if (result.ok) set({ status: result.value, choosing: false });
    else set({ choosing: false, chooseError: result.error });
    return result.ok;
  },
  clearChooseError() {
    set({ chooseError: null });
  },
  apply(status) {
    set({ status });
  },
}));

export const useSetupStatus = () => useSetupStore((s) => s.status);
export const useHubChoice = () => {
  const chooseHub = useSetupStore((s) => s.chooseHub);
  const choosing = useSetupStore((s) => s.choosing);
  const chooseError = useSetupStore((s) => s.chooseError);
  const clearChooseError = useSetupStore((s) => s.clearChooseError);
  return { chooseHub, choosing, chooseError, clearChooseError };
};

/** For "Copy diagnostics": asks the core each time, so the text is current. */
export async function collectDiagnostics(): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  const result = await bridge().call('diagnostics.collect', {});
  return result.ok ? { ok: true, text: result.value.text } : { ok: false, message: result.error.message };
}
