import {
  approvalsQuery,
  createGestureRequest,
  followUpDone,
  followUpsQuery,
  fulfilmentUpdate,
  gestureDecision,
  myGesturesQuery,
  withdrawGestureRequest,
} from '../../shared/schemas/gestures';
import { checkCaseAction, gestureSeenBy } from '../access';
import { findCustomer } from '../customers/customers';
import { completeFollowUp, decideGesture, expireOverdue, updateFulfilment, withdrawGesture } from '../gestures/decisions';
import { requestGesture } from '../gestures/requests';
import { loadRequest } from '../gestures/store';
import { suggestionsForCase } from '../gestures/suggestions';
import { approvalsInbox, caseGestures, decidedRequests, fulfilmentQueue, historySeenBy, myFollowUps, myGestures } from '../gestures/views';
import { APPROVER_ROLES } from '../../shared/roles';
import { notFound } from '../http/errors';
import { route } from '../http/router';
import { gestureAdminRoutes } from './gesture-admin';

/** The advisor's and the supervisor's side of gestures of goodwill; admin settings live in gesture-admin. */
const requestRoutes = [
  route({
    method: 'GET',
    path: '/api/cases/:id/gesture-suggestions',
    access: 'signed_in',
    summary: 'Gestures ranked for this case (sensitive mode filters out anything unsuitable)',
    async handle({ hub, actor, params }) {
      return { body: await suggestionsForCase(hub.db, actor, params.id!) };
    },
  }),
  route({
    method: 'GET',
    path: '/api/cases/:id/gestures',
    access: 'signed_in',
    summary: 'Gesture requests made on this case',
    async handle({ hub, actor, params }) {
      if (!(await hub.db.get('SELECT id FROM cases WHERE id = ?', [params.id!]))) throw notFound('That case');
      return { body: { gestures: (await caseGestures(hub.db, params.id!)).map((g) => gestureSeenBy(actor, g)) } };
    },
  }),
  route({
    method: 'GET',
    path: '/api/customers/:id/gestures',
    access: 'signed_in',
    summary: 'A customer’s gestures from every site, with what is left under the 12-month cap',
    async handle({ hub, actor, params }) {
      const customer = await findCustomer(hub.db, params.id!);
      return { body: await historySeenBy(hub.db, actor, customer.id) };
    },
  }),
  route({
    method: 'POST',
    path: '/api/gestures/requests',
    access: ['advisor', 'supervisor'],
    summary: 'Ask for a gesture (idempotent per key: a resend returns the original with 200)',
    body: createGestureRequest,
    checksSession: true,
    async handle({ hub, actor, body }) {
      return requestGesture(hub, actor, body);
    },
  }),
  route({
    method: 'GET',
    path: '/api/gestures/requests',
    access: 'signed_in',
    summary: 'Gesture requests I made, newest first',
    query: myGesturesQuery,
    async handle({ hub, actor, query }) {
      await expireOverdue(hub);
      return { body: { gestures: await myGestures(hub.db, actor, query.status, query.limit) } };
    },
  }),
  route({
    method: 'GET',
    path: '/api/gestures/requests/:id',
    access: 'signed_in',
    summary: 'One gesture request: its own site’s people and heads of service (another site reads it in the customer’s history)',
    async handle({ hub, actor, params }) {
      const request = await loadRequest(hub.db, params.id!);
      if (request.requestedBy !== actor.userId) checkCaseAction(actor, request.siteId, 'read_gesture');
      return { body: { request } };
    },
  }),
  route({
    method: 'POST',
    path: '/api/gestures/requests/:id/withdraw',
    access: ['advisor', 'supervisor'],
    summary: 'Withdraw my waiting request (a sent request is never edited: withdraw and ask again)',
    body: withdrawGestureRequest,
    async handle({ hub, actor, params, body }) {
      return { body: { request: await withdrawGesture(hub, actor, params.id!, body.reason) } };
    },
  }),
  route({
    method: 'POST',
    path: '/api/gestures/requests/:id/approve',
    access: APPROVER_ROLES,
    summary: 'Approve a waiting request (never one’s own)',
    body: gestureDecision,
    async handle({ hub, actor, params, body }) {
      return { body: { request: await decideGesture(hub, actor, params.id!, 'approve', body.reason) } };
    },
  }),
  route({
    method: 'POST',
    path: '/api/gestures/requests/:id/reject',
    access: APPROVER_ROLES,
    summary: 'Reject a waiting request, with a reason for the advisor',
    body: gestureDecision,
    async handle({ hub, actor, params, body }) {
      return { body: { request: await decideGesture(hub, actor, params.id!, 'reject', body.reason) } };
    },
  }),
  route({
    method: 'POST',
    path: '/api/gestures/requests/:id/fulfilment',
    access: APPROVER_ROLES,
    summary: 'Record fulfilment: ordered, then delivered or donation confirmed',
    body: fulfilmentUpdate,
    async handle({ hub, actor, params, body }) {
      return { body: { request: await updateFulfilment(hub, actor, params.id!, body.status, body.note) } };
    },
  }),
  route({
    method: 'GET',
    path: '/api/gestures/approvals',
    access: APPROVER_ROLES,
    summary: 'The approvals inbox: my site’s waiting requests (every site for heads of service)',
    query: approvalsQuery,
    async handle({ hub, actor, query }) {
      await expireOverdue(hub);
      return { body: { approvals: await approvalsInbox(hub.db, actor, query.siteId) } };
    },
  }),
  route({
    method: 'GET',
    path: '/api/gestures/decided',
    access: APPROVER_ROLES,
    summary: 'Decided requests, newest decision first, with who decided, when and why: my site’s (every site for heads of service)',
    query: approvalsQuery,
    async handle({ hub, actor, query }) {
      return { body: { gestures: await decidedRequests(hub.db, actor, query.siteId) } };
    },
  }),
  route({
    method: 'GET',
    path: '/api/gestures/fulfilment',
    access: APPROVER_ROLES,
    summary: 'Approved gestures not yet delivered or confirmed: my site’s (every site for heads of service)',
    async handle({ hub, actor }) {
      return { body: { gestures: await fulfilmentQueue(hub.db, actor) } };
    },
  }),
  route({
    method: 'GET',
    path: '/api/gestures/follow-ups',
    access: ['advisor', 'supervisor'],
    summary: 'My follow-ups: checking the customer was happy with their gesture',
    query: followUpsQuery,
    async handle({ hub, actor, query }) {
      return { body: { followUps: await myFollowUps(hub.db, actor, query.state) } };
    },
  }),
  route({
    method: 'POST',
    path: '/api/gestures/follow-ups/:id/done',
    access: ['advisor', 'supervisor'],
    summary: 'Mark my follow-up done, with how the customer felt',
    body: followUpDone,
    async handle({ hub, actor, params, body }) {
      await completeFollowUp(hub, actor, params.id!, body.outcome);
      return { body: { followUps: await myFollowUps(hub.db, actor, 'open') } };
    },
  }),
];

export const gestureRoutes = [...requestRoutes, ...gestureAdminRoutes];
