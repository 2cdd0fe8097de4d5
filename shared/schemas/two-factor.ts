import { z } from 'zod';
import { ROLES } from '../roles';
import { sessionView } from './accounts';

/** Six digits from the authenticator app; spaces a person types are dropped. */
export const totpCode = z
  .string()
  .transform((s) => s.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'six digits from your authenticator app'));

/** A one-time recovery code as printed (`abcde-fghij`); case, spaces and dashes do not matter. */
export const recoveryCode = z
  .string()
  .max(40)
  .transform((s) => s.replace(/[\s-]/g, '').toLowerCase())
  .pipe(z.string().regex(/^[a-z2-7]{10}$/, 'a recovery code is ten letters and digits'));

/** The password was right; the hub waits for a code (`code`) or for the person to set up their app (`enrol`). */
export const twoFactorChallenge = z.object({
  twoFactor: z.enum(['code', 'enrol']),
  challenge: z.string(),
  expiresAt: z.number(),
});
export type TwoFactorChallenge = z.infer<typeof twoFactorChallenge>;

export const signInReply = z.union([sessionView, twoFactorChallenge]);
export type SignInReply = z.infer<typeof signInReply>;

export const secondStepRequest = z.union([
  z.object({ challenge: z.string().min(10).max(100), code: totpCode }).strict(),
  z.object({ challenge: z.string().min(10).max(100), recoveryCode }).strict(),
]);
export type SecondStepRequest = z.input<typeof secondStepRequest>;

/** What an authenticator app needs: the key as text and as an otpauth:// address. */
export const twoFactorEnrolment = z.object({ secret: z.string(), uri: z.string() });
export type TwoFactorEnrolment = z.infer<typeof twoFactorEnrolment>;

/** A session that has just finished enrolment carries the recovery codes, shown once. */
export const secondStepReply = sessionView.extend({ recoveryCodes: z.array(z.string()).optional() });
export type SecondStepReply = z.infer<typeof secondStepReply>;

export const twoFactorStatus = z.object({
  enabled: z.boolean(),
  /** The person's role must use it (an organisation admin said so). */
  required: z.boolean(),
  confirmedAt: z.number().nullable(),
  recoveryCodesLeft: z.number(),
});
export type TwoFactorStatus = z.infer<typeof twoFactorStatus>;

export const twoFactorPolicy = z.object({ requiredRoles: z.array(z.enum(ROLES)).max(ROLES.length) });
export type TwoFactorPolicy = z.infer<typeof twoFactorPolicy>;

export const codeRequest = z.object({ code: totpCode });
