import { join } from 'node:path';
import { MAIN_LOG, openDesktopLog, type DesktopLog } from '../core/log';

type ProcessEvents = { on(event: 'uncaughtException' | 'unhandledRejection', listener: (err: unknown) => void): unknown };

/**
 * Electron's main process logs as the core does, beside it: JSON lines in
 * `<data>/desktop/logs/main.N.log`, rotated at 5 MB with the newest five kept, card numbers masked.
 * What main used to print to a console nobody sees on a managed PC now reaches the service desk
 * through "Copy diagnostics".
 */
export function openMainLog(userData: string, proc: ProcessEvents = process): DesktopLog {
  const log = openDesktopLog(join(userData, 'desktop'), MAIN_LOG);
  proc.on('uncaughtException', (err) => log.error({ err }, 'uncaught exception in the main process'));
  proc.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection in the main process'));
  return log;
}
