import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles the Electron side: main and the core as CommonJS for Electron's Node, and the preload
 * as ONE CommonJS file (a sandboxed preload cannot `require` our modules).
 */
export async function bundleElectron(outdir = 'dist/electron'): Promise<void> {
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: 'warning' } as const;
  await Promise.all([
    build({ ...common, entryPoints: { main: 'electron/main/main.ts' }, outdir, outExtension: { '.js': '.cjs' }, external: ['electron', 'libsql', 'electron-updater'] }),
    build({ ...common, entryPoints: { core: 'electron/core/utility-entry.ts' }, outdir, outExtension: { '.js': '.cjs' }, external: ['libsql', 'bufferutil', 'utf-8-validate'] }),
    build({ ...common, entryPoints: { preload: 'electron/preload/preload.ts' }, outdir, outExtension: { '.js': '.cjs' }, external: ['electron'] }),
  ]);
  // The tray and the taskbar overlay use the small icon next to main.cjs.
  mkdirSync(join(outdir, 'icons'), { recursive: true });
  copyFileSync(join('build', 'icons', 'tray.png'), join(outdir, 'icons', 'tray.png'));
}

if (import.meta.url === `file://${process.argv[1]}`) await bundleElectron();
