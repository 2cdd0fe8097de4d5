import { arch, platform, release } from 'node:os';
import { redactCardData } from '../../shared/redaction';
import type { DesktopCore } from './core';
import { MAIN_LOG, recentLogLines } from './log';

/**
 * The text a person pastes to the service desk: versions, which hub and from where, the link and
 * sync state, the store's schema, and the last log lines. No token, no password; card numbers
 * masked again in case a line predates masking.
 */
export function collectDiagnostics(core: DesktopCore, opts: { logDir: string; now?: Date; electron?: string }): string {
  const setup = core.setup.status;
  const session = core.sessionState;
  const connection = core.connection;
  const lines = [
    `Rapport desktop ${setup.version}`,
    `Collected: ${(opts.now ?? new Date()).toISOString()}`,
    `System: ${platform()} ${release()} ${arch()}; Node ${process.versions.node}${opts.electron ? `; Electron ${opts.electron}` : ''}`,
    `Hub: ${setup.hubUrl ?? 'not set'} (from ${setup.hubSource ?? 'nowhere yet'})`,
    setup.policyProblem ? `Policy problem: ${setup.policyProblem}` : 'Policy: ' + (setup.hubSource === 'policy' ? 'in use' : 'none'),
    `Update needed: ${setup.updateNeeded ? `yes, the hub serves ${setup.updateNeeded.minDesktop} or later` : 'no'}`,
    `Sign-in kept: ${setup.sessionKeeping}`,
    `Signed in: ${session.signedIn ? `yes, as ${session.user.role} at ${session.site.name}${session.offline ? ' (offline)' : ''}` : 'no'}`,
    `Connection: ${connection.state}; last synced ${connection.lastSyncedAt ? new Date(connection.lastSyncedAt).toISOString() : 'never'}`,
    `Offline store schema: ${core.storeSchemaVersion ?? 'not open'}`,
    '',
    'Recent log:',
    ...recentLogLines(opts.logDir, 60),
  ];
  // Electron's main process (the window, tray, updates) keeps its own file beside the core's.
  const main = recentLogLines(opts.logDir, 20, MAIN_LOG);
  if (main.length) lines.push('', 'Recent log of the window process:', ...main);
  return redactCardData(lines.join('\n'));
}
