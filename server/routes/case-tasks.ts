import { createTaskRequest, dueTasksQuery } from '../../shared/schemas/cases';
import { addTask, assignees, caseTasks, completeTask, dueTasks, findTask } from '../cases/tasks';
import { route } from '../http/router';

/** Follow-up tasks on cases, and each person's list of what is due. */
export const caseTaskRoutes = [
  route({
    method: 'GET',
    path: '/api/cases/:id/tasks',
    access: 'signed_in',
    summary: 'The follow-ups on a case, open ones first by due time',
    async handle({ hub, params }) {
      return { body: { tasks: await caseTasks(hub.db, params.id!) } };
    },
  }),
  route({
    method: 'POST',
    path: '/api/cases/:id/tasks',
    access: ['advisor', 'supervisor'],
    summary: 'Add a follow-up to a case of one’s own site, due at a time, for oneself or a colleague there',
    body: createTaskRequest,
    async handle({ hub, actor, params, body }) {
      const added = await hub.db.tx((q) => addTask(q, actor, params.id!, body));
      return { status: added ? 201 : 200, body: { tasks: await caseTasks(hub.db, params.id!) } };
    },
  }),
  route({
    method: 'POST',
    path: '/api/tasks/:id/done',
    access: ['advisor', 'supervisor'],
    summary: 'Mark a follow-up done (its assignee, whoever added it, or a supervisor of its site)',
    async handle({ hub, actor, params }) {
      await hub.db.tx((q) => completeTask(q, actor, params.id!));
      return { body: { task: await findTask(hub.db, params.id!) } };
    },
  }),
  route({
    method: 'GET',
    path: '/api/tasks/due',
    access: ['advisor', 'supervisor'],
    summary: 'Open follow-ups, overdue first: mine, or (supervisors) my site’s',
    query: dueTasksQuery,
    async handle({ hub, actor, query }) {
      return { body: { tasks: await dueTasks(hub.db, actor, query.scope, query.limit), now: Date.now() } };
    },
  }),
  route({
    method: 'GET',
    path: '/api/tasks/assignees',
    access: ['advisor', 'supervisor'],
    summary: 'Who a follow-up may be given to: the people who work cases at my site',
    async handle({ hub, actor }) {
      return { body: { assignees: await assignees(hub.db, actor.siteId) } };
    },
  }),
];
