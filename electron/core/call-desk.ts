import type { AgentStateView, CallDeskView, CallSource, CallView, CustomerCard } from '../../shared/contract/calls';
import type { NoteOutcome } from '../../shared/contract/notes';
import { advance, isLive } from '../../shared/telephony/call-machine';
import { customerNumber, historyEntry, hubCallRecord } from './call-history';
import type { CallSignal } from '../../shared/telephony/signals';
import { webhookToSignal, type WebhookEvent } from '../../shared/telephony/webhook';
import type { WebhookVerdict } from './cti-receiver';
import { CoreError } from './errors';
import type { HubClient } from './hub-client';
import type { DeskOutbox } from './desk-outbox';
import { NoteJournal } from './note-journal';
import { CallReferences, lineOf, lookUpCaller } from './screen-pop';
import type { DesktopStore } from './store';
import { hubReplies } from '../../shared/hub/replies';
import { allowedCallSources } from '../../shared/schemas/deployment';

export interface DeskDeps {
  hub: HubClient;
  store: DesktopStore;
  /** Every case note goes through the journal, so none is lost while the hub is away. */
  notes: NoteJournal;
  /** Wrap-ups and status changes made while the hub is away wait here. */
  outbox: DeskOutbox;
  emitCall(view: CallView | null): void;
  emitDesk(view: CallDeskView): void;
  emitAgent(view: AgentStateView): void;
  ctiUrl: string | null;
  /** What IT's policy lets this desktop take calls from (all three without a policy). */
  sources?: readonly CallSource[];
  wrapUpSeconds?: number;
  /**
   * How long a ringing call waits for its customer card before it is shown without one (a
   * skeleton the card replaces). A quick lookup lands with the ring in one render, so the
   * renderer does not lay out and paint the whole workspace twice within a few milliseconds.
   */
  popGraceMs?: number;
}

const POP_GRACE_MS = 50;

/**
 * One advisor's calls: signals from the chosen source run through the call state machine; an
 * offer pops the customer card, an answer opens a case, a hang-up starts time-boxed wrap-up.
 */
export class CallDesk {
  private readonly views = new Map<string, CallView>();
  current: CallView | null = null;
  private agent: AgentStateView = { state: 'ready', reason: null, until: null };
  private readonly references: CallReferences;
  /** Ended calls whose wrap-up is still open beside the call in hand: a new call never drops one. */
  private readonly waitingWrapUps = new Map<string, CallView>();
  private readonly wrapTimers = new Map<string, NodeJS.Timeout>();
  private readonly ringing = new Map<string, Promise<void>>(); // rings whose card is still being looked up

  constructor(private readonly deps: DeskDeps) {
    this.references = new CallReferences(deps.hub); // asked afresh at each ring: an admin may change the codes
  }

  /** The person's choice when IT's policy allows it, else the first source the policy allows. */
  get source(): CallSource {
    const chosen = this.deps.store.getMeta('call_source') as CallSource | null;
    return chosen && this.sources.includes(chosen) ? chosen : this.sources[0]!;
  }

  private get sources(): readonly CallSource[] {
    return this.deps.sources ?? allowedCallSources(null);
  }

  setSource(source: CallSource): CallDeskView {
    if (!this.sources.includes(source)) {
      throw new CoreError('set_by_policy', 'Your IT team has set where calls come from on this computer; it cannot be changed here.');
    }
    this.deps.store.setMeta('call_source', source);
    return this.publish();
  }

  setCtiUrl(url: string): void {
    this.deps.ctiUrl = url;
  }

  view(): CallDeskView {
    return {
      current: this.current,
      wrapUps: [...this.waitingWrapUps.values()],
      history: this.deps.store.recentCalls(),
      agent: this.agent,
      source: this.source,
      sources: [...this.sources],
      ctiUrl: this.deps.ctiUrl,
    };
  }

  /** The softphone's webhook, answered as Zammad would. */
  webhook(event: WebhookEvent, at: number): WebhookVerdict {
    if (this.source === 'hub') {
      const why = this.sources.includes('softphone') ? 'choose the softphone in Rapport’s settings' : 'your IT team has set it so';
      return { status: 409, error: `This desktop takes its calls from the hub; ${why}.` };
    }
    const known = this.views.get(event.callId);
    if (event.event === 'newCall') {
      if (known) return { status: 409, error: `Call ${event.callId} has already been announced.` };
      const busy = (this.current && isLive(this.current.call)) || this.agent.state === 'protected_pause';
      if (busy) return { status: 200, reply: { action: 'reject', reason: 'busy' } };
    } else if (!known) {
      return { status: 404, error: `No call ${event.callId} is known here: send newCall first.` };
    }
    this.accept(webhookToSignal(event, at), this.source);
    return { status: 200, reply: {} };
  }

