import type { CallSignal } from '../../shared/telephony/signals';
import type { HubContext } from '../context';
import type { AmiClient } from './ami/client';
import type { AmiMessage } from './ami/frames';
import { channelKey, type LiveChannels } from './ami/normalise';
import { extensionOf } from './extension';
import { followPbxPause, pausedAdvisors } from './pbx-pauses';

/** What reconciliation needs of the gateway it runs in. */
export interface ReconcileTarget {
  hub: HubContext;
  client: AmiClient;
  /** Pauses the advisor at the PBX, remembering it was Rapport's own doing. */
  pause(extension: string, paused: boolean, reason: string): Promise<void>;
  /** The normaliser's verdict on the calls it thought live, given what the PBX still has. */
  reconcileCalls(live: LiveChannels): CallSignal[];
  relay(signal: CallSignal): Promise<void>;
  setWaiting(queue: string, callers: Map<string, number>): void;
  setAfterCallTimes(times: Map<string, number>): void;
}

export interface ReconcileReport {
  pausesReapplied: string[];
  followedPbxPauses: string[];
  callSignals: CallSignal[];
  queuesWithoutWrapUp: string[];
}

const step = async <T>(what: string, work: () => Promise<T>, fallback: T): Promise<T> => {
  try {
    return await work();
  } catch (err) {
    console.error(`[hub] PBX reconciliation: ${what} failed:`, (err as Error).message);
    return fallback;
  }
};

/**
 * On every (re)connect: a PBX that restarted forgot its pauses, and calls went on (or ended)
 * while the hub was away. So: pause again everyone Rapport holds paused; read QueueStatus and
 * follow pauses made at the PBX meanwhile; learn each queue's wrap-up time; and read
 * CoreShowChannels to end or resume the calls the gateway thought were live.
 */
export async function reconcile(t: ReconcileTarget): Promise<ReconcileReport> {
  const report: ReconcileReport = { pausesReapplied: [], followedPbxPauses: [], callSignals: [], queuesWithoutWrapUp: [] };
  for (const a of await step('reading pauses', () => pausedAdvisors(t.hub), [])) {
    const done = await step(`pausing ${a.extension}`, () => t.pause(a.extension, true, a.reason ?? a.state ?? 'not ready').then(() => true), false);
    if (done) report.pausesReapplied.push(a.extension);
  }

  const status = await step('QueueStatus', () => t.client.list('QueueStatus', {}, { timeoutMs: 5_000 }), null);
  const served = new Set<string>();
  if (status) {
    const pausedAtPbx = new Map<string, string>();
    const waiting = new Map<string, Map<string, number>>();
    const now = Date.now();
    for (const m of status) {
      const queue = m.get('Queue');
      if (!queue) continue;
      served.add(queue);
      if (!waiting.has(queue)) waiting.set(queue, new Map());
      if (m.event === 'QueueMember' && m.get('Paused') === '1') {
        const ext = extensionOf(m.get('Name') ?? m.get('Location') ?? '');
        if (ext) pausedAtPbx.set(ext, m.get('PausedReason') ?? '');
      } else if (m.event === 'QueueEntry' && m.get('Uniqueid')) {
        waiting.get(queue)!.set(m.get('Uniqueid')!, now - Number(m.get('Wait') ?? 0) * 1000);
      }
    }
    for (const [queue, callers] of waiting) t.setWaiting(queue, callers);
    for (const [ext, reason] of pausedAtPbx) {
      if (report.pausesReapplied.includes(ext)) continue;
      await step(`following ${ext}'s pause`, () => followPbxPause(t.hub, ext, true, reason), undefined);
      report.followedPbxPauses.push(ext);
    }
  }

  const config = await step('reading queues.conf', () => t.client.action('GetConfig', { Filename: 'queues.conf' }), null);
  const times = config ? wrapUpTimes(config) : new Map<string, number>();
  t.setAfterCallTimes(times);
  report.queuesWithoutWrapUp = [...served].filter((q) => !times.has(q)).sort();
  if (report.queuesWithoutWrapUp.length > 0) {
    console.warn(
      `[hub] PBX queues without wrapuptime: ${report.queuesWithoutWrapUp.join(', ')}. The next call can arrive milliseconds after the last ends; set wrapuptime in queues.conf (see README, Telephony).`,
    );
  }

  const channels = await step('CoreShowChannels', () => t.client.list('CoreShowChannels', {}, { timeoutMs: 5_000 }), null);
  if (channels) {
    report.callSignals = t.reconcileCalls(liveChannels(channels));
    for (const signal of report.callSignals) await t.relay(signal);
  }
  return report;
}

/** CoreShowChannel items as the normaliser matches them: Linkedids, channel keys and Uniqueids. */
export function liveChannels(items: AmiMessage[]): LiveChannels {
  const live: LiveChannels = { linkedids: new Set(), channels: new Map() };
  for (const c of items) {
    if (c.event !== 'CoreShowChannel') continue;
    const linked = c.get('Linkedid');
    if (linked) live.linkedids.add(linked);
    const bridged = (c.get('BridgeId') ?? '').trim() !== '';
    const channel = c.get('Channel');
    for (const key of [channel ? channelKey(channel) : undefined, c.get('Uniqueid')]) {
      if (!key) continue;
      live.channels.set(key, { bridged: bridged || (live.channels.get(key)?.bridged ?? false) });
    }
  }
  return live;
}

/** `wrapuptime` per queue from GetConfig's answer (`Category-000001: funeralcare`, `Line-000001-000003: wrapuptime=10`). */
export function wrapUpTimes(config: AmiMessage): Map<string, number> {
  const categories = new Map<string, string>();
  const times = new Map<string, number>();
  for (const [key, value] of config.fields) {
    const cat = /^Category-(\d+)$/i.exec(key);
    if (cat) categories.set(cat[1]!, value.trim());
  }
  for (const [key, value] of config.fields) {
    const line = /^Line-(\d+)-\d+$/i.exec(key);
    const setting = /^\s*wrapuptime\s*=\s*(\d+)\s*$/i.exec(value);
    if (!line || !setting) continue;
    const queue = categories.get(line[1]!);
    if (!queue) continue;
    if (queue !== 'general') times.set(queue, Number(setting[1]));
  }
  return times;
}
