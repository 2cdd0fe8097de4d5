import { signInRequest } from '../../shared/schemas/accounts';
import { findSite, findUser, toSiteView, toUserView } from '../accounts/users';
import { signIn, signOut } from '../accounts/sessions';
import { route } from '../http/router';

export const sessionRoutes = [
  route({
    method: 'POST',
    path: '/api/session',
    access: 'public',
    summary: 'Sign in with username and password',
    body: signInRequest,
    async handle({ hub, body, raw }) {
      const session = await signIn(hub, { ...body, client: raw.headers['user-agent'] });
      return { status: 201, body: session };
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
      return { status: 204 };
    },
  }),
];
