import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import pinoRoll from 'pino-roll';
import { logOptions } from '../../shared/log-options';

export const logDir = (dataDir: string) => join(dataDir, 'logs');

/**
 * Which process writes a log: the core (`rapport.N.log`, component `desktop`) or Electron's main
 * process (`main.N.log`, component `main`). Each has its own files: two processes never rotate one.
 */
export interface LogFile {
  name: 'rapport' | 'main';
  component: string;
}
export const CORE_LOG: LogFile = { name: 'rapport', component: 'desktop' };
export const MAIN_LOG: LogFile = { name: 'main', component: 'main' };

/**
 * The desktop's log: JSON lines in `<data>/logs/rapport.N.log`, a new file every 5 MB, the newest
 * five kept (about 25 MB at most). Card numbers are masked before a line is written.
 */
export async function desktopLogger(
  dataDir: string,
  level = process.env.RAPPORT_LOG_LEVEL ?? 'info',
  rotate = { size: '5m', keep: 5 },
  file: LogFile = CORE_LOG,
): Promise<Logger> {
  const stream = await pinoRoll({ file: join(logDir(dataDir), file.name), extension: '.log', size: rotate.size, limit: { count: rotate.keep }, mkdir: true });
  return pino(logOptions(file.component, level), stream);
}

/** The last lines of one log, newest file last, for "Copy diagnostics". */
export function recentLogLines(dir: string, count: number, file: LogFile = CORE_LOG): string[] {
  if (!existsSync(dir)) return [];
  const pattern = new RegExp(`^${file.name}\\.(\\d+)\\.log$`);
  const files = readdirSync(dir)
    .map((f) => ({ f, n: Number(pattern.exec(f)?.[1] ?? NaN) }))
    .filter((x) => !Number.isNaN(x.n))
    .sort((a, b) => b.n - a.n);
  const lines: string[] = [];
  for (const { f } of files) {
    const text = readFileSync(join(dir, f), 'utf8').trimEnd();
    lines.unshift(...(text ? text.split('\n') : []));
    if (lines.length >= count) break;
  }
  return lines.slice(-count);
}

type LogMethod = (obj: object, msg: string) => void;
/** What the core's services log through (the rotating file in both hosts, the console in tests). */
export interface CoreLog {
  info: LogMethod;
  warn: LogMethod;
  error: LogMethod;
}
export const consoleLog: CoreLog = {
  info: (obj, msg) => console.log(`[core] ${msg}`, obj),
  warn: (obj, msg) => console.warn(`[core] ${msg}`, obj),
  error: (obj, msg) => console.error(`[core] ${msg}`, obj),
};
export interface DesktopLog extends CoreLog {
  /** Resolves once lines go to the rotating file (until then they go to standard error). */
  ready: Promise<void>;
}

/** A log usable at once (CommonJS bundles have no top-level await); the file takes over when open. */
export function openDesktopLog(dataDir: string, file: LogFile = CORE_LOG): DesktopLog {
  const level = process.env.RAPPORT_LOG_LEVEL ?? 'info';
  let current: Logger = pino(logOptions(file.component, level), pino.destination(2));
  const ready = desktopLogger(dataDir, level, undefined, file).then(
    (file) => void (current = file),
    (err: unknown) => current.error({ err }, 'cannot open the log folder; logging to standard error'),
  );
  return {
    info: (obj, msg) => current.info(obj, msg),
    warn: (obj, msg) => current.warn(obj, msg),
    error: (obj, msg) => current.error(obj, msg),
    ready,
  };
}
