import { z } from 'zod';
import { createUserRequest, resetPasswordRequest, updateUserRequest, type SiteView, type TeamView, type UserView } from '../schemas/accounts';

const id = z.string().min(1).max(120);

/**
 * An admin's people: who works where, in which team, and whose account is locked or disabled. The
 * hub decides who may change whom (rank and site); the page only hides what it would refuse.
 */
export const peopleRequestArgs = {
  'people.list': z.object({}),
  'people.create': createUserRequest,
  'people.update': z.object({ userId: id, changes: updateUserRequest }),
  /** Also unlocks the account and signs the person out everywhere. */
  'people.resetPassword': z.object({ userId: id, password: resetPasswordRequest.shape.password }),
} as const;

export interface PeopleList {
  users: UserView[];
  /** Every site and team, so people are shown by place, never by id. */
  sites: SiteView[];
  teams: TeamView[];
}

export interface PeopleRequestResults {
  'people.list': PeopleList;
  'people.create': { user: UserView };
  'people.update': { user: UserView };
  'people.resetPassword': { ok: true };
}
