import type { DesktopCore } from './core';
import { collectDiagnostics } from './diagnostics';
import { logDir } from './log';
import type { Handlers } from './router';

type SetupHandlers = Pick<Handlers, 'setup.status' | 'setup.chooseHub' | 'diagnostics.collect'>;

/** The first-run screen, the "update needed" notice and Settings' "Copy diagnostics". */
export function setupHandlers(core: DesktopCore, opts: { dataDir: string; electron?: string }): SetupHandlers {
  return {
    'setup.status': async () => core.setupStatus,
    'setup.chooseHub': ({ hubUrl, signOut }) => core.chooseHub(hubUrl, { signOut }),
    'diagnostics.collect': async () => ({ text: collectDiagnostics(core, { logDir: logDir(opts.dataDir), electron: opts.electron }) }),
  };
}
