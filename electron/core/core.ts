import { join } from 'node:path';
import type { PushFrame } from '../../shared/contract/envelope';
import type { ConnectionStatus, PushName, Pushes } from '../../shared/contract/pushes';
import type { SessionState } from '../../shared/contract/requests';
import { isAdmin } from '../../shared/roles';
import type { KnowledgePush } from '../../shared/schemas/knowledge';
import type { HubLiveEvent } from '../../shared/hub/events';
import { hubReplies } from '../../shared/hub/replies';
import type { SessionView } from '../../shared/schemas/accounts';
import { signInReply } from '../../shared/schemas/two-factor';
import type { WebhookEvent } from '../../shared/telephony/webhook';
import { forgetErased, openSignedIn, type SignedIn } from './signed-in';
import { routeHubEvent } from './live-events';
import type { WebhookVerdict } from './cti-receiver';
import { CoreError } from './errors';
import { HubClient } from './hub-client';
import { consoleLog, type CoreLog } from './log';
import { transient } from './outbox';
import { fileVault, type SavedSession, type SessionVault } from './session-vault';
import { loadRetention, RetentionKeeper } from './retention';
import { DesktopSetup } from './setup';
import { isDeskEvent, stateWhenAway } from './presence';
import type { SetupStatus } from '../../shared/contract/setup';
import { allowedCallSources } from '../../shared/schemas/deployment';

export interface CoreOptions {
  /** The desktop's own folder (sessions and per-user stores live below it). */
  dataDir: string;
  hubUrl: string;
  vault?: SessionVault;
  /** How long a saved session may start the app without the hub confirming it. */
  maxOfflineAgeMs?: number;
  resyncEveryMs?: number;
  /** Articles per change-feed page (one transaction each). */
  syncPageSize?: number;
  /** The softphone webhook's address, shown in settings. */
  ctiUrl?: string | null;
  wrapUpSeconds?: number;
  /** Where the hub address came from and how sign-in is kept (the hosts read the policy file). */
  setup?: DesktopSetup;
  /** The rotating log file in both hosts; the console when a test leaves it out. */
  log?: CoreLog;
}

const SEVEN_DAYS = 7 * 24 * 60 * 60 * 1000;

/**
 * One desktop's services for one signed-in person: the hub connection, the offline store and the
 * session. It never imports `electron`; both hosts run this same class.
 */
export class DesktopCore {
  readonly hub: HubClient;
  readonly setup: DesktopSetup;
  readonly log: CoreLog;
  private readonly vault: SessionVault;
  private readonly listeners = new Set<(frame: PushFrame) => void>();
  private active: SignedIn | null = null;
  private confirmed = false;
  private resyncTimer: NodeJS.Timeout | null = null;
  private status: ConnectionStatus = { state: 'offline', lastSyncedAt: null, progress: null };
  /** Call history and drafts are not kept longer than the retention periods, on this computer. */
  readonly retention: RetentionKeeper;

  constructor(private readonly opts: CoreOptions) {
    this.log = opts.log ?? consoleLog;
    this.hub = new HubClient(opts.hubUrl, { log: this.log, onUpdateNeeded: () => this.hubWantsUpdate() });
    this.vault = opts.vault ?? fileVault(join(opts.dataDir, 'session.json'));
    this.retention = new RetentionKeeper(opts.dataDir, () => this.active?.store ?? null);
    this.setup =
      opts.setup ??
      new DesktopSetup({
        dataDir: opts.dataDir,
        deployment: { hubUrl: opts.hubUrl || null, hubSource: opts.hubUrl ? 'environment' : null, policy: null, policyProblem: null },
        sessionKeeping: opts.vault ? 'encrypted' : 'file',
      });
  }

  get setupStatus(): SetupStatus {
    return this.setup.status;
  }

  get dataDir(): string {
    return this.opts.dataDir;
  }

  get storeSchemaVersion(): number | null {
    return this.active?.store.schemaVersion ?? null;
  }

  /** The screen locked or the computer slept: a Ready advisor becomes Not ready (see presence.ts). */
  async awayFromDesk(event: string): Promise<void> {
    const desk = this.active?.desk;
    if (!desk || !isDeskEvent(event) || !this.active || isAdmin(this.active.saved.user.role)) return;
    const next = stateWhenAway(event, desk.view().agent.state);
    if (next) await desk.setAgentState(next);
  }

