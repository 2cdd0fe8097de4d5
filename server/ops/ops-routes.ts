import type { IncomingMessage, ServerResponse } from 'node:http';
import { compareVersions, DESKTOP_VERSION_HEADER, parseVersion, type HubVersion } from '../../shared/versions';
import type { HubMetrics } from './metrics';

/**
 * What the hub answers before its routes: GET /metrics (Prometheus; a bearer token when
 * RAPPORT_METRICS_TOKEN is set), GET /api/version (the oldest desktop it serves), and 426 for a
 * desktop older than that, so it shows "update needed" rather than failing on a reply it cannot read.
 */
export function opsHandler(
  opts: { metrics: HubMetrics; version: HubVersion; metricsToken?: string },
  next: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/metrics' && req.method === 'GET') {
      if (opts.metricsToken && req.headers.authorization !== `Bearer ${opts.metricsToken}`) {
        res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Bearer' }).end('A metrics token is required.\n');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' }).end(opts.metrics.render());
      return;
    }
    if (path === '/api/version' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(opts.version));
      return;
    }
    const desktop = req.headers[DESKTOP_VERSION_HEADER];
    if (typeof desktop === 'string' && parseVersion(desktop) && compareVersions(desktop, opts.version.minDesktop) < 0) {
      res.writeHead(426, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(
        JSON.stringify({ error: { code: 'update_needed', message: `This hub serves Rapport ${opts.version.minDesktop} or later; this computer has ${desktop}. Ask IT to update Rapport.` } }),
      );
      return;
    }
    await next(req, res);
  };
}
