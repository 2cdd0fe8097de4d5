import type { PeopleRequestResults } from '../../shared/contract/people';
import type { RequestName } from '../../shared/contract/requests';
import type { SiteView, TeamView, UserView } from '../../shared/schemas/accounts';
import type { DesktopCore } from './core';
import type { Handlers } from './router';

type PeopleHandlers = Pick<Handlers, Extract<RequestName, keyof PeopleRequestResults>>;

const seg = encodeURIComponent;

/** The admin's people, passed to the hub, which decides who may change whom. */
export function peopleHandlers(core: DesktopCore): PeopleHandlers {
  const hub = () => {
    core.requireSignedIn();
    return core.hub;
  };
  return {
    'people.list': async () => {
      const [{ users }, { sites }, { teams }] = await Promise.all([
        hub().get<{ users: UserView[] }>('/api/users'),
        hub().get<{ sites: SiteView[] }>('/api/sites'),
        hub().get<{ teams: TeamView[] }>('/api/teams'),
      ]);
      return { users, sites, teams };
    },
    'people.create': (user) => hub().post<{ user: UserView }>('/api/users', user),
    'people.update': ({ userId, changes }) => hub().request<{ user: UserView }>('PATCH', `/api/users/${seg(userId)}`, changes),
    'people.resetPassword': async ({ userId, password }) => {
      await hub().post(`/api/users/${seg(userId)}/password`, { password });
      return { ok: true as const };
    },
  };
}
