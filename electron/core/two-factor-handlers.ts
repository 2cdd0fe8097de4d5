import type { TwoFactorRequestResults } from '../../shared/contract/two-factor';
import type { RequestName } from '../../shared/contract/requests';
import type { SecondStepReply, TwoFactorEnrolment, TwoFactorPolicy, TwoFactorStatus } from '../../shared/schemas/two-factor';
import type { DesktopCore } from './core';
import { CoreError } from './errors';
import type { Handlers } from './router';

type TwoFactorHandlers = Pick<Handlers, Extract<RequestName, keyof TwoFactorRequestResults | 'session.secondStep' | 'session.cancelSecondStep'>>;

/** Two-factor sign-in: the second step of signing in, one's own app in Settings, and the admin's controls. */
export function twoFactorHandlers(core: DesktopCore): TwoFactorHandlers {
  const pending = () => {
    if (!core.secondStep) throw new CoreError('signed_out', 'Sign in with your username and password first.');
    return core.secondStep;
  };
  const hub = () => {
    core.requireSignedIn();
    return core.hub;
  };
  return {
    'session.secondStep': async (typed) => {
      const { challenge } = pending();
      const reply = await core.hub.post<SecondStepReply>('/api/session/two-factor', { challenge, ...typed }).catch((err: unknown) => {
        // An expired sign-in starts again from the password.
        if (err instanceof CoreError && err.code === 'sign_in_expired') {
          core.secondStep = null;
          core.emit('session.changed', core.sessionState);
        }
        throw err;
      });
      const { recoveryCodes, ...session } = reply;
      return { state: core.begin(session), recoveryCodes: recoveryCodes ?? null };
    },
    'session.enrolApp': async () => core.hub.post<TwoFactorEnrolment>('/api/session/two-factor/enrolment', { challenge: pending().challenge }),
    'session.cancelSecondStep': async () => {
      core.secondStep = null;
      core.emit('session.changed', core.sessionState);
      return core.sessionState;
    },
    'twoFactor.status': () => hub().get<TwoFactorStatus>('/api/me/two-factor'),
    'twoFactor.start': () => hub().post<TwoFactorEnrolment>('/api/me/two-factor/enrolment'),
    'twoFactor.confirm': (args) => hub().post<{ recoveryCodes: string[] }>('/api/me/two-factor/confirm', args),
    'twoFactor.renewCodes': (args) => hub().post<{ recoveryCodes: string[] }>('/api/me/two-factor/recovery-codes', args),
    'twoFactor.disable': async (args) => {
      await hub().post('/api/me/two-factor/disable', args);
      return hub().get<TwoFactorStatus>('/api/me/two-factor');
    },
    'twoFactor.policy': () => hub().get<TwoFactorPolicy>('/api/two-factor/policy'),
    'twoFactor.setPolicy': (policy) => hub().put<TwoFactorPolicy>('/api/two-factor/policy', policy),
    'twoFactor.reset': async ({ userId }) => {
      await hub().request('DELETE', `/api/users/${encodeURIComponent(userId)}/two-factor`);
      return { ok: true as const };
    },
  };
}
