import { pbxSettings } from '../../shared/telephony/pbx-settings';
import type { HubContext } from '../context';
import { NO_PBX } from '../../shared/telephony/pbx-status';
import { AmiGateway, type PbxConfig } from './ami-gateway';
import type { GatewayOptions } from './gateway';
import { publishPbxStatus } from './pbx-link';
import { openPbxSecret } from '../secrets/pbx-secret';

export const pbxConfigInput = pbxSettings;

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

/** The PBX connection as admins see it: everything but the secret, with the link's status. */
export async function pbxView(hub: HubContext, env: NodeJS.ProcessEnv = process.env) {
  const row = await hub.db.get<Row>("SELECT name, host, port, username, secret, interface_template, dial_context, enabled FROM pbx_connections WHERE id = 'main'");
  const status = hub.telephony?.status() ?? NO_PBX;
  if (!row) {
    const fromEnv = await loadPbxConfig(hub, env);
    if (!fromEnv) return { configured: false, connected: false, source: null, status };
    return {
      configured: true,
      source: 'environment' as const,
      connected: hub.telephony?.connected ?? false,
      status,
      name: 'PBX from the environment',
      host: fromEnv.host,
      port: fromEnv.port,
      username: fromEnv.username,
      hasSecret: true,
      interfaceTemplate: fromEnv.interfaceTemplate,
      dialContext: fromEnv.dialContext,
      enabled: true,
    };
  }
  return {
    configured: true,
    source: 'hub' as const,
    connected: hub.telephony?.connected ?? false,
    status,
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
    return { host: row.host, port: Number(row.port), username: row.username, secret: openPbxSecret(hub.secrets, row.secret), interfaceTemplate: row.interface_template, dialContext: row.dial_context };
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
export async function connectPbx(hub: HubContext, options: GatewayOptions = hub.config.pbx ?? {}): Promise<void> {
  const had = hub.telephony;
  await had?.stop();
  hub.telephony = null;
  const config = await loadPbxConfig(hub);
  if (!config) {
    if (had) await publishPbxStatus(hub, { ...NO_PBX, since: Date.now() });
    return;
  }
  const gateway = new AmiGateway(hub, config, options);
  hub.telephony = gateway;
  void gateway.start();
}
