import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SecretBox, SecretUnreadable } from '../../server/secrets/secret-box';
import { loadSecretKey, parseSecretKey } from '../../server/secrets/secret-key';

describe('hub secrets at rest (AES-256-GCM)', () => {
  const box = new SecretBox(randomBytes(32));

  it('seals so the stored text says nothing of the secret, and opens it again', () => {
    const sealed = box.seal('s3cret-ami', 'pbx:main');
    expect(sealed).toMatch(/^enc:v1:/);
    expect(sealed).not.toContain('s3cret');
    expect(box.seal('s3cret-ami', 'pbx:main')).not.toBe(sealed); // a fresh IV every time
    expect(box.open(sealed, 'pbx:main')).toBe('s3cret-ami');
  });

  it('refuses another key, another purpose, and any altered byte', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP', 'totp:usr_a');
    expect(() => new SecretBox(randomBytes(32)).open(sealed, 'totp:usr_a')).toThrow(SecretUnreadable);
    expect(() => box.open(sealed, 'totp:usr_b')).toThrow(SecretUnreadable);
    const parts = sealed.split(':');
    const body = Buffer.from(parts[4]!, 'base64url');
    body[0]! ^= 1;
    expect(() => box.open([...parts.slice(0, 4), body.toString('base64url')].join(':'), 'totp:usr_a')).toThrow(SecretUnreadable);
    expect(() => box.open('plain text', 'totp:usr_a')).toThrow(SecretUnreadable);
  });

  it('takes RAPPORT_SECRET_KEY as hex or base64 of 32 bytes, and nothing else', () => {
    const key = randomBytes(32);
    expect(parseSecretKey(key.toString('hex')).equals(key)).toBe(true);
    expect(parseSecretKey(`${key.toString('base64')}\n`).equals(key)).toBe(true);
    expect(() => parseSecretKey('correct horse battery staple')).toThrow(/RAPPORT_SECRET_KEY/);
    expect(() => parseSecretKey(randomBytes(16).toString('hex'))).toThrow(/32 bytes/);
    const fromEnv = loadSecretKey({ fromEnvironment: key.toString('hex'), dir: mkdtempSync(join(tmpdir(), 'rapport-key-')) });
    expect(fromEnv.source).toBe('environment');
    expect(fromEnv.box.fingerprint).toBe(new SecretBox(key).fingerprint);
  });

  it('makes the key file once, readable by the hub’s user only, and keeps it', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'rapport-key-')), 'hub');
    const first = loadSecretKey({ dir });
    expect(first.source).toBe('file');
    const path = join(dir, 'secret.key');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(loadSecretKey({ dir }).box.fingerprint).toBe(first.box.fingerprint);
    // A copy restored with loose permissions is tightened.
    chmodSync(path, 0o644);
    loadSecretKey({ dir });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    writeFileSync(path, 'garbage');
    expect(() => loadSecretKey({ dir })).toThrow(/does not hold a secret key/);
    expect(readFileSync(path, 'utf8')).toBe('garbage'); // never overwritten: the old secrets need it
  });
});
