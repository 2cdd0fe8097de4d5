import { bundleElectron } from '../../build/bundle-electron';
import { cannotPackageReason } from '../../scripts/package';
import { existsSync } from 'node:fs';

export default async function globalSetup(): Promise<void> {
  const reason = cannotPackageReason();
  if (reason) throw new Error(`The Electron suite needs Electron's binary. ${reason.split('\n').slice(1).join(' ')}`);
  if (!existsSync('dist/renderer/index.html')) throw new Error('The renderer is not built: run `npm run build` first (npm run test:electron does).');
  await bundleElectron();
}
