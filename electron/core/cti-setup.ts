import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DesktopCore } from './core';
import { startCtiReceiver } from './cti-receiver';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,200}$/;

/** The token this computer keeps in its data folder, or null when there is none (or it is damaged). */
export function readSavedCtiToken(dataDir: string): string | null {
  const file = join(dataDir, 'cti-token');
  if (!existsSync(file)) return null;
  const token = readFileSync(file, 'utf8').trim();
  return TOKEN_SHAPE.test(token) ? token : null;
}

/**
 * The webhook token: RAPPORT_CTI_TOKEN, else one made at random for this computer and kept in its
 * data folder (0600: only this user can read it; it is shown in Settings for the softphone).
 */
export function ctiToken(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.RAPPORT_CTI_TOKEN) return env.RAPPORT_CTI_TOKEN;
  const saved = readSavedCtiToken(dataDir);
  const file = join(dataDir, 'cti-token');
  if (saved) {
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    return saved;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const token = randomBytes(18).toString('base64url');
  writeFileSync(file, token, { mode: 0o600 });
  chmodSync(file, 0o600); // a damaged file being replaced keeps its old mode otherwise
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