  /**
   * The first-run screen's answer, or a new address from Settings: checked, kept, and used from
   * the next sign-in on. From Settings the person is signed out (their session is the old hub's),
   * but only once the new hub has answered.
   */
  async chooseHub(hubUrl: string, opts: { signOut?: boolean } = {}): Promise<SetupStatus> {
    const url = await this.setup.chooseHub(hubUrl, this.active !== null && !opts.signOut);
    if (this.active) await this.signOut();
    this.opts.hubUrl = url;
    this.hub.baseUrl = url;
    this.emit('setup.changed', this.setup.status);
    return this.setup.status;
  }

  /** Asks the hub which desktops it serves; an older one says "update needed" instead of failing later. */
  async checkHubVersion(): Promise<void> {
    if (!this.opts.hubUrl) return;
    const before = this.setup.status.updateNeeded;
    const version = await this.hub.get('/api/version', hubReplies.version).catch(() => null);
    if (version) this.setup.noteHubVersion(version);
    if (JSON.stringify(before) !== JSON.stringify(this.setup.status.updateNeeded)) this.emit('setup.changed', this.setup.status);
  }

  /**
   * Any answer 426, at sign-in or hours into a shift: the app says "update needed" at once (a
   * banner while signed in), then learns from /api/version which version the hub wants.
   */
  private hubWantsUpdate(): void {
    if (this.setup.noteUpdateNeeded(null)) this.emit('setup.changed', this.setup.status);
    void this.checkHubVersion();
  }

  /** Starts from the saved session if there is one young enough, then checks it with the hub. */
  async start(): Promise<void> {
    this.retention.start();
    if (!this.opts.hubUrl) return; // the first-run screen asks for it
    void this.checkHubVersion();
    const saved = this.vault.load();
    if (!saved) return;
    if (saved.hubUrl !== this.opts.hubUrl || Date.now() - saved.savedAt > (this.opts.maxOfflineAgeMs ?? SEVEN_DAYS)) {
      this.vault.clear();
      return;
    }
    this.activate(saved);
    await this.confirm();
  }

  /** The receiver may end up on another port than planned (tests use port 0). */
  setCtiUrl(url: string): void {
    this.opts.ctiUrl = url;
    this.active?.desk.setCtiUrl(url);
  }

