import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { writeFileWhole } from './whole-file';
import { join, win32 } from 'node:path';
import type { HubSource } from '../../shared/contract/setup';
import { describeProblems } from '../../shared/schemas/common';
import { desktopPolicy, hubAddress, type DesktopPolicy } from '../../shared/schemas/deployment';

/** The machine-wide policy file IT ships, per platform (writable only by administrators there). */
export function policyPath(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return win32.join(env.ProgramData ?? 'C:\\ProgramData', 'Rapport', 'policy.json');
  if (platform === 'darwin') return '/Library/Application Support/Rapport/policy.json';
  return '/etc/rapport/policy.json';
}

export type PolicyRead = { policy: DesktopPolicy | null; problem: string | null };

/** The policy, or why it cannot be used: every bad field named, so IT can fix it in one go. */
export function readPolicy(path: string): PolicyRead {
  if (!existsSync(path)) return { policy: null, problem: null };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')); // Notepad may add a BOM
  } catch (err) {
    return { policy: null, problem: `${path} is not valid JSON (${(err as Error).message}).` };
  }
  const parsed = desktopPolicy.safeParse(raw);
  if (!parsed.success) {
    const fields = describeProblems(parsed.error).map((p) => `${p.path}: ${p.message}`);
    return { policy: null, problem: `${path} cannot be used. ${fields.join('; ')}` };
  }
  return { policy: parsed.data, problem: null };
}

const chosenFile = (dataDir: string) => join(dataDir, 'hub-address.json');

/** The address a person entered on the first-run screen, if any (and still valid). */
export function chosenHub(dataDir: string): string | null {
  try {
    const parsed = hubAddress.safeParse((JSON.parse(readFileSync(chosenFile(dataDir), 'utf8')) as { hubUrl?: unknown }).hubUrl);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveChosenHub(dataDir: string, hubUrl: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileWhole(chosenFile(dataDir), JSON.stringify({ hubUrl }));
}

export interface Deployment {
  hubUrl: string | null;
  hubSource: HubSource | null;
  policy: DesktopPolicy | null;
  policyProblem: string | null;
}

/**
 * Where this desktop's hub is: IT's policy wins over everything, then RAPPORT_HUB_URL (developers,
 * tests), then what a person entered on the first-run screen. A broken policy file is reported and
 * not silently replaced by a person's choice, because IT meant to decide.
 */
export function resolveDeployment(opts: { policy: PolicyRead; env: NodeJS.ProcessEnv; dataDir: string }): Deployment {
  const { policy, problem } = opts.policy;
  if (policy) return { hubUrl: policy.hubUrl, hubSource: 'policy', policy, policyProblem: null };
  if (problem) return { hubUrl: null, hubSource: null, policy: null, policyProblem: problem };
  const fromEnv = opts.env.RAPPORT_HUB_URL?.trim().replace(/\/$/, '');
  if (fromEnv) return { hubUrl: fromEnv, hubSource: 'environment', policy: null, policyProblem: null };
  const chosen = chosenHub(opts.dataDir);
  return { hubUrl: chosen, hubSource: chosen ? 'chosen' : null, policy: null, policyProblem: null };
}

/** Whether the softphone webhook should listen, and on which port, by policy then environment. */
export function softphonePlan(policy: DesktopPolicy | null, env: NodeJS.ProcessEnv): { listen: boolean; port: number } {
  const port = policy?.softphonePort ?? Number(env.RAPPORT_CTI_PORT ?? 5781);
  return { listen: policy?.callSource !== 'pbx', port };
}
