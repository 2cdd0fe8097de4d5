import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { bundleElectron } from '../build/bundle-electron';
import { electronBinary } from '../build/electron-binary';

/**
 * `npm run package`: installers for the platform this runs on (Windows: NSIS + MSI, macOS: dmg,
 * Linux: AppImage + deb), built from the Electron binary already installed, never downloading one.
 */
export function cannotPackageReason(root = process.cwd()): string | null {
  if (electronBinary(root)) return null;
  return [
    "Cannot package Rapport here: Electron's binary is not installed (node_modules/electron/path.txt is missing).",
    'npm skips install scripts on this machine and it has no internet to download Electron from, so nothing was built.',
    'On a build machine with internet: run `npx install-electron` (or `npm rebuild electron`), then `npm run package`.',
    'electron-builder also fetches its own tools there (NSIS, WiX, appimagetool, fpm) on first use.',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const reason = cannotPackageReason();
  if (reason) {
    console.error(reason);
    process.exit(1);
  }
  const binary = electronBinary()!;
  const electronVersion = (JSON.parse(readFileSync(join('node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  };
  run([join('node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn']);
  await bundleElectron();
  // electronDist points at the installed binary's folder, so electron-builder downloads no Electron.
  const electronDist = binary.includes('.app/') ? binary.slice(0, binary.indexOf('.app/')).replace(/[^/]+$/, '') : dirname(binary);
  run([
    join('node_modules', 'electron-builder', 'cli.js'),
    '--config', 'build/electron-builder.config.ts',
    '--publish', 'never',
    `-c.electronDist=${electronDist}`,
    `-c.electronVersion=${electronVersion}`,
  ]);
  console.log('[package] installers are in dist/installers');
}
