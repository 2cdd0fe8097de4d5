import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DesktopCore } from './core';
import { startCtiReceiver } from './cti-receiver';

/** The webhook token: RAPPORT_CTI_TOKEN, else one made for this computer and kept. */
export function ctiToken(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.RAPPORT_CTI_TOKEN) return env.RAPPORT_CTI_TOKEN;
  const file = join(dataDir, 'cti-token');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const token = randomBytes(18).toString('base64url');
  writeFileSync(file, token, { mode: 0o600 });
  return token;
}

export interface CtiPlan {
  port: number;
  token: string;
  url: string;
}

export function planCti(dataDir: string, env: NodeJS.ProcessEnv = process.env): CtiPlan {
  const port = Number(env.RAPPORT_CTI_PORT ?? 5781);
  const token = ctiToken(dataDir, env);
  return { port, token, url: `http://127.0.0.1:${port}/api/v1/cti/${token}` };
}

/** Starts the loopback webhook for a softphone on this PC; a taken port is reported, not fatal. */
export async function startCti(core: DesktopCore, plan: CtiPlan): Promise<string | null> {
  try {
    const r = await startCtiReceiver({ port: plan.port, token: plan.token, handle: (e, at) => core.webhook(e, at) });
    return `http://127.0.0.1:${r.port}/api/v1/cti/${plan.token}`;
  } catch (err) {
    console.error(`[desktop] the softphone webhook could not listen on 127.0.0.1:${plan.port}: ${(err as Error).message}`);
    return null;
  }
}
