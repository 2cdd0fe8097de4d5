import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DesktopCore } from '../core/core';
import { coreHandlers } from '../core/handlers';
import { planCti, startCti } from '../core/cti-setup';
import { defaultDataDir } from '../core/paths';
import { policyPath, readPolicy, resolveDeployment, softphonePlan } from '../core/deployment';
import { openDesktopLog } from '../core/log';
import { DesktopSetup } from '../core/setup';
import { attachBridge } from './bridge-socket';
import { staticFiles } from './static';
import { guardedRequests } from '../../shared/guard';

/**
 * Browser mode: the same desktop core as under Electron, serving the built renderer and the
 * bridge contract on 127.0.0.1 only. Prints the address with this run's token.
 */
const root = resolve(fileURLToPath(new URL('../../dist/renderer', import.meta.url)));
if (!existsSync(join(root, 'index.html'))) {
  console.error('[desktop] The renderer is not built yet: run `npm run build` (npm start does this for you).');
  process.exit(2);
}
const port = Number(process.env.RAPPORT_PORT ?? 5780);
const dataDir = join(defaultDataDir(), 'desktop');
// IT's policy file, then RAPPORT_HUB_URL, then the address a person entered on the first-run screen.
const deployment = resolveDeployment({ policy: readPolicy(policyPath()), env: process.env, dataDir });
const hubUrl = deployment.hubUrl ?? '';
if (hubUrl && !/^https?:\/\/[^/]+$/.test(hubUrl)) {
  console.error(`[desktop] RAPPORT_HUB_URL must look like http://host:port, not "${hubUrl}"`);
  process.exit(2);
}
if (deployment.policyProblem) console.error(`[desktop] ${deployment.policyProblem}`);
const log = openDesktopLog(dataDir);
const token = process.env.RAPPORT_WEB_TOKEN ?? randomBytes(24).toString('base64url');

const softphone = softphonePlan(deployment.policy, process.env);
const cti = planCti(dataDir, { ...process.env, RAPPORT_CTI_PORT: String(softphone.port) });
const setup = new DesktopSetup({ dataDir, deployment, sessionKeeping: 'file' });
const core = new DesktopCore({ dataDir, hubUrl, ctiUrl: softphone.listen ? cti.url : null, setup, log });
const handlers = coreHandlers(core, { dataDir });
const server = createServer();
await new Promise<void>((ok, fail) => {
  server.once('error', fail);
  server.listen(port, '127.0.0.1', () => ok());
});
const actualPort = (server.address() as AddressInfo).port;
server.on('request', guardedRequests(staticFiles(root, actualPort), (err) => console.error('[desktop] a page request failed unexpectedly:', err)));
attachBridge(server, { core, handlers, token, port: actualPort });
await core.start().catch((err) => console.error('[desktop] could not restore the saved session:', err));
const ctiUrl = softphone.listen ? await startCti(core, cti) : null;
if (ctiUrl) core.setCtiUrl(ctiUrl);
console.log(`[desktop] hub ${hubUrl || '(not set: the first-run screen asks for it)'}, data in ${dataDir}`);
log.info({ hub: hubUrl || null, hubSource: deployment.hubSource, policyProblem: deployment.policyProblem }, 'desktop started (browser mode)');
if (ctiUrl) console.log(`[desktop] softphone webhook at ${ctiUrl}`);
// Last, as the line that says the desktop is ready (scripts and tests wait for it).
console.log(`[desktop] Rapport (browser mode) is at http://127.0.0.1:${actualPort}/#token=${token}`);

const stop = async () => {
  await core.stop();
  server.closeAllConnections();
  server.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
