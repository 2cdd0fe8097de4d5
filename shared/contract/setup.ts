import { z } from 'zod';

/** Where this desktop's hub address came from: IT's policy file, an environment variable, or a person. */
export type HubSource = 'policy' | 'environment' | 'chosen';

/** How the saved sign-in is kept on this computer. */
export type SessionKeeping = 'encrypted' | 'file' | 'process-only';

export interface SetupStatus {
  version: string;
  hubUrl: string | null;
  hubSource: HubSource | null;
  /** The policy file exists but cannot be used: what is wrong, in words IT can act on. */
  policyProblem: string | null;
  sessionKeeping: SessionKeeping;
  /** Said to the person when sign-in cannot be kept (no OS keychain). */
  sessionNotice: string | null;
  /** The hub serves only newer desktops than this one. */
  updateNeeded: { minDesktop: string } | null;
}

export const setupStatus: z.ZodType<SetupStatus> = z.object({
  version: z.string(),
  hubUrl: z.string().nullable(),
  hubSource: z.enum(['policy', 'environment', 'chosen']).nullable(),
  policyProblem: z.string().nullable(),
  sessionKeeping: z.enum(['encrypted', 'file', 'process-only']),
  sessionNotice: z.string().nullable(),
  updateNeeded: z.object({ minDesktop: z.string() }).nullable(),
});

export const setupRequestArgs = {
  'setup.status': z.object({}),
  /** The first-run screen, or Settings later on (`signOut`: the session belongs to the old hub). */
  'setup.chooseHub': z.object({ hubUrl: z.string().max(300), signOut: z.boolean().optional() }),
  'diagnostics.collect': z.object({}),
} as const;

export interface SetupRequestResults {
  'setup.status': SetupStatus;
  'setup.chooseHub': SetupStatus;
  /** Plain text for the service desk: versions, hub, connection, store, recent log lines (card numbers masked). */
  'diagnostics.collect': { text: string };
}

export interface SetupPushes {
  'setup.changed': SetupStatus;
}
