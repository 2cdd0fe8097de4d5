import { isAdmin } from '../../shared/roles';
import { route } from '../http/router';

interface ItemRow {
  id: string; name: string; description: string; kind: string; min_pence: number; max_pence: number; tone: string;
  bereavement_suitable: number | boolean; fields: string; templates: string; fulfilment: string; lines: string; sites: string;
  tags: string; retired: number | boolean;
}

export const toCatalogueItem = (r: ItemRow) => ({
  id: r.id,
  name: r.name,
  description: r.description,
  kind: r.kind,
  minPence: Number(r.min_pence),
  maxPence: Number(r.max_pence),
  tone: r.tone,
  bereavementSuitable: Boolean(r.bereavement_suitable),
  fields: JSON.parse(r.fields) as unknown,
  templates: JSON.parse(r.templates) as unknown,
  fulfilment: r.fulfilment,
  lines: r.lines.split(',').filter(Boolean),
  sites: r.sites.split(',').filter(Boolean),
  tags: r.tags.split(',').filter(Boolean),
  retired: Boolean(r.retired),
});

export const referenceRoutes = [
  route({
    method: 'GET',
    path: '/api/queues',
    access: 'signed_in',
    summary: 'Queues with their line and dialled number',
    async handle({ hub }) {
      const rows = await hub.db.all<{ id: string; name: string; line: string; dialled_number: string }>(
        'SELECT id, name, line, dialled_number FROM queues ORDER BY name',
      );
      return { body: { queues: rows.map((r) => ({ id: r.id, name: r.name, line: r.line, dialledNumber: r.dialled_number })) } };
    },
  }),
  route({
    method: 'GET',
    path: '/api/catalogue',
    access: 'signed_in',
    summary: 'The gesture catalogue (retired items only for admins)',
    async handle({ hub, actor }) {
      const rows = await hub.db.all<ItemRow>(
        `SELECT * FROM gesture_items ${isAdmin(actor.role) ? '' : 'WHERE retired = 0'} ORDER BY name`,
      );
      return { body: { items: rows.map(toCatalogueItem) } };
    },
  }),
];
