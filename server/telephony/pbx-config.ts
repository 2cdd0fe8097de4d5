import { z } from 'zod';
import type { HubContext } from '../context';
import { AmiGateway, type PbxConfig } from './ami-gateway';

export const pbxConfigInput = z.object({
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

interface Row {
  name: string;
  host: string;
  port: number;
  username: string;
  secret: string;
  interface_template: string;
  dial_context: string;
  enabled: number | boolean;
}

/** The PBX connection as admins see it: everything but the secret. */
export async function pbxView(hub: HubContext) {
  const row = await hub.db.get<Row>("SELECT name, host, port, username, secret, interface_template, dial_context, enabled FROM pbx_connections WHERE id = 'main'");
  if (!row) return { configured: false, connected: false };
  return {
    configured: true,
    connected: hub.telephony?.connected ?? false,
    name: row.name,
    host: row.host,
    port: Number(row.port),
    username: row.username,
    hasSecret: row.secret.length > 0,
    interfaceTemplate: row.interface_template,
    dialContext: row.dial_context,
    enabled: Boolean(row.enabled),
  };
}

/** Configuration from the database, or from RAPPORT_AMI_* for a PBX given at deployment. */
export async function loadPbxConfig(hub: HubContext, env: NodeJS.ProcessEnv = process.env): Promise<PbxConfig | null> {
  const row = await hub.db.get<Row>("SELECT name, host, port, username, secret, interface_template, dial_context, enabled FROM pbx_connections WHERE id = 'main'");
  if (row) {
    if (!row.enabled) return null;
    return { host: row.host, port: Number(row.port), username: row.username, secret: row.secret, interfaceTemplate: row.interface_template, dialContext: row.dial_context };
  }
  if (!env.RAPPORT_AMI_HOST || !env.RAPPORT_AMI_USER || !env.RAPPORT_AMI_SECRET) return null;
  return {
    host: env.RAPPORT_AMI_HOST,
    port: Number(env.RAPPORT_AMI_PORT ?? 5038),
    username: env.RAPPORT_AMI_USER,
    secret: env.RAPPORT_AMI_SECRET,
    interfaceTemplate: env.RAPPORT_AMI_INTERFACE ?? 'PJSIP/{ext}',
    dialContext: env.RAPPORT_AMI_CONTEXT ?? 'from-internal',
  };
}

/** (Re)connects this hub to its PBX; none configured means no gateway. */
export async function connectPbx(hub: HubContext): Promise<void> {
  await hub.telephony?.stop();
  hub.telephony = null;
  const config = await loadPbxConfig(hub);
  if (!config) return;
  const gateway = new AmiGateway(hub, config);
  hub.telephony = gateway;
  void gateway.start();
}
