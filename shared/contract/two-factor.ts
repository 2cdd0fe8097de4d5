import { z } from 'zod';
import { codeRequest, recoveryCode, totpCode, twoFactorPolicy, type TwoFactorEnrolment, type TwoFactorPolicy, type TwoFactorStatus } from '../schemas/two-factor';

/**
 * Two-factor sign-in through the desktop core. During sign-in the core keeps the hub's challenge
 * itself; the page only sends what the person types. Signed in: one's own app and recovery codes,
 * and for admins the per-role requirement and a reset.
 */
export const twoFactorRequestArgs = {
  /** The second step: a code from the app, or a recovery code. */
  'session.secondStep': z.union([z.object({ code: totpCode }).strict(), z.object({ recoveryCode }).strict()]),
  /** A role that must use it sets the app up during sign-in. */
  'session.enrolApp': z.object({}),
  /** Back to username and password. */
  'session.cancelSecondStep': z.object({}),
  'twoFactor.status': z.object({}),
  'twoFactor.start': z.object({}),
  'twoFactor.confirm': codeRequest,
  'twoFactor.renewCodes': codeRequest,
  'twoFactor.disable': codeRequest,
  'twoFactor.policy': z.object({}),
  'twoFactor.setPolicy': twoFactorPolicy,
  'twoFactor.reset': z.object({ userId: z.string().min(1).max(120) }),
} as const;

/** `session.secondStep` and `session.cancelSecondStep` answer a SessionState: their results are in requests.ts. */
export interface TwoFactorRequestResults {
  'session.enrolApp': TwoFactorEnrolment;
  'twoFactor.status': TwoFactorStatus;
  'twoFactor.start': TwoFactorEnrolment;
  'twoFactor.confirm': { recoveryCodes: string[] };
  'twoFactor.renewCodes': { recoveryCodes: string[] };
  'twoFactor.disable': TwoFactorStatus;
  'twoFactor.policy': TwoFactorPolicy;
  'twoFactor.setPolicy': TwoFactorPolicy;
  'twoFactor.reset': { ok: true };
}
