import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readSavedCtiToken } from '../electron/core/cti-setup';
import { defaultDataDir } from '../electron/core/paths';

/**
 * The call simulator: sends Zammad-style CTI webhook events to a running Rapport desktop, the way
 * a softphone on the same PC would.
 *   npm run cti -- ring --from 07700900123 --queue funeralcare
 *   npm run cti -- answer            (the last call rung)
 *   npm run cti -- hangup [--cause normalClearing] [--call <id>]
 */
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    queue: { type: 'string' },
    call: { type: 'string' },
    cause: { type: 'string' },
    direction: { type: 'string', default: 'in' },
    url: { type: 'string' },
  },
});
const command = positionals[0];
const desktopDir = join(defaultDataDir(), 'desktop');
const lastFile = join(desktopDir, 'cti-simulator-last-call');
// The token the desktop made for this computer (npm start prints it; Settings shows it).
const token = process.env.RAPPORT_CTI_TOKEN || readSavedCtiToken(desktopDir);
if (!token && !values.url && !process.env.RAPPORT_CTI_URL) {
  console.error(`No softphone token in ${desktopDir} yet: start Rapport once (npm start), or set RAPPORT_CTI_TOKEN.`);
  process.exit(1);
}
const url = values.url ?? process.env.RAPPORT_CTI_URL ?? `http://127.0.0.1:${process.env.RAPPORT_CTI_PORT ?? 5781}/api/v1/cti/${token}`;

const QUEUE_NUMBERS: Record<string, string> = { food: '08081570001', funeralcare: '08081570002', membership: '08081570003' };

function usage(message: string): never {
  console.error(`${message}\nUsage: npm run cti -- ring --from 07700900123 [--queue funeralcare] | answer [--call ID] | hangup [--call ID] [--cause normalClearing]`);
  process.exit(2);
}

let body: Record<string, string>;
if (command === 'ring') {
  if (!values.from) usage('ring needs --from <caller number>');
  const callId = values.call ?? `sim-${Date.now().toString(36)}`;
  body = { event: 'newCall', from: values.from, to: values.to ?? QUEUE_NUMBERS[values.queue ?? 'food'] ?? '08081570001', direction: values.direction!, callId };
  if (values.queue) body.queue = values.queue;
  mkdirSync(desktopDir, { recursive: true });
  writeFileSync(lastFile, callId);
} else if (command === 'answer' || command === 'hangup') {
  const callId = values.call ?? (existsSync(lastFile) ? readFileSync(lastFile, 'utf8').trim() : undefined);
  if (!callId) usage(`${command} needs --call <id> (no call has been rung from here yet)`);
  body = { event: command, callId, direction: values.direction! };
  if (command === 'hangup' && values.cause) body.cause = values.cause;
} else {
  usage(command ? `Unknown command "${command}".` : 'Say what the phone does.');
}

try {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  console.log(`${body.event} ${body.callId} → ${res.status} ${text}`);
  process.exit(res.ok ? 0 : 1);
} catch (err) {
  console.error(`Rapport is not answering at ${token ? url.replace(token, '<token>') : url}: is it running? (${(err as Error).message})`);
  process.exit(1);
}
