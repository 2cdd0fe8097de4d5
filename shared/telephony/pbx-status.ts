import { z } from 'zod';

/**
 * The hub's link to the phone system as every advisor sees it: connected or not, and why not in
 * words a person can act on (a wrong secret is an admin's job; a restarting PBX is back soon).
 */
export const PBX_LINK_STATES = ['not_configured', 'connecting', 'connected', 'login_failed', 'disconnected'] as const;
export const PBX_DOWN_CAUSES = ['login_refused', 'shutting_down', 'unreachable', 'lost', 'stopped'] as const;

export const pbxStatus = z.object({
  configured: z.boolean(),
  connected: z.boolean(),
  state: z.enum(PBX_LINK_STATES),
  cause: z.enum(PBX_DOWN_CAUSES).nullable(),
  reason: z.string().max(300).nullable(),
  /** When the link entered this state (epoch ms). */
  since: z.number(),
  /** The last event heard from the PBX (epoch ms), and its name. */
  lastEventAt: z.number().nullable(),
  lastEvent: z.string().max(80).nullable(),
});
export type PbxStatus = z.infer<typeof pbxStatus>;

export const NO_PBX: PbxStatus = {
  configured: false,
  connected: false,
  state: 'not_configured',
  cause: null,
  reason: null,
  since: 0,
  lastEventAt: null,
  lastEvent: null,
};

/** One line for the advisor's phone-system indicator. */
export function pbxStatusText(s: PbxStatus): string {
  if (!s.configured) return 'No phone system set up';
  if (s.connected) return 'Phone system connected';
  switch (s.cause) {
    case 'shutting_down':
      return 'Phone system restarting: reconnecting';
    case 'login_refused':
      return 'Phone system refused the hub’s login: tell an admin';
    case 'unreachable':
      return 'Phone system unreachable: retrying';
    case 'lost':
      return 'Phone system connection lost: reconnecting';
    default:
      return s.state === 'connecting' ? 'Connecting to the phone system…' : 'Phone system not connected';
  }
}
