import { z } from 'zod';
import { signInRequest } from '../../shared/schemas/accounts';
import { secondStepRequest } from '../../shared/schemas/two-factor';
import { enrolDuringSignIn, finishSignIn } from '../accounts/two-factor-sign-in';
import { findSite, findUser, toSiteView, toUserView } from '../accounts/users';
import { signIn, signOut } from '../accounts/sessions';
import { route } from '../http/router';
import { publishPresence } from '../telephony/queue-view';

export const sessionRoutes = [
  route({
    method: 'POST',
    path: '/api/session',
    access: 'public',
    summary: 'Sign in with username and password',
    body: signInRequest,
    async handle({ hub, body, raw }) {
      const reply = await signIn(hub, { ...body, client: raw.headers['user-agent'] });
      if ('token' in reply) await publishPresence(hub, reply.user.id);
      // 200 with a challenge when a code is still needed; 201 once a session exists.
      return { status: 'token' in reply ? 201 : 200, body: reply };
    },
  }),
  route({
    method: 'POST',
    path: '/api/session/two-factor',
    access: 'public',
    summary: 'Finish signing in with a code from the authenticator app or a one-time recovery code',
    body: secondStepRequest,
    async handle({ hub, body }) {
      const session = await finishSignIn(hub, body);
      await publishPresence(hub, session.user.id);
      return { status: 201, body: session };
    },
  }),
  route({
    method: 'POST',
    path: '/api/session/two-factor/enrolment',
    access: 'public',
    summary: 'Set up two-factor sign-in during sign-in, when one’s role requires it',
    body: z.object({ challenge: z.string().min(10).max(100) }),
    async handle({ hub, body }) {
      return { body: await enrolDuringSignIn(hub, body.challenge) };
    },
  }),
  route({
    method: 'GET',
    path: '/api/session',
    access: 'signed_in',
    summary: 'Who is signed in',
    async handle({ hub, actor }) {
      const user = await findUser(hub.db, actor.userId);
      return { body: { user: toUserView(user), site: toSiteView(await findSite(hub.db, user.site_id)) } };
    },
  }),
  route({
    method: 'DELETE',
    path: '/api/session',
    access: 'signed_in',
    summary: 'Sign out (ends this session everywhere it is used)',
    async handle({ hub, actor }) {
      await signOut(hub, actor);
      await publishPresence(hub, actor.userId);
      return { status: 204 };
    },
  }),
];
