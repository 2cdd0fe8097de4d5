import { homedir, platform } from 'node:os';
import { join } from 'node:path';

/** Where Rapport keeps its data when RAPPORT_DATA_DIR is not set: the OS's per-user place. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.RAPPORT_DATA_DIR) return env.RAPPORT_DATA_DIR;
  switch (platform()) {
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Rapport');
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', 'Rapport');
    default:
      return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'rapport');
  }
}
