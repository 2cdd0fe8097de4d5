import { create } from 'zustand';
import type { AgentState, AgentStateView, CallDeskView, CallSource, CallView } from '../../shared/contract/calls';
import type { BridgeError } from '../../shared/contract/envelope';
import type { CallContext } from '../features/knowledge/protocol';
import { actionRunner, withoutError } from './actionRunner';
import { bridge } from './bridgeRef';
import { idle, loading, type Loadable } from './loadable';

/** The things an advisor can ask of a call or of their own status; each has its own busy flag and error. */
export type CallAction = 'hangUp' | 'transfer' | 'wrapUp' | 'setState' | 'setSource' | 'markCalledBack';

interface CallsStore {
  /** History, agent state, source and webhook address, from `calls.desk`. */
  desk: Loadable<CallDeskView>;
  /** The call on screen: offered, live or in wrap-up. Missed and abandoned calls go to history. */
  current: CallView | null;
  agent: AgentStateView | null;
  /** Wrap-up code labels seen this session, so history can show "Funeral arrangements", not "fc-arrangements". */
  codeLabels: Record<string, string>;
  busy: Partial<Record<CallAction, boolean>>;
  errors: Partial<Record<CallAction, BridgeError>>;
  loadDesk(): Promise<void>;
  applyCall(view: CallView | null): void;
  applyDesk(view: CallDeskView): void;
  applyAgent(view: AgentStateView): void;
  setSource(source: CallSource): Promise<boolean>;
  hangUp(callId: string): Promise<boolean>;
  transfer(callId: string, target: string): Promise<boolean>;
  wrapUp(callId: string, wrapupCode: string, note?: string): Promise<boolean>;
  setAgentState(next: { state: AgentState; reason?: string; minutes?: number }): Promise<boolean>;
  markCalledBack(callId: string): Promise<boolean>;
  clearError(action: CallAction): void;
  clear(): void;
}

/** A missed or abandoned call is over before it began: it belongs in "Call back", not on the call card. */
const onScreen = (view: CallView | null): CallView | null =>
  view && (view.call.phase === 'missed' || view.call.phase === 'abandoned') ? null : view;

/**
 * Wrap-up codes are the organisation's reference data (not personal), so their labels are kept on
 * this computer: history after a restart still reads "Funeral arrangements", not "fc-arrangements".
 */
const LABELS_KEY = 'rapport.wrapupLabels';

function savedLabels(): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(LABELS_KEY) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}

const withCodes = (labels: Record<string, string>, view: CallView | null): Record<string, string> => {
  const codes = view?.wrapUp?.codes ?? [];
  if (codes.every((c) => labels[c.id] === c.label)) return labels;
  const next = { ...labels, ...Object.fromEntries(codes.map((c) => [c.id, c.label])) };
  try {
    localStorage.setItem(LABELS_KEY, JSON.stringify(next));
  } catch {
    // Storage can be disabled; the labels still work for this page.
  }
  return next;
};

const CALL_ACTIONS: CallAction[] = ['hangUp', 'transfer', 'wrapUp'];

/** A failed hang-up on the last call must not greet the next one: call errors end with their call. */
function errorsFor(before: CallView | null, after: CallView | null, errors: CallsStore['errors']): CallsStore['errors'] {
  if (before?.call.callId === after?.call.callId) return errors;
  const kept = { ...errors };
  for (const action of CALL_ACTIONS) delete kept[action];
  return kept;
}

let deskGeneration = 0;

