import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../server/db/types';
import type { hubClient } from './client';

type Client = ReturnType<typeof hubClient>;

export const newKey = (): string => `key-${randomUUID()}`;

const base = (caseId: string, amountPence: number) => ({
  idempotencyKey: newKey(),
  caseId,
  amountPence,
  reasonCode: 'delivery_problem',
  reason: 'The delivery arrived two days late and the frozen food had thawed.',
});

/** Neutral, not bereavement-suitable, £15–£30: within the advisor limit at £20. */
export const flowers = (caseId: string, amountPence = 2000, extra: Record<string, unknown> = {}) => ({
  ...base(caseId, amountPence),
  itemId: 'bunch-of-flowers',
  personalisation: { recipientName: 'Jo Bloggs', deliveryAddress: '1 High Street, Leeds LS1 1AA' },
  message: 'We are sorry your delivery let you down. We hope these brighten your week.',
  ...extra,
});

/** Neutral, £30–£75: always above the advisor limit, so a supervisor decides. */
export const hamper = (caseId: string, amountPence = 5000, extra: Record<string, unknown> = {}) => ({
  ...base(caseId, amountPence),
  itemId: 'local-produce-hamper',
  personalisation: { recipientName: 'Jo Bloggs', deliveryAddress: '1 High Street, Leeds LS1 1AA', dietaryNeeds: 'None' },
  templateIndex: 0,
  ...extra,
});

/** Suitable for everyone, bereaved or not, on every line: £10–£150. */
export const donation = (caseId: string, amountPence = 2000, extra: Record<string, unknown> = {}) => ({
  ...base(caseId, amountPence),
  itemId: 'charity-donation-family-choice',
  reasonCode: 'bereavement',
  reason: 'The family asked for donations instead of flowers.',
  personalisation: { recipientName: 'Sam Taylor', charityName: 'St Ann’s Hospice', inMemoryOf: 'Margaret Taylor' },
  templateIndex: 0,
  ...extra,
});

/** Hands out customers nobody else in this file has used, so the 12-month cap never leaks between tests. */
export async function customerPool(db: Queryable) {
  const plain = (await db.all<{ id: string }>('SELECT id FROM customers WHERE bereaved = 0 ORDER BY id')).map((r) => r.id);
  const bereaved = (await db.all<{ id: string }>('SELECT id FROM customers WHERE bereaved = 1 ORDER BY id')).map((r) => r.id);
  return {
    next(kind: 'plain' | 'bereaved' = 'plain'): string {
      const id = (kind === 'plain' ? plain : bereaved).shift();
      if (!id) throw new Error(`no ${kind} customers left in the seed`);
      return id;
    },
  };
}

export async function openCase(client: Client, customerId: string | null, line = 'food', subject = 'Delivery two hours late'): Promise<string> {
  const res = await client.post('/api/cases', { customerId, channel: 'phone', line, subject });
  if (res.status !== 201) throw new Error(`opening a case failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.case.id as string;
}

export async function budgetOf(client: Client, siteId: string): Promise<{ budgetPence: number; reservedPence: number; committedPence: number; leftPence: number; month: string }> {
  const res = await client.get('/api/gestures/budgets');
  if (res.status !== 200) throw new Error(`reading budgets failed: ${res.status} ${JSON.stringify(res.body)}`);
  const b = res.body.budgets.find((x: { siteId: string }) => x.siteId === siteId);
  if (!b) throw new Error(`no budget for ${siteId}`);
  return b;
}
