import { base32Decode, hotp, stepAt } from '../../server/accounts/totp';
import { DEMO_PASSWORD } from '../../server/seed/organisation';
import { hubClient, signInAs } from './client';

/** What the person's authenticator app shows now (or `steps` later: a code not used yet). */
export const codeFor = (secret: string, steps = 0, now = Date.now()): string => hotp(base32Decode(secret), stepAt(now) + steps);

/** The sign-in's first step: the password, answered with a challenge when a code is needed. */
export async function passwordStep(url: string, username: string, password = DEMO_PASSWORD) {
  const res = await hubClient(url).post('/api/session', { username, password });
  return res as { status: number; body: { twoFactor?: 'code' | 'enrol'; challenge?: string; token?: string; error?: { code: string } } };
}

/** The second step with a code or a recovery code. */
export const secondStep = (url: string, body: { challenge: string; code?: string; recoveryCode?: string }) => hubClient(url).post('/api/session/two-factor', body);

/** Turns two-factor sign-in on from Settings, as the person would: the key, then the first code. */
export async function enrolByApi(url: string, username: string) {
  const me = await signInAs(url, username);
  const started = await me.client.post('/api/me/two-factor/enrolment');
  const secret = started.body.secret as string;
  const confirmed = await me.client.post('/api/me/two-factor/confirm', { code: codeFor(secret) });
  if (confirmed.status !== 200) throw new Error(`two-factor not turned on for ${username}: ${JSON.stringify(confirmed.body)}`);
  return { secret, uri: started.body.uri as string, recoveryCodes: confirmed.body.recoveryCodes as string[], me };
}
