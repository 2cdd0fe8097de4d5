import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chosenHub, policyPath, readPolicy, resolveDeployment, saveChosenHub, softphonePlan } from '../../electron/core/deployment';
import { stateWhenAway } from '../../electron/core/presence';
import { memoryVault } from '../../electron/core/session-vault';
import { vaultPlan } from '../../electron/main/vault-policy';
import { hubAddress } from '../../shared/schemas/deployment';
import { compareVersions, updateNeeded } from '../../shared/versions';

const dir = () => mkdtempSync(join(tmpdir(), 'rapport-deploy-'));
const policyFile = (content: string) => {
  const path = join(dir(), 'policy.json');
  writeFileSync(path, content);
  return path;
};

describe('the machine-wide policy file', () => {
  it('lives where IT tools put machine-wide settings on each platform', () => {
    expect(policyPath('win32', { ProgramData: 'D:\\ProgramData' })).toBe('D:\\ProgramData\\Rapport\\policy.json');
    expect(policyPath('win32', {})).toBe('C:\\ProgramData\\Rapport\\policy.json');
    expect(policyPath('darwin', {})).toBe('/Library/Application Support/Rapport/policy.json');
    expect(policyPath('linux', {})).toBe('/etc/rapport/policy.json');
  });

  it('reads a good policy, with defaults, a BOM from Notepad and the address normalised', () => {
    const read = readPolicy(policyFile('\uFEFF{"hubUrl": "https://rapport.example.co.uk/", "callSource": "pbx", "updateFeed": "https://updates.example.co.uk/rapport/"}'));
    expect(read).toEqual({
      problem: null,
      policy: { hubUrl: 'https://rapport.example.co.uk', callSource: 'pbx', updateFeed: 'https://updates.example.co.uk/rapport/', startAtLogin: false },
    });
    expect(readPolicy(join(dir(), 'absent.json'))).toEqual({ policy: null, problem: null });
  });

  it('names every problem in a bad policy, in words IT can act on', () => {
    expect(readPolicy(policyFile('{"hubUrl": "https://rapport.example.co.uk",')).problem).toMatch(/policy\.json is not valid JSON/);
    const bad = readPolicy(policyFile('{"hubUrl": "http://hub.example.co.uk", "callsource": "pbx", "updateFeed": "http://u.example", "softphonePort": 80}'));
    expect(bad.policy).toBeNull();
    expect(bad.problem).toMatch(/hubUrl: Use https:\/\/ for a hub on another computer/);
    expect(bad.problem).toMatch(/callsource/); // the misspelt key is reported, not ignored
    expect(bad.problem).toMatch(/updateFeed: updateFeed must be an https:\/\/ address/);
    expect(bad.problem).toMatch(/softphonePort/);
    expect(readPolicy(policyFile('[]')).problem).toMatch(/cannot be used/);
  });

  it('wins over the environment and the first-run choice; a broken one is not replaced by a person’s choice', () => {
    const dataDir = dir();
    saveChosenHub(dataDir, 'https://chosen.example.co.uk');
    const policy = readPolicy(policyFile('{"hubUrl": "https://it.example.co.uk"}'));
    expect(resolveDeployment({ policy, env: { RAPPORT_HUB_URL: 'http://127.0.0.1:5782' }, dataDir })).toMatchObject({ hubUrl: 'https://it.example.co.uk', hubSource: 'policy' });
    expect(resolveDeployment({ policy: { policy: null, problem: 'broken' }, env: {}, dataDir })).toEqual({ hubUrl: null, hubSource: null, policy: null, policyProblem: 'broken' });
    expect(resolveDeployment({ policy: { policy: null, problem: null }, env: { RAPPORT_HUB_URL: 'http://127.0.0.1:5782/' }, dataDir })).toMatchObject({ hubUrl: 'http://127.0.0.1:5782', hubSource: 'environment' });
    expect(resolveDeployment({ policy: { policy: null, problem: null }, env: {}, dataDir })).toMatchObject({ hubUrl: 'https://chosen.example.co.uk', hubSource: 'chosen' });
    expect(resolveDeployment({ policy: { policy: null, problem: null }, env: {}, dataDir: dir() })).toMatchObject({ hubUrl: null, hubSource: null });
  });

  it('keeps the first-run choice only if it is still a valid address', () => {
    const dataDir = dir();
    writeFileSync(join(dataDir, 'hub-address.json'), '{"hubUrl": "ftp://nope"}');
    expect(chosenHub(dataDir)).toBeNull();
    writeFileSync(join(dataDir, 'hub-address.json'), 'not json');
    expect(chosenHub(dataDir)).toBeNull();
  });

  it('turns the softphone webhook off when calls come from the PBX only', () => {
    expect(softphonePlan(null, {})).toEqual({ listen: true, port: 5781 });
    expect(softphonePlan(null, { RAPPORT_CTI_PORT: '0' })).toEqual({ listen: true, port: 0 });
    const policy = readPolicy(policyFile('{"hubUrl": "https://h.example", "callSource": "pbx"}')).policy;
    expect(softphonePlan(policy, {}).listen).toBe(false);
    const soft = readPolicy(policyFile('{"hubUrl": "https://h.example", "callSource": "softphone", "softphonePort": 6001}')).policy;
    expect(softphonePlan(soft, { RAPPORT_CTI_PORT: '7000' })).toEqual({ listen: true, port: 6001 });
  });
});