export const useCallsStore = create<CallsStore>()((set, get) => {
  const run = actionRunner<CallAction>(get, set);

  return {
    desk: idle,
    current: null,
    agent: null,
    codeLabels: savedLabels(),
    busy: {},
    errors: {},

    async loadDesk() {
      const generation = ++deskGeneration;
      set({ desk: loading(get().desk) });
      const result = await bridge().call('calls.desk', {});
      if (generation !== deskGeneration) return;
      if (result.ok) return get().applyDesk(result.value);
      const previous = get().desk;
      set({ desk: { status: 'error', error: result.error, ...('data' in previous && previous.data ? { data: previous.data } : {}) } });
    },

    applyCall(view) {
      const current = onScreen(view);
      set({ current, codeLabels: withCodes(get().codeLabels, current), errors: errorsFor(get().current, current, get().errors) });
    },

    applyDesk(view) {
      const current = onScreen(view.current);
      set({
        desk: { status: 'ready', data: view },
        current,
        agent: view.agent,
        codeLabels: withCodes(get().codeLabels, current),
        errors: errorsFor(get().current, current, get().errors),
      });
    },

    applyAgent(agent) {
      const desk = get().desk;
      set({ agent, ...(desk.status === 'ready' ? { desk: { status: 'ready', data: { ...desk.data, agent } } } : {}) });
    },

    setSource: (source) => run('setSource', () => bridge().call('calls.setSource', { source }), (desk) => get().applyDesk(desk)),
    hangUp: (callId) => run('hangUp', () => bridge().call('calls.hangUp', { callId })),
    transfer: (callId, target) => run('transfer', () => bridge().call('calls.transfer', { callId, target })),
    wrapUp: (callId, wrapupCode, note) =>
      run('wrapUp', () => bridge().call('calls.wrapUp', { callId, wrapupCode, ...(note?.trim() ? { note } : {}) }), (desk) => get().applyDesk(desk)),
    markCalledBack: (callId) => run('markCalledBack', () => bridge().call('calls.markCalledBack', { callId }), (desk) => get().applyDesk(desk)),
    setAgentState: (next) => run('setState', () => bridge().call('agent.setState', next), (agent) => get().applyAgent(agent)),

    clearError: (action) => set({ errors: withoutError(get().errors, action) }),

    // One person's calls and customers must never show on the next person's screen.
    clear() {
      deskGeneration++;
      set({ desk: idle, current: null, agent: null, busy: {}, errors: {} });
    },
  };
});

/** What the knowledge worker needs to suggest articles for a call, without the advisor typing. */
export function callContextOf(view: CallView | null): CallContext | null {
  if (!view) return null;
  const intent = view.call.attached.IVR_INTENT ?? view.call.attached.ivr_intent ?? null;
  return {
    line: view.line,
    queue: view.call.queue,
    intent: intent?.trim() ? intent.trim() : null,
    bereaved: view.card?.customer.flags.bereaved ?? false,
    notes: (view.card?.notes ?? []).slice(0, 4).map((n) => n.body),
  };
}

export const useCurrentCall = () => useCallsStore((s) => s.current);
export const useCallDesk = () => {
  const desk = useCallsStore((s) => s.desk);
  const load = useCallsStore((s) => s.loadDesk);
  return { desk, load };
};
/** A call's wrap-up still open beside the call in hand (back-to-back calls), if any. */
export const useWaitingWrapUp = (callId: string | null) =>
  useCallsStore((s) => (callId && s.desk.status === 'ready' ? (s.desk.data.wrapUps.find((v) => v.call.callId === callId) ?? null) : null));
export const useAgentState = () => useCallsStore((s) => s.agent);
export const useWrapUpLabels = () => useCallsStore((s) => s.codeLabels);
/** Busy flag and last error of one action, plus a way to dismiss the error. */
export const useCallAction = (action: CallAction) => {
  const busy = useCallsStore((s) => s.busy[action] ?? false);
  const error = useCallsStore((s) => s.errors[action] ?? null);
  const clearError = useCallsStore((s) => s.clearError);
  return { busy, error, clearError: () => clearError(action) };
};
export const useCallActions = () => {
  const setSource = useCallsStore((s) => s.setSource);
  const hangUp = useCallsStore((s) => s.hangUp);
  const transfer = useCallsStore((s) => s.transfer);
  const wrapUp = useCallsStore((s) => s.wrapUp);
  const setAgentState = useCallsStore((s) => s.setAgentState);
  const markCalledBack = useCallsStore((s) => s.markCalledBack);
  return { setSource, hangUp, transfer, wrapUp, setAgentState, markCalledBack };
};
