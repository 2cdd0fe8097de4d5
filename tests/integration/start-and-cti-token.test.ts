import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { supervise } from '../../scripts/supervise';
import { spawnDesktop } from '../support/processes';

/** Waits for a state (never for a time): resolves once `check` holds, polling on each output chunk or timer tick. */
async function until(check: () => boolean, what: string, limitMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > limitMs) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('npm start keeps the hub when the desktop dies', () => {
  it('starts a desktop that died again, and treats a hub that died as fatal', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-supervise-'));
    const marker = join(dir, 'died-once');
    // Ready at once; the first run dies as a crash would, the second stays up.
    const script = `const fs=require('fs');console.log('listening on x');if(!fs.existsSync(${JSON.stringify(marker)})){fs.writeFileSync(${JSON.stringify(marker)},'');process.exit(3)}setInterval(()=>{},1000)`;
    let out = '';
    const fatal: (number | null)[] = [];
    const desktop = supervise({
      name: 'desktop',
      command: [process.execPath, '-e', script],
      env: process.env,
      ready: /listening on/,
      restart: true,
      write: (t) => (out += t),
      onFatal: (c) => fatal.push(c),
    });
    try {
      await desktop.ready;
      await until(() => desktop.restarts === 1 && (out.match(/listening on/g) ?? []).length === 2, 'the desktop to come back');
      expect(out).toMatch(/desktop stopped \(exit 3\); starting it again/);
      expect(fatal).toEqual([]);
    } finally {
      desktop.stop();
    }

    const hub = supervise({
      name: 'hub',
      command: [process.execPath, '-e', "console.log('listening on y');setTimeout(()=>process.exit(4),100)"],
      env: process.env,
      ready: /listening on/,
      restart: false,
      write: () => undefined,
      onFatal: (c) => fatal.push(c),
    });
    await hub.ready;
    await until(() => fatal.length === 1, 'the hub to be reported');
    expect(fatal).toEqual([4]);
  });
});

describe('the softphone token of a computer', () => {
  it(
    'is made at random once, kept 0600 in the data folder, and used by the desktop and npm run cti',
    { timeout: 180_000 },
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'rapport-cti-token-'));
      const env = {
        RAPPORT_DATA_DIR: dataDir,
        RAPPORT_PORT: '0',
        RAPPORT_CTI_PORT: '0',
        RAPPORT_HUB_URL: 'http://127.0.0.1:9',
        RAPPORT_CTI_TOKEN: '',
      };
      const first = await spawnDesktop(env);
      const file = join(dataDir, 'desktop', 'cti-token');
      let port: string;
      let token: string;
      try {
        expect(existsSync(file)).toBe(true);
        token = readFileSync(file, 'utf8').trim();
        expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
        expect(token).not.toBe('rapport-demo-cti');
        expect(statSync(file).mode & 0o777).toBe(0o600);
        const printed = /softphone webhook at http:\/\/127\.0\.0\.1:(\d+)\/api\/v1\/cti\/(\S+)/.exec(first.output())!;
        expect(printed[2]).toBe(token);
        port = printed[1]!;
        // The simulator finds the token on its own: the desktop accepts it (not 401), though nobody is signed in.
        const sim = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cti.ts', 'ring', '--from', '07700900123'], {
          env: { ...process.env, RAPPORT_DATA_DIR: dataDir, RAPPORT_CTI_PORT: port, RAPPORT_CTI_TOKEN: '' },
          encoding: 'utf8',
        });
        expect(sim.stdout + sim.stderr).toMatch(/newCall sim-\S+ → \d{3}/);
        expect(sim.stdout).not.toMatch(/→ 401/);
      } finally {
        await first.stop();
      }
      const second = await spawnDesktop(env);
      try {
        expect(readFileSync(file, 'utf8').trim()).toBe(token);
      } finally {
        await second.stop();
      }
    },
  );

  it('npm run cti says to start Rapport first when this computer has no token yet', { timeout: 60_000 }, () => {
    const empty = mkdtempSync(join(tmpdir(), 'rapport-no-token-'));
    const sim = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cti.ts', 'ring', '--from', '07700900123'], {
      env: { ...process.env, RAPPORT_DATA_DIR: empty, RAPPORT_CTI_TOKEN: '' },
      encoding: 'utf8',
    });
    expect(sim.status).toBe(1);
    expect(sim.stderr).toMatch(/No softphone token .* start Rapport once/);
  });
});
