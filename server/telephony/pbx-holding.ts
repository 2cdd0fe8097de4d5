import pg from 'pg';
import { NO_PBX, type PbxStatus } from '../../shared/telephony/pbx-status';
import type { HubContext, PbxHolding } from '../context';

export type { PbxHolding };
import type { HubEvent } from '../events/bus';
import { connectPbx } from './pbx-config';
import { publishPbxStatus } from './pbx-link';
import { answerRelayedAction, NOBODY, PBX_CHANGED, PBX_REQUEST, RelayGateway } from './pbx-relay';
import { publishQueues } from './queue-view';

// Which hub instance holds the one AMI connection: on SQLite there is one hub and it always does;
// on PostgreSQL the instance holding an advisory lock does, and the others relay what it publishes.

const linkStatus = (hub: HubContext): PbxStatus => hub.telephony?.status() ?? { ...NO_PBX, since: Date.now() };

/** The embedded hub: the only instance, so always the holder. */
export async function holdPbxAlone(hub: HubContext): Promise<PbxHolding> {
  await connectPbx(hub);
  return {
    holder: true,
    reconfigure: () => connectPbx(hub),
    stop: async () => {
      await hub.telephony?.stop();
      hub.telephony = null;
    },
  };
}

/**
 * Several instances on one PostgreSQL: each tries `pg_try_advisory_lock` on a connection of its own
 * every `retryMs`. PostgreSQL lets the lock go when the holder's connection closes (its process died,
 * or the network between them), so another instance takes over within about `retryMs`.
 */
export async function holdPbxByLock(hub: HubContext, opts: { url: string; schema: string; retryMs?: number }): Promise<PbxHolding> {
  const retryMs = opts.retryMs ?? 1000;
  const lockName = `rapport_pbx:${opts.schema}`;
  let lockClient: pg.Client | null = null;
  let holder = false;
  let relay: RelayGateway | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let work: Promise<void> = Promise.resolve();
  const serially = (step: () => Promise<void>) =>
    (work = work.then(step).catch((err: unknown) => console.error('[hub] PBX holding:', (err as Error).message)));

  const becomeHolder = async () => {
    holder = true;
    await relay?.stop();
    relay = null;
    hub.telephony = null;
    console.log(`[hub] instance ${hub.config.instanceId} holds the PBX connection`);
    await connectPbx(hub);
    // The other instances learn at once that the link is ours now, and how it stands.
    await publishPbxStatus(hub, linkStatus(hub));
    await publishQueues(hub);
  };

  const becomeRelay = async () => {
    if (relay) return;
    relay = new RelayGateway(hub);
    hub.telephony = null;
    // Not awaited: a holder still starting may not answer yet; its first status reaches us anyway.
    void relay.refresh();
  };

  /** The lock's connection closed: whatever we held is gone, so stop speaking to the PBX at once. */
  const lost = (why: string) =>
    serially(async () => {
      const client = lockClient;
      lockClient = null;
      await client?.end().catch(() => undefined);
      if (!holder) return;
      holder = false;
      console.error(`[hub] lost the PBX lock (${why}); another instance may take over`);
      await hub.telephony?.stop();
      hub.telephony = null;
    });

  const attempt = () =>
    serially(async () => {
      if (stopped || holder) return;
      if (!lockClient) {
        const client = new pg.Client({ connectionString: opts.url });
        client.on('error', (err) => void lost(err.message));
        client.on('end', () => void (lockClient === client && lost('connection closed')));
        await client.connect();
        lockClient = client;
      }
      const row = await lockClient.query<{ got: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS got', [lockName]);
      if (row.rows[0]?.got) await becomeHolder();
      else await becomeRelay();
    });

  const unsubscribe = hub.events.subscribe((event: HubEvent) => {
    if (!holder || stopped) return;
    if (event.name === PBX_REQUEST) void answerRelayedAction(hub, event).catch((err: unknown) => console.error('[hub] could not answer a relayed PBX action:', (err as Error).message));
    else if (event.name === PBX_CHANGED && event.origin !== hub.config.instanceId) void serially(() => connectPbx(hub));
  });

  await attempt();
  const tick = () => {
    timer = setTimeout(() => void attempt().finally(() => !stopped && tick()), retryMs);
    timer.unref();
  };
  tick();

  return {
    get holder() {
      return holder;
    },
    async reconfigure() {
      if (holder) await serially(() => connectPbx(hub));
      await hub.events.publish({ name: PBX_CHANGED, data: {}, audience: NOBODY, origin: hub.config.instanceId });
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      unsubscribe();
      await work;
      await relay?.stop();
      await hub.telephony?.stop();
      hub.telephony = null;
      const client = lockClient;
      lockClient = null;
      await client?.end().catch(() => undefined);
    },
  };
}