  /** Signals from the hub relay are taken only when the hub is the chosen source. */
  accept(signal: CallSignal, from: CallSource): boolean {
    if ((from === 'hub') !== (this.source === 'hub')) return false;
    const before = this.views.get(signal.callId);
    const step = advance(before?.call, signal);
    if (!step.changed || !step.state) return false;
    const view: CallView = before
      ? { ...before, call: step.state }
      : {
          call: step.state,
          caller: customerNumber(step.state),
          line: null,
          sensitive: false,
          lookup: 'pending',
          card: null,
          caseId: null,
          caseReference: null,
          wrapUp: null,
          protectedPauseOffered: false,
        };
    if (before?.call.phase === 'missed' && step.state.phase === 'offered') view.wrapUp = null;
    this.views.set(signal.callId, view);
    this.place(view);
    if (!before && view.call.phase === 'offered') {
      void this.ring(view).catch((err) => console.error('[core] call handling failed:', err));
      return true;
    }
    this.deps.emitCall(view); // the call's own news first, then what follows from it
    void this.onPhase(view).catch((err) => console.error('[core] call handling failed:', err));
    return true;
  }

  /**
   * Which call is in hand. A new call takes the screen from a call in wrap-up, whose wrap-up waits
   * beside it; news of an older call (its late hang-up) never takes the screen from a live one.
   */
  private place(view: CallView): void {
    const held = this.current;
    if (!held || held.call.callId === view.call.callId) {
      this.current = view;
      this.waitingWrapUps.delete(view.call.callId);
      return;
    }
    if (!isLive(view.call)) return;
    if (held.wrapUp) this.waitingWrapUps.set(held.call.callId, held);
    this.current = view;
  }

  /** The call in hand is done: a wrap-up that waited beside it comes back. */
  private release(view: CallView): void {
    this.waitingWrapUps.delete(view.call.callId);
    if (this.current !== view) return;
    const waiting = [...this.waitingWrapUps.values()].at(-1) ?? null;
    if (waiting) this.waitingWrapUps.delete(waiting.call.callId);
    this.current = waiting;
  }

  /** A new ringing call: its card is looked up at once; the ring goes out with it, or without it once the grace has passed. */
  private ring(view: CallView): Promise<void> {
    const settled = this.lookUp(view).finally(() => this.ringing.delete(view.call.callId));
    this.ringing.set(view.call.callId, settled);
    return settled;
  }

  private async lookUp(view: CallView): Promise<void> {
    const lookup = lookUpCaller(this.deps.hub, view);
    const grace = setTimeout(() => {
      if (view.lookup === 'pending' && this.views.get(view.call.callId) === view && this.current === view) this.deps.emitCall(view);
    }, this.deps.popGraceMs ?? POP_GRACE_MS);
    const line = lineOf(await this.references.load(true), view.call.queue, view.call.to);
    this.settle(view, { line, sensitive: view.sensitive || line === 'funeralcare' }, false);
    const found = await lookup;
    clearTimeout(grace);
    this.settle(view, found);
  }

  private async onPhase(view: CallView): Promise<void> {
    const { call } = view;
    if (!isLive(call)) this.report(view);
    if (call.phase === 'offered') {
      // Offered again after a miss: the card it had shows at once, and is looked up afresh.
      const line = lineOf(await this.references.load(), call.queue, call.to);
      this.settle(view, { line, sensitive: view.sensitive || line === 'funeralcare' }, false);
      this.settle(view, await lookUpCaller(this.deps.hub, view));
    } else if (call.phase === 'connected' && !view.caseId) {
      await this.openCase(view);
    } else if (call.phase === 'ended' && call.direction === 'out' && call.connectedAt === null) {
      // An outbound call nobody answered: in history, nothing to wrap up.
      this.remember(view);
      this.release(view);
      this.publish();
    } else if (call.phase === 'ended' && !view.wrapUp) {
      await this.startWrapUp(view);
    } else if (call.phase === 'missed' || call.phase === 'abandoned') {
      this.remember(view);
      this.release(view);
      this.publish();
    }
  }

