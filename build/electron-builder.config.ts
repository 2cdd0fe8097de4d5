import type { Configuration } from 'electron-builder';
import { flipRapportFuses } from './fuses';
import { notariseRapport } from './notarise';

/**
 * How Rapport is packaged for managed fleets (electron-builder; see README "Installing Rapport on
 * a fleet"). `npm run package` runs it for the current platform where Electron's binary exists.
 */
const config: Configuration = {
  appId: 'uk.co.rapport.desktop',
  productName: 'Rapport',
  executableName: 'rapport',
  copyright: 'Copyright © Rapport',
  directories: { output: 'dist/installers', buildResources: 'build' },
  // Bundled by esbuild and vite: main, core and preload in dist/electron, the page in dist/renderer.
  files: ['dist/electron/**/*', 'dist/renderer/**/*', 'package.json', '!**/*.map'],
  extraMetadata: { main: 'dist/electron/main.cjs' },
  asar: true,
  // libsql is a Node-API binary: it must be a real file on disk, and needs no rebuild for Electron.
  asarUnpack: ['node_modules/libsql/**/*', 'node_modules/@libsql/**/*'],
  npmRebuild: false,
  afterPack: flipRapportFuses as Configuration['afterPack'],
  afterSign: notariseRapport as Configuration['afterSign'],
  protocols: [{ name: 'Telephone number', schemes: ['tel'] }],
  // The feed is read at run time from the machine's policy file (updates are off without one);
  // this entry only makes electron-builder write latest*.yml for IT to upload to that feed.
  publish: [{ provider: 'generic', url: 'https://updates.rapport.invalid/desktop' }],
  win: {
    target: [
      { target: 'nsis', arch: ['x64'] },
      { target: 'msi', arch: ['x64'] },
    ],
    icon: 'build/icons/icon.ico',
    artifactName: '${productName}-${version}-${arch}.${ext}',
  },
  // Per-machine installs for software-distribution tools: `Rapport-x.y.z-x64.exe /S` or
  // `msiexec /i Rapport-x.y.z-x64.msi /qn`.
  nsis: {
    oneClick: true,
    perMachine: true,
    allowElevation: true,
    runAfterFinish: false,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    deleteAppDataOnUninstall: false,
  },
  msi: {
    oneClick: true,
    perMachine: true,
    runAfterFinish: false,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    upgradeCode: '6b1c2f3e-7a4d-4c1e-9b2a-5d8e0f6a7c31',
  },
  mac: {
    target: [{ target: 'dmg', arch: ['x64', 'arm64'] }],
    category: 'public.app-category.business',
    icon: 'build/icons/icon.icns',
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
    // Our afterSign hook notarises, with credentials from the environment.
    notarize: false,
  },
  dmg: { sign: false },
  linux: {
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ],
    icon: 'build/icons/icon.png',
    category: 'Office',
    maintainer: 'Rapport <support@rapport.invalid>',
    synopsis: 'The agent desktop for contact centres',
    mimeTypes: ['x-scheme-handler/tel'],
  },
  deb: { priority: 'optional' },
};

export default config;
