import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Finds Electron's binary without running anything that would try to download it: the electron
 * package writes `path.txt` only once its binary has been installed.
 */
export function electronBinary(root = process.cwd()): string | null {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}
