import { create } from 'zustand';
import type { BridgeError } from '../../shared/contract/envelope';
import type { RequestArgs, SecondStep, SessionState, SignedIn } from '../../shared/contract/requests';
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
  /** The password was right; a code (or setting up the app) is wanted. */
  secondStep: SecondStep | null;
  /** Shown once after an enrolment during sign-in; the console waits until the person has kept them. */
  recoveryCodes: string[] | null;
  heldState: SessionState | null;
  /** Signed in already when the app started (a reload, a new window), rather than signing in here. */
  resumed: boolean;
  holdPushes: boolean;
  sendSecondStep(typed: RequestArgs<'session.secondStep'>): Promise<void>;
  cancelSecondStep(): Promise<void>;
  keptRecoveryCodes(): void;
  loadStatus(options?: { quiet?: boolean }): Promise<void>;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  applySessionState(state: SessionState): void;
}

/**
 * The same session told again (the core's push on connecting, then the answer to asking) keeps its
 * object, so the whole workspace is not drawn again for nothing while it starts.
 */
function fromState(state: SessionState): Pick<SessionStore, 'phase' | 'session' | 'secondStep' | 'resumed'> {
  if (!state.signedIn) return { phase: 'signed-out', session: null, secondStep: state.secondStep ?? null, resumed: false };
  const { session: current, phase, resumed } = useSessionStore.getState();
  const same = current && JSON.stringify(current) === JSON.stringify(state);
  return { phase: 'signed-in', session: same ? current : state, secondStep: null, resumed: phase === 'loading' || resumed };
}

export const useSessionStore = create<SessionStore>()((set, get) => ({
  phase: 'loading',
  session: null,
  statusError: null,
  signingIn: false,
  signInError: null,
  signingOut: false,
  secondStep: null,
  recoveryCodes: null,
  heldState: null,
  holdPushes: false,
  resumed: false,

  async sendSecondStep(typed) {
    if (get().signingIn) return;
    // The core's "signed in" push arrives before this reply: held until the reply says whether recovery codes come first.
    set({ signingIn: true, signInError: null, holdPushes: true });
    const result = await bridge().call('session.secondStep', typed);
    if (!result.ok) return set({ signingIn: false, signInError: result.error, holdPushes: false, ...(get().heldState ? fromState(get().heldState!) : {}), heldState: null });
    const { state, recoveryCodes } = result.value;
    if (recoveryCodes) set({ signingIn: false, holdPushes: false, recoveryCodes, heldState: state });
    else set({ ...fromState(state), signingIn: false, holdPushes: false, heldState: null });
  },

  async cancelSecondStep() {
    const result = await bridge().call('session.cancelSecondStep', {});
    set({ signInError: null, ...(result.ok ? fromState(result.value) : { secondStep: null }) });
  },

  keptRecoveryCodes() {
    const held = get().heldState;
    set({ recoveryCodes: null, heldState: null, ...(held ? fromState(held) : {}) });
  },

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
    // Recovery codes on screen: the console waits until the person says they have kept them.
    if (get().recoveryCodes || get().holdPushes) return set({ heldState: state, statusError: null });
    set({ ...fromState(state), statusError: null });
  },
}));

export const useSessionPhase = () => useSessionStore((s) => s.phase);
export const useResumedSession = () => useSessionStore((s) => s.resumed);
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
export const useSecondStep = () => {
  const secondStep = useSessionStore((s) => s.secondStep);
  const recoveryCodes = useSessionStore((s) => s.recoveryCodes);
  const sendSecondStep = useSessionStore((s) => s.sendSecondStep);
  const cancelSecondStep = useSessionStore((s) => s.cancelSecondStep);
  const keptRecoveryCodes = useSessionStore((s) => s.keptRecoveryCodes);
  return { secondStep, recoveryCodes, sendSecondStep, cancelSecondStep, keptRecoveryCodes };
};
export const useSessionStatusError = () => useSessionStore((s) => s.statusError);
export const useSigningOut = () => useSessionStore((s) => s.signingOut);
