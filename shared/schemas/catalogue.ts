import { z } from 'zod';
import { LINES } from '../roles';

export const GESTURE_KINDS = [
  'gift',
  'experience',
  'charity_donation',
  'memorial_contribution',
  'card',
  'voucher',
  'fee_waiver',
  'deadline_extension',
] as const;
export const TONES = ['celebratory', 'neutral', 'condolence'] as const;

export const personalisationField = z.object({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/),
  label: z.string().min(1).max(80),
  kind: z.enum(['text', 'longtext', 'number', 'choice']),
  required: z.boolean(),
  options: z.array(z.string().min(1).max(80)).max(30).optional(),
});

export const catalogueItem = z
  .object({
    id: z.string().min(2).max(80),
    name: z.string().min(2).max(120),
    description: z.string().max(1000),
    kind: z.enum(GESTURE_KINDS),
    minPence: z.number().int().min(0),
    maxPence: z.number().int().min(0),
    tone: z.enum(TONES),
    bereavementSuitable: z.boolean(),
    fields: z.array(personalisationField).max(20),
    templates: z.array(z.string().max(2000)).max(10),
    fulfilment: z.string().min(2).max(60),
    lines: z.array(z.enum(LINES)).min(1),
    sites: z.array(z.string()).default([]),
    tags: z.array(z.string()).default([]),
    retired: z.boolean().default(false),
  })
  .refine((i) => i.minPence <= i.maxPence, { message: 'the minimum is above the maximum', path: ['maxPence'] })
  .refine((i) => !(i.bereavementSuitable && i.tone === 'celebratory'), {
    message: 'a celebratory item is never suitable after a bereavement',
    path: ['bereavementSuitable'],
  });
export type CatalogueItem = z.infer<typeof catalogueItem>;
