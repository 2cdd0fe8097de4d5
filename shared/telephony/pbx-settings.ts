import { z } from 'zod';

/** The PBX connection an organisation admin keeps: what the hub logs in to the Manager Interface with. */
export const pbxSettings = z.object({
  name: z.string().trim().min(2).max(80).default('Main PBX'),
  host: z.string().trim().min(1).max(253).regex(/^[A-Za-z0-9.-]+$|^\[[0-9a-fA-F:]+\]$/, 'a host name or address'),
  port: z.number().int().min(1).max(65535).default(5038),
  username: z.string().trim().min(1).max(80),
  /** Left out to keep the stored secret; never sent back. */
  secret: z.string().min(1).max(200).optional(),
  interfaceTemplate: z.string().trim().min(3).max(120).regex(/\{ext\}/, 'must contain {ext}'),
  dialContext: z.string().trim().min(1).max(80).regex(/^[A-Za-z0-9_-]+$/),
  enabled: z.boolean().default(true),
});
export type PbxSettings = z.input<typeof pbxSettings>;

export const pbxTestInput = pbxSettings.pick({ host: true, port: true, username: true, secret: true }).partial();
