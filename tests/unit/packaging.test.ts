import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, matchesGlob } from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import type { Configuration } from 'electron-builder';
import config from '../../build/electron-builder.config';
import { flipRapportFuses, packedExecutable, RAPPORT_FUSES } from '../../build/fuses';
import { notarisePlan } from '../../build/notarise';
import { cannotPackageReason } from '../../scripts/package';

type Targets = { target: string; arch?: string[] }[];
const targets = (t: unknown) => (t as Targets).map((x) => x.target);

describe('the packaging configuration, checked as data (Electron cannot be downloaded here)', () => {
  it("passes electron-builder's own schema validation", async () => {
    const { validateConfiguration } = (await import('app-builder-lib/out/util/config/config.js')) as unknown as {
      validateConfiguration(c: Configuration, log: { isEnabled: boolean; add(): void }): Promise<void>;
    };
    await expect(validateConfiguration(config, { isEnabled: false, add: () => undefined })).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, nsis: { perMachine: 'yes' } } as never, { isEnabled: false, add: () => undefined })).rejects.toThrow(/perMachine/);
  });

  it('builds NSIS and MSI per machine for Windows fleets, a hardened and notarised dmg, AppImage and deb', () => {
    expect(config.appId).toBe('uk.co.rapport.desktop');
    expect(config.productName).toBe('Rapport');
    expect(targets(config.win!.target)).toEqual(['nsis', 'msi']);
    expect(config.nsis).toMatchObject({ perMachine: true, oneClick: true, runAfterFinish: false });
    expect(config.msi).toMatchObject({ perMachine: true, runAfterFinish: false });
    expect(config.msi!.upgradeCode).toMatch(/^[0-9a-f-]{36}$/);
    expect(targets(config.mac!.target)).toEqual(['dmg']);
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: false });
    expect(typeof config.afterSign).toBe('function');
    const entitlements = readFileSync(config.mac!.entitlements!, 'utf8');
    expect(entitlements).toContain('com.apple.security.cs.allow-jit');
    expect(entitlements).not.toContain('disable-library-validation');
    expect(targets(config.linux!.target)).toEqual(['AppImage', 'deb']);
    expect(config.protocols).toEqual([{ name: 'Telephone number', schemes: ['tel'] }]);
    expect(config.linux!.mimeTypes).toContain('x-scheme-handler/tel');
  });

  it("unpacks libsql's native module from the asar, and every .node file the install has", () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(false);
    const patterns = config.asarUnpack as string[];
    const natives = readdirSync('node_modules/@libsql').flatMap((pkg) =>
      readdirSync(join('node_modules/@libsql', pkg)).filter((f) => f.endsWith('.node')).map((f) => `node_modules/@libsql/${pkg}/${f}`),
    );
    expect(natives.length).toBeGreaterThan(0);
    for (const file of [...natives, 'node_modules/libsql/index.js']) expect(patterns.some((p) => matchesGlob(file, p))).toBe(true);
    expect(patterns.some((p) => matchesGlob('node_modules/react/index.js', p))).toBe(false);
  });

  it('packs the bundles electron-builder starts from', () => {
    expect(config.extraMetadata).toEqual({ main: 'dist/electron/main.cjs' });
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**/*', 'dist/renderer/**/*', '!**/*.map']));
  });

  it('has icons for every platform, made here', () => {
    const png = readFileSync(config.linux!.icon!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(512);
    const ico = readFileSync(config.win!.icon!);
    expect(ico.readUInt16LE(2)).toBe(1);
    expect(ico.readUInt16LE(4)).toBe(7);
    const icns = readFileSync(config.mac!.icon!);
    expect(icns.subarray(0, 4).toString()).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
  });

  it('keeps secrets out: no signing passwords, certificates or keys in the config or build folder', () => {
    const text = JSON.stringify(config) + readdirSync('build').filter((f) => /\.(ts|json|plist|yml)$/.test(f)).map((f) => readFileSync(join('build', f), 'utf8')).join('\n');
    expect(text).not.toMatch(/cscLink|cscKeyPassword|certificatePassword|appleIdPassword"\s*:|BEGIN [A-Z ]*PRIVATE KEY/);
    expect(text).not.toMatch(/APPLE_(ID|APP_SPECIFIC_PASSWORD|API_KEY)\s*[=:]\s*['"][^'"]+['"]/);
    expect(JSON.stringify(config)).not.toMatch(/password|secret|token/i);
  });
});

describe('fuses', () => {
  it('turn off RunAsNode, NODE_OPTIONS and --inspect, and turn on cookie encryption, asar integrity and asar-only loading', () => {
    expect(RAPPORT_FUSES).toMatchObject({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    });
  });

  it('are flipped by the afterPack hook in the packed binary', async () => {
    // A stand-in binary with Electron's real fuse wire (sentinel, version 1, 8 fuses as Electron ships them).
    const dir = mkdtempSync(join(tmpdir(), 'rapport-fuses-'));
    const shipped = Buffer.from('10110001', 'ascii');
    writeFileSync(join(dir, 'rapport'), Buffer.concat([Buffer.from('\x7fELF...'), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, 8]), shipped, Buffer.from('...')]));
    const context = { appOutDir: dir, electronPlatformName: 'linux', arch: 1, packager: { appInfo: { productFilename: 'Rapport' }, executableName: 'rapport' } };
    expect(packedExecutable(context)).toBe(join(dir, 'rapport'));
    expect(packedExecutable({ ...context, electronPlatformName: 'win32' })).toBe(join(dir, 'Rapport.exe'));
    expect(packedExecutable({ ...context, electronPlatformName: 'darwin' })).toBe(join(dir, 'Rapport.app'));
    await flipRapportFuses(context);
    const wire = await getCurrentFuseWire(join(dir, 'rapport'));
    const on = (fuse: FuseV1Options) => wire[fuse] === 49; // '1'
    expect(on(FuseV1Options.RunAsNode)).toBe(false);
    expect(on(FuseV1Options.EnableCookieEncryption)).toBe(true);
    expect(on(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(false);
    expect(on(FuseV1Options.EnableNodeCliInspectArguments)).toBe(false);
    expect(on(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(true);
    expect(on(FuseV1Options.OnlyLoadAppFromAsar)).toBe(true);
    expect(on(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(false);
  });
});

describe('notarisation', () => {
  it('reads credentials only from the environment, in any of the three forms Apple accepts', () => {
    expect(notarisePlan({ APPLE_ID: 'a@b.example', APPLE_APP_SPECIFIC_PASSWORD: 'x', APPLE_TEAM_ID: 'T1' }, 'darwin')).toEqual({
      notarise: true,
      credentials: { appleId: 'a@b.example', appleIdPassword: 'x', teamId: 'T1' },
    });
    expect(notarisePlan({ APPLE_API_KEY: '/k.p8', APPLE_API_KEY_ID: 'K', APPLE_API_ISSUER: 'I' }, 'darwin')).toMatchObject({ notarise: true });
    expect(notarisePlan({ APPLE_KEYCHAIN_PROFILE: 'rapport' }, 'darwin')).toEqual({ notarise: true, credentials: { keychainProfile: 'rapport' } });
  });

  it('says why it is skipped: partial credentials or another platform', () => {
    const partial = notarisePlan({ APPLE_ID: 'a@b.example' }, 'darwin');
    expect(partial.notarise).toBe(false);
    expect(!partial.notarise && partial.reason).toMatch(/APPLE_APP_SPECIFIC_PASSWORD/);
    expect(notarisePlan({ APPLE_KEYCHAIN_PROFILE: 'p' }, 'win32')).toEqual({ notarise: false, reason: 'only macOS builds are notarised' });
  });
});

describe('npm run package on a machine without Electron', () => {
  it('says plainly why it cannot build, and downloads nothing', () => {
    expect(cannotPackageReason()).toMatch(/Electron's binary is not installed/);
    const run = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/package.ts'], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("Cannot package Rapport here: Electron's binary is not installed");
    expect(existsSync('node_modules/electron/dist')).toBe(false);
    expect(existsSync('dist/installers')).toBe(false);
  }, 130_000);
});
