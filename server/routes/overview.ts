import { ADMIN_ROLES, LEAD_ROLES } from '../../shared/roles';
import { toUserView, USER_COLUMNS, type UserRow } from '../accounts/users';
import { route } from '../http/router';

const count = async (q: { get<T>(s: string, p?: (string | number)[]): Promise<T | undefined> }, sql: string, p: (string | number)[] = []) =>
  Number((await q.get<{ n: number }>(sql, p))?.n ?? 0);

export const overviewRoutes = [
  route({
    method: 'GET',
    path: '/api/overview/team',
    access: LEAD_ROLES,
    summary: 'A supervisor’s home: the advisors and supervisors of their site, today’s cases and what waits for approval',
    async handle({ hub, actor }) {
      // The whole floor the supervisor watches (the floor view's advisors, every team of the site): listing only the
      // supervisor's own team left out advisors of the site's other teams whom the floor view showed.
      const members = await hub.db.all<UserRow>(
        `SELECT ${USER_COLUMNS} FROM users WHERE site_id = ? AND role IN ('advisor', 'supervisor') ORDER BY display_name`,
        [actor.siteId],
      );
      const startOfDay = new Date();
      startOfDay.setHours(0, 0, 0, 0);
      const openCases = await count(hub.db, "SELECT COUNT(*) AS n FROM cases WHERE site_id = ? AND status <> 'closed'", [actor.siteId]);
      const casesToday = await count(hub.db, 'SELECT COUNT(*) AS n FROM cases WHERE site_id = ? AND opened_at >= ?', [
        actor.siteId,
        startOfDay.getTime(),
      ]);
      const pendingApprovals = await pendingApprovalCount(hub.db, actor.siteId);
      return { body: { members: members.map(toUserView), openCases, casesToday, pendingApprovals } };
    },
  }),
  route({
    method: 'GET',
    path: '/api/overview/admin',
    access: ADMIN_ROLES,
    summary: 'An admin’s home: people (their own site’s for a site admin) and knowledge at a glance',
    async handle({ hub, actor }) {
      const ownSite = actor.role === 'site_admin' ? ' AND site_id = ?' : '';
      const siteArgs = actor.role === 'site_admin' ? [actor.siteId] : [];
      const byStatus = await hub.db.all<{ status: string; n: number }>(
        'SELECT status, COUNT(*) AS n FROM knowledge_articles GROUP BY status',
      );
      return {
        body: {
          users: await count(hub.db, `SELECT COUNT(*) AS n FROM users WHERE 1 = 1${ownSite}`, siteArgs),
          disabledUsers: await count(hub.db, `SELECT COUNT(*) AS n FROM users WHERE disabled = 1${ownSite}`, siteArgs),
          sites: await count(hub.db, 'SELECT COUNT(*) AS n FROM sites'),
          // Drafts are versions being worked on (new articles and edits of live ones); they live apart from what desktops read.
          articles: {
            ...Object.fromEntries(byStatus.map((r) => [r.status, Number(r.n)])),
            draft: await count(hub.db, "SELECT COUNT(*) AS n FROM knowledge_versions WHERE state IN ('draft', 'in_review', 'approved')"),
          },
          catalogueItems: await count(hub.db, 'SELECT COUNT(*) AS n FROM gesture_items WHERE retired = 0'),
        },
      };
    },
  }),
];

/** Gesture approvals arrive with the goodwill work; until its tables exist nothing waits. */
async function pendingApprovalCount(q: Parameters<typeof count>[0], siteId: string): Promise<number> {
  try {
    return await count(q, "SELECT COUNT(*) AS n FROM gesture_requests WHERE site_id = ? AND status = 'pending'", [siteId]);
  } catch {
    return 0;
  }
}
