import { create } from 'zustand';
import type { BridgeError } from '../../shared/contract/envelope';
import type { SetupStatus } from '../../shared/contract/setup';
import { bridge } from './bridgeRef';

interface SetupStore {
  status: SetupStatus | null;
  choosing: boolean;
  chooseError: BridgeError | null;
  load(): Promise<void>;
  chooseHub(hubUrl: string): Promise<void>;
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
  async chooseHub(hubUrl) {
    if (get().choosing) return;
    set({ choosing: true, chooseError: null });
    const result = await bridge().call('setup.chooseHub', { hubUrl });
    if (result.ok) set({ status: result.value, choosing: false });
    else set({ choosing: false, chooseError: result.error });
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
  return { chooseHub, choosing, chooseError };
};

/** For "Copy diagnostics": asks the core each time, so the text is current. */
export async function collectDiagnostics(): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  const result = await bridge().call('diagnostics.collect', {});
  return result.ok ? { ok: true, text: result.value.text } : { ok: false, message: result.error.message };
}