  /**
   * After-call time is the queue's own (`wrapuptime`, which the PBX enforces and the hub passes on);
   * without one the desk pauses the advisor for its default. Either way the wrap-up stays open
   * until it is coded: the time running out ends the after-call status, not the case's wrap-up.
   */
  private async startWrapUp(view: CallView): Promise<void> {
    const { call } = view;
    await this.settleLine(view);
    const fromPbx = call.afterCallSeconds !== null;
    const seconds = call.afterCallSeconds ?? this.deps.wrapUpSeconds ?? 120;
    view.wrapUp = { codes: (this.references.current?.codes ?? []).filter((c) => c.line === (view.line ?? 'food')), deadline: Date.now() + seconds * 1000 };
    view.protectedPauseOffered = view.sensitive && call.connectedAt !== null;
    this.remember(view);
    if (this.current !== view) this.waitingWrapUps.set(call.callId, view);
    if (!fromPbx && this.current === view) {
      await this.setAgentState({ state: 'after_call_work', minutes: Math.max(1, Math.round(seconds / 60)) }).catch(() => undefined);
    }
    clearTimeout(this.wrapTimers.get(call.callId));
    const timer = setTimeout(() => void this.afterCallTimeOver(call.callId), seconds * 1000);
    timer.unref();
    this.wrapTimers.set(call.callId, timer);
    if (this.current === view) this.deps.emitCall(view);
    this.publish();
  }

  /**
   * What a lookup found goes on the call's newest view too: an answer or a hang-up that arrived
   * meanwhile replaced the view, and showing the old one again would take the case (and its note
   * box) off the advisor's screen.
   */
  private settle(view: CallView, patch: Partial<CallView>, emit = true): void {
    Object.assign(view, patch);
    const latest = this.views.get(view.call.callId) ?? view;
    if (latest !== view) Object.assign(latest, patch);
    if (emit && latest === this.current) this.deps.emitCall(latest);
  }

  /** A call answered or ended before its ring was settled (a burst of signals) still goes under its own line. */
  private async settleLine(view: CallView): Promise<void> {
    view.line ??= lineOf(await this.references.load(), view.call.queue, view.call.to);
  }

  private async openCase(view: CallView): Promise<void> {
    // Answered before the card arrived: the case waits for it, so it is opened on the caller's customer.
    await this.ringing.get(view.call.callId);
    await this.settleLine(view);
    try {
      const { case: opened } = await this.deps.hub.post('/api/cases', {
        customerId: view.card?.customer.id ?? null,
        channel: 'phone',
        line: view.line ?? 'food',
        queueId: view.call.queue,
        callId: view.call.callId,
        subject: view.card ? `Call from ${view.card.customer.name}` : `Call from ${view.caller}`,
      }, hubReplies.caseOpened);
      this.settle(view, { caseId: opened.id, caseReference: opened.reference });
    } catch (err) {
      console.error('[core] could not open a case for the call:', (err as Error).message);
      this.settle(view, {});
    }
  }

  async addNote(callId: string, body: string): Promise<NoteOutcome> {
    const view = this.views.get(callId);
    if (!view?.caseId) throw new CoreError('no_case', 'This call has no case yet: the hub could not be reached when it was answered.');
    const outcome = await this.deps.notes.add({ caseId: view.caseId, caseReference: view.caseReference, callId, body });
    this.deps.notes.saveDraft(callId, ''); // the note is safe in the journal or on the hub: the box starts afresh
    return outcome;
  }

  async wrapUp(callId: string, wrapupCode: string, note?: string): Promise<CallDeskView> {
    const view = this.views.get(callId);
    if (!view || view.call.phase !== 'ended') throw new CoreError('not_in_wrap_up', 'That call is not waiting for wrap-up.');
    if (!view.wrapUp?.codes.some((c) => c.id === wrapupCode)) throw new CoreError('invalid_request', 'Choose a wrap-up code for this line.', [{ path: 'wrapupCode', message: 'not a code of this line' }]);
    if (view.caseId) {
      if (note?.trim()) {
        // Journalled under a key of its text, so a wrap-up retried after a failure adds it once.
        await this.deps.notes.add({ caseId: view.caseId, caseReference: view.caseReference, callId, body: note, key: NoteJournal.wrapUpKey(view.caseId, note) });
      }
      // Closed on the hub now, or on this computer with the time it was finished, sent when the hub is back.
      await this.deps.outbox.closeCase({ caseId: view.caseId, wrapupCode, closedAt: Date.now() });
    }
    this.finish(view, wrapupCode);
    if (this.agent.state === 'after_call_work' && !this.wrapUpsOpen()) await this.setAgentState({ state: 'ready' }).catch(() => undefined);
    if (this.current) this.deps.emitCall(this.current);
    return this.publish();
  }

