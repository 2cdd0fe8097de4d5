import { renameSync, writeFileSync } from 'node:fs';

/**
 * Writes `text` to `path` whole or not at all: to a file beside it, then renamed over it, so a
 * reader (or a start after a crash) never finds the file empty or cut short.
 */
export function writeFileWhole(path: string, text: string): void {
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, path);
}
