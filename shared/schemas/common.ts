import { z } from 'zod';

/** Ids are opaque strings minted by the hub; a brand stops a site id being passed as a user id. */
export const userId = z.string().min(1).max(64).brand<'UserId'>();
export type UserId = z.infer<typeof userId>;
export const siteId = z.string().min(1).max(64).brand<'SiteId'>();
export type SiteId = z.infer<typeof siteId>;
export const teamId = z.string().min(1).max(64).brand<'TeamId'>();
export type TeamId = z.infer<typeof teamId>;
export const customerId = z.string().min(1).max(64).brand<'CustomerId'>();
export type CustomerId = z.infer<typeof customerId>;
export const caseId = z.string().min(1).max(64).brand<'CaseId'>();
export type CaseId = z.infer<typeof caseId>;
export const articleId = z.string().min(1).max(120).brand<'ArticleId'>();
export type ArticleId = z.infer<typeof articleId>;

/** Money is always whole pence: no floating-point pounds anywhere. */
export const pence = z.number().int().min(0).max(100_000_000);

/** Milliseconds since the epoch, as every side stores and sends time. */
export const epochMs = z.number().int().nonnegative();

export interface FieldProblem {
  path: string;
  message: string;
}

/** Every failing field, not just the first, so a form can mark them all at once. */
export function describeProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
}
