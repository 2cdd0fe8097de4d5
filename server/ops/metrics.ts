import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteTable } from '../http/router';

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface HubGauges {
  liveSockets(): number;
  /** null when no PBX is configured. */
  pbxConnected(): boolean | null;
}

const label = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/**
 * The hub's numbers in Prometheus' text format at GET /metrics: requests by route and status,
 * latency as a histogram, live desktop sockets and whether the PBX link is up. Routes are counted
 * by their pattern (`/api/cases/:id`), never by the raw path, so ids cannot grow the series.
 */
export class HubMetrics {
  private readonly requests = new Map<string, number>();
  private readonly bucketCounts = BUCKETS.map(() => 0);
  private sum = 0;
  private count = 0;
  private readonly started = Date.now();

  constructor(private readonly gauges: HubGauges) {}

  observe(method: string, route: string, status: number, seconds: number): void {
    const key = `${method}\u0000${route}\u0000${status}`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    BUCKETS.forEach((b, i) => {
      if (seconds <= b) this.bucketCounts[i]!++;
    });
    this.sum += seconds;
    this.count++;
  }

  render(): string {
    const lines = [
      '# HELP rapport_hub_requests_total HTTP requests answered, by method, route and status.',
      '# TYPE rapport_hub_requests_total counter',
    ];
    for (const [key, n] of [...this.requests].sort()) {
      const [method, route, status] = key.split('\u0000');
      lines.push(`rapport_hub_requests_total{method="${label(method!)}",route="${label(route!)}",status="${status}"} ${n}`);
    }
    lines.push('# HELP rapport_hub_request_duration_seconds Time to answer an HTTP request.', '# TYPE rapport_hub_request_duration_seconds histogram');
    BUCKETS.forEach((b, i) => lines.push(`rapport_hub_request_duration_seconds_bucket{le="${b}"} ${this.bucketCounts[i]}`));
    lines.push(`rapport_hub_request_duration_seconds_bucket{le="+Inf"} ${this.count}`);
    lines.push(`rapport_hub_request_duration_seconds_sum ${this.sum}`, `rapport_hub_request_duration_seconds_count ${this.count}`);
    lines.push('# HELP rapport_hub_live_sockets Desktops connected to live events now.', '# TYPE rapport_hub_live_sockets gauge');
    lines.push(`rapport_hub_live_sockets ${this.gauges.liveSockets()}`);
    const pbx = this.gauges.pbxConnected();
    lines.push('# HELP rapport_hub_pbx_configured Whether a PBX is configured.', '# TYPE rapport_hub_pbx_configured gauge');
    lines.push(`rapport_hub_pbx_configured ${pbx === null ? 0 : 1}`);
    lines.push('# HELP rapport_hub_pbx_connected Whether the PBX Manager Interface link is up.', '# TYPE rapport_hub_pbx_connected gauge');
    lines.push(`rapport_hub_pbx_connected ${pbx ? 1 : 0}`);
    lines.push('# HELP rapport_hub_uptime_seconds Seconds since this hub instance started.', '# TYPE rapport_hub_uptime_seconds gauge');
    lines.push(`rapport_hub_uptime_seconds ${Math.round((Date.now() - this.started) / 1000)}`);
    return lines.join('\n') + '\n';
  }
}

/** The route pattern a request matched, for labels; unknown paths share one label. */
export function routeLabel(table: RouteTable, method: string, url: string | undefined): string {
  const path = new URL(url ?? '/', 'http://hub.invalid').pathname;
  if (path === '/health' || path === '/metrics' || path === '/api/version') return path;
  const match = table.match(method, path);
  return 'route' in match ? match.route.path : 'unmatched';
}

/** Times and counts every answer, and logs one line per request (path without its query). */
export function observeRequests(
  metrics: HubMetrics,
  table: RouteTable,
  log: { info(obj: object, msg: string): void },
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
) {
  return (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      let route = 'unmatched';
      try {
        route = routeLabel(table, req.method ?? 'GET', req.url);
      } catch {
        /* a malformed path (bad % escape) is counted as unmatched */
      }
      metrics.observe(req.method ?? 'GET', route, res.statusCode, seconds);
      log.info({ method: req.method, route, status: res.statusCode, ms: Math.round(seconds * 1000) }, 'request');
    });
    return handler(req, res);
  };
}
