import { expect } from '@playwright/test';
import { hubClient, signInAs } from '../../support/client';

/**
 * A £60 hamper asked for by Amira Hussain for a customer who is not bereaved, waiting for a
 * supervisor (above the advisor limit). Made through the hub's API: the screens under test are the
 * supervisor's and the admin's, not the advisor's form.
 */
export async function pendingHamper(hubUrl: string): Promise<{ requestId: string; customerName: string; caseReference: string }> {
  const advisor = await signInAs(hubUrl, 'advisor1.mcr');
  let customer: { id: string; name: string } | null = null;
  for (let n = 901; !customer; n++) {
    const res = await advisor.client.get(`/api/customers/cus_${String(n).padStart(6, '0')}`);
    const c = res.body.customer;
    if (!c.bereaved && !c.vulnerable) customer = { id: c.id, name: c.name };
  }
  const opened = await advisor.client.post('/api/cases', { customerId: customer.id, channel: 'phone', line: 'food', subject: 'Frozen food thawed' });
  expect(opened.status).toBe(201);
  const requested = await advisor.client.post('/api/gestures/requests', {
    idempotencyKey: `e2e-${Date.now()}`,
    caseId: opened.body.case.id,
    amountPence: 6000,
    reasonCode: 'delivery_problem',
    reason: 'The delivery arrived two days late and the frozen food had thawed.',
    itemId: 'local-produce-hamper',
    personalisation: { recipientName: customer.name, deliveryAddress: '1 High Street, Manchester M1 1AA', dietaryNeeds: 'None' },
    templateIndex: 0,
  });
  expect(requested.status, JSON.stringify(requested.body)).toBe(201);
  expect(requested.body.request.status).toBe('pending');
  return { requestId: requested.body.request.id, customerName: customer.name, caseReference: opened.body.case.reference };
}

export async function approveAs(hubUrl: string, username: string, requestId: string, reason: string): Promise<void> {
  const { token } = await signInAs(hubUrl, username);
  const res = await hubClient(hubUrl, token).post(`/api/gestures/requests/${requestId}/approve`, { reason });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}
