import { create } from 'zustand';
import type { BridgeError } from '../../shared/contract/envelope';
import type { SessionState, SignedIn } from '../../shared/contract/requests';
import { bridge } from './bridgeRef';

type Phase = 'loading' | 'signed-out' | 'signed-in' | 'error';

interface SessionStore {
  phase: Phase;
  session: SignedIn | null;
  /** Why asking the core who is signed in failed, when it did. */
  statusError: BridgeError | null;
  signingIn: boolean;
  signInError: BridgeError | null;
  signingOut: boolean;
  loadStatus(options?: { quiet?: boolean }): Promise<void>;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  applySessionState(state: SessionState): void;
}

function fromState(state: SessionState): Pick<SessionStore, 'phase' | 'session'> {
  return state.signedIn ? { phase: 'signed-in', session: state } : { phase: 'signed-out', session: null };
}

export const useSessionStore = create<SessionStore>()((set, get) => ({
  phase: 'loading',
  session: null,
  statusError: null,
  signingIn: false,
  signInError: null,
  signingOut: false,

  async loadStatus({ quiet = false } = {}) {
    // A quiet check (after the link comes back) keeps the current screen instead of flashing "Loading".
    if (!quiet) set({ phase: 'loading', statusError: null });
    const result = await bridge().call('session.status', {});
    if (result.ok) set({ ...fromState(result.value), statusError: null });
    else if (!quiet || get().phase === 'error') set({ phase: 'error', statusError: result.error });
  },

  async signIn(username, password) {
    if (get().signingIn) return;
    set({ signingIn: true, signInError: null });
    const result = await bridge().call('session.signIn', { username, password });
    if (result.ok) set({ ...fromState(result.value), signingIn: false });
    else set({ signingIn: false, signInError: result.error });
  },

  async signOut() {
    set({ signingOut: true });
    const result = await bridge().call('session.signOut', {});
    // Leaving the screen even if the core could not be reached would hide a session still alive.
    if (result.ok) set({ ...fromState(result.value), signingOut: false, signInError: null });
    else set({ signingOut: false });
  },

  applySessionState(state) {
    set({ ...fromState(state), statusError: null });
  },
}));

export const useSessionPhase = () => useSessionStore((s) => s.phase);
export const useSignedIn = () => useSessionStore((s) => s.session);
export const useSessionActions = () => {
  const loadStatus = useSessionStore((s) => s.loadStatus);
  const signIn = useSessionStore((s) => s.signIn);
  const signOut = useSessionStore((s) => s.signOut);
  return { loadStatus, signIn, signOut };
};
export const useSignInState = () => {
  const signingIn = useSessionStore((s) => s.signingIn);
  const signInError = useSessionStore((s) => s.signInError);
  return { signingIn, signInError };
};
export const useSessionStatusError = () => useSessionStore((s) => s.statusError);
export const useSigningOut = () => useSessionStore((s) => s.signingOut);
