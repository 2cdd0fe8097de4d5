import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';
import { join } from 'node:path';

/**
 * Electron's fuses, flipped in the packaged binary (they cannot be changed at run time): no
 * running the app as plain Node, no NODE_OPTIONS or --inspect to slip code in, cookies encrypted,
 * and the app loads only from its own asar, whose integrity is checked.
 */
export const RAPPORT_FUSES = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
} as const;

/** The part of electron-builder's afterPack context the hook reads. */
export interface PackedApp {
  appOutDir: string;
  electronPlatformName: string;
  /** electron-builder's Arch enum: 3 is arm64. */
  arch: number;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}

/** Where the packed Electron executable is, per platform. */
export function packedExecutable(context: PackedApp): string {
  const { productFilename } = context.packager.appInfo;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(context.appOutDir, `${productFilename}.app`);
    case 'win32':
      return join(context.appOutDir, `${productFilename}.exe`);
    default:
      // Linux names the binary after `executableName` (electron-builder's own fuse code does the same).
      return join(context.appOutDir, context.packager.executableName ?? productFilename.toLowerCase());
  }
}

/** electron-builder's afterPack hook (before signing, so the signature covers the flipped fuses). */
export async function flipRapportFuses(context: PackedApp): Promise<void> {
  const executable = packedExecutable(context);
  const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  await flipFuses(executable, {
    version: FuseVersion.V1,
    // Apple Silicon refuses an ad-hoc signature that no longer matches; re-sign it until the real signing.
    resetAdHocDarwinSignature: isMac && context.arch === 3,
    ...RAPPORT_FUSES,
  });
  console.log(`[package] fuses flipped in ${executable}`);
}
