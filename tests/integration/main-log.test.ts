import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DesktopCore } from '../../electron/core/core';
import { collectDiagnostics } from '../../electron/core/diagnostics';
import { logDir, MAIN_LOG, openDesktopLog, recentLogLines } from '../../electron/core/log';
import { openMainLog } from '../../electron/main/main-log';

describe('Electron’s main process logs to rotating files like the core', () => {
  it('writes JSON lines to <data>/desktop/logs/main.N.log, card numbers masked, crashes of its own logged', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'rapport-main-log-'));
    const proc = new EventEmitter();
    const log = openMainLog(userData, proc);
    await log.ready;
    log.error({ code: 3, note: 'customer read out 4111 1111 1111 1111' }, 'the core stopped; starting it again');
    proc.emit('uncaughtException', new Error('a tray that went away'));
    const dir = logDir(join(userData, 'desktop'));
    await expect.poll(() => recentLogLines(dir, 10, MAIN_LOG).length).toBe(2);
    const files = readdirSync(dir);
    expect(files.some((f) => /^main\.\d+\.log$/.test(f))).toBe(true);
    expect(files.some((f) => f.startsWith('rapport.'))).toBe(false); // the core's files are the core's alone
    const [stopped, uncaught] = recentLogLines(dir, 10, MAIN_LOG).map((l) => JSON.parse(l) as Record<string, any>);
    expect(stopped).toMatchObject({ component: 'main', level: 'error', code: 3, msg: 'the core stopped; starting it again' });
    expect(stopped!.note).toContain('411111••••••1111');
    expect(JSON.stringify(stopped)).not.toContain('4111 1111 1111 1111');
    expect(uncaught).toMatchObject({ component: 'main', msg: 'uncaught exception in the main process', err: { message: 'a tray that went away' } });
  });

  it('rotates by size and keeps only the newest files', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rapport-main-rotate-'));
    const { desktopLogger } = await import('../../electron/core/log');
    const log = await desktopLogger(dataDir, 'info', { size: '2k', keep: 2 }, MAIN_LOG);
    for (let i = 0; i < 200; i++) {
      log.info({ i }, `line ${i}`);
      // Writes come in bursts, as in use; between bursts pino-roll's stream gets to check the size.
      if (i % 20 === 19) await new Promise((r) => setTimeout(r, 20));
    }
    await expect.poll(() => recentLogLines(join(dataDir, 'logs'), 1, MAIN_LOG).join()).toContain('line 199');
    const kept = () => readdirSync(join(dataDir, 'logs')).filter((f) => f.startsWith('main.'));
    expect(kept().length).toBeGreaterThan(1);
    await expect.poll(kept).not.toContain('main.1.log'); // the oldest went (pino-roll removes it after opening the next)
  });

  it('"Copy diagnostics" carries the main process’s recent lines after the core’s', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rapport-main-diag-'));
    const core = openDesktopLog(dataDir);
    const main = openDesktopLog(dataDir, MAIN_LOG);
    await Promise.all([core.ready, main.ready]);
    core.info({}, 'core line');
    main.warn({}, 'no system tray here; closing the window will quit Rapport');
    await expect.poll(() => recentLogLines(logDir(dataDir), 5, MAIN_LOG).length).toBe(1);
    await expect.poll(() => recentLogLines(logDir(dataDir), 5).length).toBe(1);
    const desktop = new DesktopCore({ dataDir, hubUrl: '' });
    const text = collectDiagnostics(desktop, { logDir: logDir(dataDir) });
    expect(text.indexOf('core line')).toBeGreaterThan(-1);
    expect(text.indexOf('Recent log of the window process:')).toBeGreaterThan(text.indexOf('core line'));
    expect(text).toContain('no system tray here');
    await desktop.stop();
  });

  it('main.ts writes nothing to a console nobody sees: every line goes through the log', () => {
    const source = readFileSync(join(import.meta.dirname, '../../electron/main/main.ts'), 'utf8');
    expect(source).toContain("openMainLog(app.getPath('userData'))");
    expect(source).not.toMatch(/console\.(log|warn|error|info)/);
    expect(existsSync(join(import.meta.dirname, '../../electron/main/main-log.ts'))).toBe(true);
  });
});