describe('a hub address typed on the first-run screen', () => {
  const parse = (s: string) => hubAddress.safeParse(s);
  it('accepts what people type and keeps only the origin', () => {
    expect(parse('rapport.example.co.uk').data).toBe('https://rapport.example.co.uk');
    expect(parse('  HTTPS://Rapport.Example.co.uk:8443/ ').data).toBe('https://rapport.example.co.uk:8443');
    expect(parse('http://127.0.0.1:5782').data).toBe('http://127.0.0.1:5782');
  });
  it('refuses plain http to another computer, credentials, paths and other schemes, saying why', () => {
    const message = (s: string) => parse(s).error?.issues[0]?.message;
    expect(message('http://hub.example.co.uk')).toMatch(/Use https:\/\//);
    expect(message('https://me:pw@hub.example.co.uk')).toMatch(/Leave the user name and password out/);
    expect(message('https://hub.example.co.uk/login?x=1')).toMatch(/without a path/);
    expect(message('javascript:alert(1)')).toMatch(/https:\/\//);
    expect(message('')).toMatch(/Enter the hub address/);
    expect(message('https://exa mple')).toMatch(/not a web address/);
  });
});

describe('versions', () => {
  it('compares numerically and tells an old desktop it needs an update', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBeGreaterThan(0);
    expect(compareVersions('v2.0.0-beta.1', '2.0.0')).toBe(0);
    expect(updateNeeded('1.3.9', { hub: '1.5.0', minDesktop: '1.4.0' })).toBe(true);
    expect(updateNeeded('1.4.0', { hub: '1.5.0', minDesktop: '1.4.0' })).toBe(false);
    expect(updateNeeded('1.0.0', { minDesktop: 'soon' })).toBe(false); // a malformed answer never blocks
    expect(updateNeeded('1.0.0', null)).toBe(false);
    expect(() => compareVersions('x', '1.0.0')).toThrow(/not a version: "x"/);
  });
});

describe('keeping the sign-in', () => {
  it('writes it to disk only under a key the OS keychain protects', () => {
    expect(vaultPlan({ encryptionAvailable: true, platform: 'win32' })).toEqual({ mode: 'encrypted' });
    expect(vaultPlan({ encryptionAvailable: true, platform: 'linux', linuxBackend: 'gnome_libsecret' })).toEqual({ mode: 'encrypted' });
    expect(vaultPlan({ encryptionAvailable: true, platform: 'linux', linuxBackend: 'basic_text' })).toMatchObject({ mode: 'process-only', notice: expect.stringMatching(/keyring/) });
    expect(vaultPlan({ encryptionAvailable: false, platform: 'darwin' })).toMatchObject({ mode: 'process-only', notice: expect.stringMatching(/sign in again/) });
  });

  it('keeps it in memory only when there is no keychain', () => {
    const vault = memoryVault();
    expect(vault.load()).toBeNull();
    const session = { token: 't'.repeat(40), savedAt: 1, hubUrl: 'https://h' } as never;
    vault.save(session);
    expect(vault.load()).toBe(session);
    vault.clear();
    expect(vault.load()).toBeNull();
  });
});

describe('away from the desk', () => {
  it('a locked screen or sleep makes a Ready advisor Not ready, and leaves chosen states alone', () => {
    expect(stateWhenAway('lock-screen', 'ready')).toEqual({ state: 'not_ready', reason: 'Screen locked' });
    expect(stateWhenAway('suspend', 'ready')).toEqual({ state: 'not_ready', reason: 'Computer asleep' });
    expect(stateWhenAway('lock-screen', 'protected_pause')).toBeNull();
    expect(stateWhenAway('suspend', 'after_call_work')).toBeNull();
    expect(stateWhenAway('unlock-screen', 'not_ready')).toBeNull(); // coming back never sets Ready by itself
  });
});
