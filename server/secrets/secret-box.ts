import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

const PREFIX = 'enc:v1:';

/** A sealed value could not be opened: another key sealed it, or it was altered. */
export class SecretUnreadable extends Error {
  constructor(purpose: string) {
    super(`A stored secret (${purpose}) cannot be opened with this hub's secret key: was the key changed or lost?`);
  }
}

/**
 * Seals the hub's secrets (the PBX secret, two-factor keys) with AES-256-GCM under a key kept outside
 * the database. Each value is bound to its purpose (`pbx:main`, `totp:<user id>`), so a sealed value
 * copied onto another row does not open there.
 */
export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('The secret key must be 32 bytes.');
  }

  static isSealed(value: string): boolean {
    return value.startsWith(PREFIX);
  }

  seal(plain: string, purpose: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(purpose));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return PREFIX + [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join(':');
  }

  open(sealed: string, purpose: string): string {
    const parts = sealed.startsWith(PREFIX) ? sealed.slice(PREFIX.length).split(':') : [];
    if (parts.length !== 3) throw new SecretUnreadable(purpose);
    const [iv, tag, body] = parts.map((p) => Buffer.from(p, 'base64url')) as [Buffer, Buffer, Buffer];
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
      decipher.setAAD(Buffer.from(purpose));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretUnreadable(purpose);
    }
  }

  /** Names the key without revealing it, so hub instances can tell whether they share one. */
  get fingerprint(): string {
    return createHmac('sha256', this.key).update('rapport secret key fingerprint').digest('hex').slice(0, 32);
  }
}
