import { z } from 'zod';
import { ROLES, SITE_KINDS } from '../roles';
import { siteId, teamId, userId } from './common';

export const role = z.enum(ROLES);
export const username = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9._-]+$/, 'use letters, digits, dots, dashes or underscores');

/** Long enough to resist guessing; no composition rules (NCSC guidance prefers length). */
export const newPassword = z.string().min(10, 'at least 10 characters').max(200);

export const signInRequest = z.object({
  username,
  password: z.string().min(1).max(200),
});
export type SignInRequest = z.infer<typeof signInRequest>;

export const userView = z.object({
  id: userId,
  username: z.string(),
  displayName: z.string(),
  role,
  siteId,
  teamId: teamId.nullable(),
  extension: z.string().nullable(),
  disabled: z.boolean(),
  lockedUntil: z.number().nullable(),
  createdAt: z.number(),
  /** Only in the admin's list of people (read from the audit log). */
  lastSignInAt: z.number().nullable().optional(),
  /** Only in the admin's list of people: whether their two-factor sign-in is on. */
  twoFactorOn: z.boolean().optional(),
});
export type UserView = z.infer<typeof userView>;

export const siteView = z.object({
  id: siteId,
  name: z.string(),
  kind: z.enum(SITE_KINDS),
  partnerName: z.string().nullable(),
  city: z.string(),
});
export type SiteView = z.infer<typeof siteView>;

export const sessionView = z.object({
  token: z.string(),
  expiresAt: z.number(),
  user: userView,
  site: siteView,
});
export type SessionView = z.infer<typeof sessionView>;

export const createUserRequest = z.object({
  username,
  displayName: z.string().trim().min(1).max(120),
  role,
  siteId,
  teamId: teamId.nullable().optional(),
  extension: z
    .string()
    .regex(/^[0-9]{2,8}$/, 'an extension is 2 to 8 digits')
    .nullable()
    .optional(),
  password: newPassword,
});
export type CreateUserRequest = z.infer<typeof createUserRequest>;

export const updateUserRequest = z
  .object({
    displayName: z.string().trim().min(1).max(120),
    role,
    siteId,
    teamId: teamId.nullable(),
    extension: z
      .string()
      .regex(/^[0-9]{2,8}$/, 'an extension is 2 to 8 digits')
      .nullable(),
    disabled: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');
export type UpdateUserRequest = z.infer<typeof updateUserRequest>;

export const resetPasswordRequest = z.object({ password: newPassword });



export const createSiteRequest = z.object({
  name: z.string().trim().min(2).max(120),
  kind: z.enum(SITE_KINDS),
  partnerName: z.string().trim().min(2).max(120).nullable().optional(),
  city: z.string().trim().min(2).max(80),
});
export const updateSiteRequest = createSiteRequest.partial();

export const teamView = z.object({
  id: teamId,
  name: z.string(),
  siteId,
  supervisorId: userId.nullable(),
});
export type TeamView = z.infer<typeof teamView>;

export const createTeamRequest = z.object({
  name: z.string().trim().min(2).max(120),
  siteId,
  supervisorId: userId.nullable().optional(),
});