  onPush(listener: (frame: PushFrame) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<P extends PushName>(push: P, data: Pushes[P]): void {
    for (const l of this.listeners) l({ push, data });
  }

  get sessionState(): SessionState {
    if (!this.active) return this.secondStep ? { signedIn: false, secondStep: { step: this.secondStep.step, username: this.secondStep.username } } : { signedIn: false };
    const { user, site } = this.active.saved;
    return { signedIn: true, user, site, offline: !this.confirmed };
  }

  get connection(): ConnectionStatus {
    return this.status;
  }

  requireSignedIn(): SignedIn {
    if (!this.active) throw new CoreError('signed_out', 'Sign in first.');
    return this.active;
  }

  async signIn(input: { username: string; password: string }): Promise<SessionState> {
    if (this.active) await this.signOut();
    if (!this.opts.hubUrl) throw new CoreError('no_hub', 'Enter your hub address first.');
    this.secondStep = null;
    const reply = await this.hub.request('POST', '/api/session', input, signInReply).catch(async (err: unknown) => {
      // The screen says which version the hub wants before it says sign-in failed.
      if (err instanceof CoreError && err.code === 'update_needed') await this.checkHubVersion();
      throw err;
    });
    if ('twoFactor' in reply) {
      // The challenge stays here; the page only learns that a code is wanted.
      this.secondStep = { step: reply.twoFactor, challenge: reply.challenge, username: input.username };
      this.emit('session.changed', this.sessionState);
      return this.sessionState;
    }
    return this.begin(reply);
  }

  /** The sign-in's second step (see two-factor-handlers.ts): the hub's challenge, kept on this computer only. */
  secondStep: { step: 'code' | 'enrol'; challenge: string; username: string } | null = null;

  /** A session from the hub, after the password alone or after its code. */
  begin(session: SessionView): SessionState {
    if (!this.opts.hubUrl) throw new CoreError('no_hub', 'Enter your hub address first.');
    this.secondStep = null;
    const saved: SavedSession = { ...session, savedAt: Date.now(), hubUrl: this.opts.hubUrl };
    this.vault.save(saved);
    this.activate(saved);
    this.confirmed = true;
    this.active!.live.start();
    this.emit('session.changed', this.sessionState);
    void this.syncKnowledge().catch(() => undefined);
    return this.sessionState;
  }

  async signOut(): Promise<SessionState> {
    this.secondStep = null;
    if (this.active && this.confirmed) await this.hub.request('DELETE', '/api/session').catch(() => undefined);
    this.deactivate();
    return this.sessionState;
  }

  async syncKnowledge(): Promise<number> {
    const { sync } = this.requireSignedIn();
    this.setStatus({ state: 'syncing' });
    try {
      const cursor = await sync.run();
      this.active?.store.setMeta('last_synced_at', String(Date.now()));
      this.setStatus({ state: 'online', lastSyncedAt: Date.now(), progress: null });
      return cursor;
    } catch (err) {
      if (err instanceof CoreError && err.status === 401) this.deactivate();
      else this.setStatus({ state: this.active?.live.connected ? 'online' : 'offline', progress: null });
      throw err;
    }
  }

  /** The softphone webhook: nobody signed in means the PBX should try someone else. */
  webhook(event: WebhookEvent, at: number): WebhookVerdict {
    if (!this.active) {
      return event.event === 'newCall'
        ? { status: 200, reply: { action: 'reject', reason: 'busy' } }
        : { status: 404, error: 'Nobody is signed in to Rapport on this computer.' };
    }
    return this.active.desk.webhook(event, at);
  }

  async stop(): Promise<void> {
    this.retention.stop();
    this.active?.desk.stop();
    if (this.resyncTimer) clearInterval(this.resyncTimer);
    this.active?.live.stop();
    this.active?.store.close();
    this.active = null;
  }

  private activate(saved: SavedSession): void {
    this.hub.token = saved.token;
    this.active = openSignedIn(saved, {
      hub: this.hub,
      hubUrl: this.opts.hubUrl,
      dataDir: this.opts.dataDir,
      log: this.log,
      emit: (push, data) => this.emit(push, data),
      syncPageSize: this.opts.syncPageSize,
      ctiUrl: this.opts.ctiUrl ?? null,
      sources: allowedCallSources(this.setup.callSourcePolicy),
      wrapUpSeconds: this.opts.wrapUpSeconds,
      onSyncProgress: (progress) => this.setStatus({ progress }),
      onLiveOpen: () => void this.confirm(),
      onLiveEvent: (event) => this.onHubEvent(event),
      // A knowledge push that did not parse is repaired from the feed, which is parsed page by page.
      onLiveDropped: (name) => name === 'knowledge.changed' && void this.syncKnowledge().catch(() => undefined),
      onLiveClose: (code) => {
        if (this.active) this.active.erasuresCurrent = false;
        if (this.status.state !== 'syncing') this.setStatus({ state: 'offline' });
        if (code === 4401) void this.confirm();
      },
      onErased: (changes) => this.active && forgetErased(this.active, changes, (push, data) => this.emit(push, data)),
    });
    const lastSynced = this.active.store.getMeta('last_synced_at');
    this.status = { state: 'offline', lastSyncedAt: lastSynced ? Number(lastSynced) : null, progress: null };
    this.confirmed = false;
    if (this.resyncTimer) clearInterval(this.resyncTimer);
    let ticks = 0;
    this.resyncTimer = setInterval(() => {
      if (!this.active?.live.connected) return;
      void this.sendWaiting(this.active);
      if (++ticks % 10 === 0) void this.syncKnowledge().catch(() => undefined);
    }, (this.opts.resyncEveryMs ?? 5 * 60_000) / 10);
    this.resyncTimer.unref();
  }

  /** Asks the hub whether the saved session still stands; offline it simply stays saved. */
  private async confirm(): Promise<void> {
    const active = this.active;
    if (!active) return;
    try {
      await this.hub.get('/api/session', hubReplies.sessionCheck);
    } catch (err) {
      if (err instanceof CoreError && err.status === 401) {
        this.deactivate();
        return;
      }
      active.live.start(); // keeps retrying in the background until the hub is back
      return;
    }
    if (this.active !== active) return;
    const wasConfirmed = this.confirmed;
    this.confirmed = true;
    if (!active.live.connected) active.live.start();
    void this.loadPrivacySettings();
    void this.sendWaiting(active);
    if (!wasConfirmed) {
      this.emit('session.changed', this.sessionState);
      if (!isAdmin(active.saved.user.role)) void active.desk.loadAgentState();
    }
    void this.syncKnowledge().catch(() => undefined);
  }

  /**
   * What was written offline goes now, once each: gesture requests, then notes, then wrap-ups and
   * the status. The erasure feed is read first, so nothing about a customer erased meanwhile is sent.
   */
  private async sendWaiting(active: SignedIn): Promise<void> {
    if (!active.erasuresCurrent) {
      try {
        await this.syncErasures();
      } catch (err) {
        // The hub away again: nothing waiting goes until the feed is read. A definite no is logged, not a reason to hold work forever.
        if (transient(err)) return;
        console.error('[core] the erasure feed could not be read:', err);
      }
    }
    void active.outbox.flush();
    try {
      await active.notes.flush();
      if (this.active === active) await active.desk.flushOffline();
    } catch (err) {
      // Signed out while sending (the store is closed): what is left goes at the next sign-in.
      if (this.active === active) this.log.warn({ err }, 'work written offline could not be sent yet');
    }
  }

  /** Reads the erasure feed and removes what it names from this store. */
  async syncErasures(): Promise<number> {
    const active = this.requireSignedIn();
    const cursor = await active.erasures.run();
    active.erasuresCurrent = true;
    return cursor;
  }

  private loadPrivacySettings(): Promise<void> {
    return this.retention.takeFromHub(this.hub);
  }

  private onHubEvent(event: HubLiveEvent): void {
    const active = this.active;
    routeHubEvent(event, {
      emit: (push, data) => this.emit(push, data),
      role: active?.saved.user.role ?? null,
      desk: active?.desk ?? null,
      takeKnowledgePush: (push) => this.takeKnowledgePush(push),
      syncErasures: () => void this.syncErasures().catch(() => undefined),
      loadPrivacySettings: () => void this.loadPrivacySettings(),
      refreshCaller: (customerId) =>
        void this.hub.get(`/api/customers/${encodeURIComponent(customerId)}`, hubReplies.customerCard).then(
          (card) => active?.desk.updateCard(card),
          (err: unknown) => this.log.warn({ err }, 'could not refresh the caller’s card'),
        ),
    });
  }

  /** The push carries the change: a desktop that is up to date applies it without reading the feed. */
  private takeKnowledgePush(push: KnowledgePush): void {
    const active = this.active;
    if (active?.sync.takePush(push)) {
      active.store.setMeta('last_synced_at', String(Date.now()));
      this.setStatus({ state: 'online', lastSyncedAt: Date.now() });
      return;
    }
    void this.syncKnowledge().catch(() => undefined);
  }

  private deactivate(): void {
    // A shared computer: the next person finds nothing of the customers this one dealt with.
    if (this.active && loadRetention(this.opts.dataDir).wipeAtSignOut) this.active.store.wipeCustomerData({ keepOutbox: true });
    this.active?.desk.stop();
    if (this.resyncTimer) clearInterval(this.resyncTimer);
    this.resyncTimer = null;
    this.active?.live.stop();
    this.active?.store.close();
    this.active = null;
    this.confirmed = false;
    this.hub.token = null;
    this.vault.clear();
    this.status = { state: 'offline', lastSyncedAt: null, progress: null };
    this.emit('session.changed', this.sessionState);
    this.emit('connection.changed', this.status);
  }

  private setStatus(patch: Partial<ConnectionStatus>): void {
    this.status = { ...this.status, ...patch };
    this.emit('connection.changed', this.status);
  }
}
