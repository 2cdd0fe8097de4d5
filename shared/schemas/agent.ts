import { z } from 'zod';

/** One reason an advisor may give for "not ready", as the admin wrote it. */
export const notReadyReason = z.string().trim().min(2, 'at least 2 characters').max(60, 'at most 60 characters');

/** The admin's whole list, replaced at once: in order, no repeats (case does not count), at least one. */
export const notReadyReasonList = z
  .array(notReadyReason)
  .min(1, 'keep at least one reason')
  .max(20, 'at most 20 reasons')
  .superRefine((reasons, ctx) => {
    const seen = new Set<string>();
    reasons.forEach((r, i) => {
      const key = r.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i], message: `“${r}” is in the list twice` });
      seen.add(key);
    });
  });
