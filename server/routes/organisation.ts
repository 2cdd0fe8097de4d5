import { ADMIN_ROLES, mayRunSite } from '../../shared/roles';
import { createSiteRequest, createTeamRequest, updateSiteRequest } from '../../shared/schemas/accounts';
import { findSite, toSiteView, type SiteRow } from '../accounts/users';
import { audit } from '../audit';
import { badRequest, conflict, forbidden, notFound } from '../http/errors';
import { route } from '../http/router';
import { newId } from '../ids';

interface TeamRow {
  id: string;
  name: string;
  site_id: string;
  supervisor_id: string | null;
}
const toTeamView = (t: TeamRow) => ({ id: t.id, name: t.name, siteId: t.site_id, supervisorId: t.supervisor_id });

export const organisationRoutes = [
  route({
    method: 'GET',
    path: '/api/sites',
    access: 'signed_in',
    summary: 'Sites, in-house and partner',
    async handle({ hub }) {
      const rows = await hub.db.all<SiteRow>('SELECT id, name, kind, partner_name, city FROM sites ORDER BY kind, name');
      return { body: { sites: rows.map(toSiteView) } };
    },
  }),
  route({
    method: 'POST',
    path: '/api/sites',
    access: ['org_admin'],
    summary: 'Add a site',
    body: createSiteRequest,
    async handle({ hub, actor, body }) {
      if (body.kind === 'partner' && !body.partnerName) throw badRequest('A partner site needs the partner’s name.', [{ path: 'partnerName', message: 'required for partner sites' }]);
      const id = newId('site');
      await hub.db.tx(async (q) => {
        if (await q.get('SELECT id FROM sites WHERE name = ?', [body.name])) throw conflict('A site with that name exists.');
        await q.run('INSERT INTO sites (id, name, kind, partner_name, city, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
          id,
          body.name,
          body.kind,
          body.partnerName ?? null,
          body.city,
          Date.now(),
        ]);
        await audit(q, actor, { action: 'site.created', entity: 'site', entityId: id, siteId: id, detail: body });
      });
      return { status: 201, body: { site: toSiteView(await findSite(hub.db, id)) } };
    },
  }),
  route({
    method: 'PATCH',
    path: '/api/sites/:id',
    access: ['org_admin'],
    summary: 'Change a site',
    body: updateSiteRequest,
    async handle({ hub, actor, params, body }) {
      await hub.db.tx(async (q) => {
        const site = await findSite(q, params.id!);
        await q.run('UPDATE sites SET name = ?, kind = ?, partner_name = ?, city = ? WHERE id = ?', [
          body.name ?? site.name,
          body.kind ?? site.kind,
          body.partnerName !== undefined ? body.partnerName : site.partner_name,
          body.city ?? site.city,
          site.id,
        ]);
        await audit(q, actor, { action: 'site.updated', entity: 'site', entityId: site.id, siteId: site.id, detail: body });
      });
      return { body: { site: toSiteView(await findSite(hub.db, params.id!)) } };
    },
  }),
  route({
    method: 'GET',
    path: '/api/teams',
    access: 'signed_in',
    summary: 'Teams at every site',
    async handle({ hub }) {
      const rows = await hub.db.all<TeamRow>('SELECT id, name, site_id, supervisor_id FROM teams ORDER BY name');
      return { body: { teams: rows.map(toTeamView) } };
    },
  }),
  route({
    method: 'POST',
    path: '/api/teams',
    access: ADMIN_ROLES,
    summary: 'Add a team to a site (a site admin: their own site)',
    body: createTeamRequest,
    async handle({ hub, actor, body }) {
      if (!mayRunSite(actor, body.siteId)) throw forbidden('A site admin adds teams to their own site only.');
      const id = newId('team');
      await hub.db.tx(async (q) => {
        await findSite(q, body.siteId);
        if (await q.get('SELECT id FROM teams WHERE site_id = ? AND name = ?', [body.siteId, body.name])) {
          throw conflict('That site already has a team with that name.');
        }
        if (body.supervisorId) {
          const sup = await q.get<{ role: string; site_id: string }>('SELECT role, site_id FROM users WHERE id = ?', [body.supervisorId]);
          if (!sup || sup.site_id !== body.siteId) throw notFound('That supervisor');
          if (sup.role === 'advisor') throw badRequest('A team is led by a supervisor or admin.', [{ path: 'supervisorId', message: 'not a supervisor' }]);
        }
        await q.run('INSERT INTO teams (id, name, site_id, supervisor_id, created_at) VALUES (?, ?, ?, ?, ?)', [
          id,
          body.name,
          body.siteId,
          body.supervisorId ?? null,
          Date.now(),
        ]);
        await audit(q, actor, { action: 'team.created', entity: 'team', entityId: id, siteId: body.siteId, detail: body });
      });
      const team = await hub.db.get<TeamRow>('SELECT id, name, site_id, supervisor_id FROM teams WHERE id = ?', [id]);
      return { status: 201, body: { team: toTeamView(team!) } };
    },
  }),
];
