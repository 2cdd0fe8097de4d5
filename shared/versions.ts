/** Versions as `major.minor.patch` (a pre-release suffix is ignored); a malformed one is null. */
export function parseVersion(v: string): [number, number, number] | null {
  const m = /^v?(\d{1,6})\.(\d{1,6})\.(\d{1,6})(?:[-+].*)?$/.exec(v.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** Negative when a is older than b, 0 when the same, positive when newer. */
export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) throw new Error(`not a version: "${x ? b : a}"`);
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/** What the hub announces at GET /api/version: its own version and the oldest desktop it serves. */
export interface HubVersion {
  hub: string;
  minDesktop: string;
}

/** The header a desktop sends its version in, so the hub can answer 426 instead of a message it cannot read. */
export const DESKTOP_VERSION_HEADER = 'x-rapport-desktop-version';

/** True when this desktop is older than the oldest the hub serves (a malformed answer never blocks). */
export function updateNeeded(desktop: string, hub: Partial<HubVersion> | null): boolean {
  if (!hub?.minDesktop || !parseVersion(hub.minDesktop) || !parseVersion(desktop)) return false;
  return compareVersions(desktop, hub.minDesktop) < 0;
}