  private wrapUpsOpen(): boolean {
    return this.waitingWrapUps.size > 0 || Boolean(this.current?.wrapUp);
  }

  /** The after-call time is over: the advisor is ready for calls; the wrap-up itself waits for its code. */
  private async afterCallTimeOver(callId: string): Promise<void> {
    this.wrapTimers.delete(callId);
    if (this.agent.state === 'after_call_work' && this.wrapTimers.size === 0) await this.setAgentState({ state: 'ready' }).catch(() => undefined);
  }

  private finish(view: CallView, code: string | null): void {
    clearTimeout(this.wrapTimers.get(view.call.callId));
    this.wrapTimers.delete(view.call.callId);
    view.wrapUp = null;
    this.remember(view, code);
    this.release(view);
  }

  async setAgentState(next: { state: AgentStateView['state']; reason?: string; minutes?: number }): Promise<AgentStateView> {
    const { view, saved } = await this.deps.outbox.setState(next);
    this.hubAgentState(view);
    // Offline the core holds the status; a protected pause still turns the softphone's calls away.
    if (saved) console.warn('[core] status kept on this computer until the hub is back');
    return this.agent;
  }

  /** Sends what waited while the hub was away (after the notes, so a case is closed with its last note on it). */
  async flushOffline(): Promise<void> {
    const state = await this.deps.outbox.flush();
    if (state) this.hubAgentState(state);
  }

  /** What the hub holds (at sign-in, or pushed when a timed pause ends by itself). */
  hubAgentState(view: AgentStateView): void {
    this.agent = { state: view.state, reason: view.reason, until: view.until };
    this.deps.emitAgent(this.agent);
    this.publish();
  }

  async loadAgentState(): Promise<void> {
    try {
      this.hubAgentState(await this.deps.hub.get('/api/agent/state', hubReplies.agentState));
    } catch {
      /* offline or not an advisor: stays as it was */
    }
  }

  markCalledBack(callId: string): CallDeskView {
    const entry = this.deps.store.recentCalls().find((e) => e.callId === callId);
    if (entry) this.deps.store.saveCall({ ...entry, callBack: false });
    return this.publish();
  }

  updateCard(card: CustomerCard): void {
    for (const v of this.views.values()) {
      if (v.card?.customer.id !== card.customer.id) continue;
      v.card = card;
      if (card.customer.flags.bereaved) v.sensitive = true;
      if (v === this.current) this.deps.emitCall(v);
    }
  }

  /** An erased customer leaves the calls held in memory too; a call still going on continues without their card. */
  forgetCustomers(customerIds: ReadonlySet<string>, callIds: ReadonlySet<string>): void {
    for (const [id, v] of this.views) {
      if (!callIds.has(id) && !(v.card && customerIds.has(v.card.customer.id))) continue;
      v.card = null;
      v.lookup = 'unknown';
      if (!isLive(v.call) && !v.wrapUp) this.views.delete(id);
      if (v === this.current) this.deps.emitCall(v);
    }
    this.publish();
  }

  liveCallOf(callId: string): CallView | undefined {
    return this.views.get(callId);
  }

  private remember(view: CallView, wrapupCode: string | null = null): void {
    this.deps.store.saveCall(historyEntry(view, wrapupCode, this.references.current?.codes ?? []));
  }

  /** A softphone's call is known to this desktop alone: the hub keeps its record too (the PBX gateway records its own). */
  private report(view: CallView): void {
    if (this.source === 'hub') return;
    // Never in the way of the call's own handling: a record that cannot be sent is only logged.
    void Promise.resolve()
      .then(() => this.deps.hub.post('/api/telephony/call-records', hubCallRecord(view)))
      .catch((err: unknown) => console.warn('[core] call record not sent:', (err as Error).message));
  }

  private publish(): CallDeskView {
    const v = this.view();
    this.deps.emitDesk(v);
    return v;
  }

  stop(): void {
    for (const timer of this.wrapTimers.values()) clearTimeout(timer);
  }
}
