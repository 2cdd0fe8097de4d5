import { catalogueItem, type CatalogueItem } from '../../shared/schemas/catalogue';
import { describeProblems } from '../../shared/schemas/common';
import { audit } from '../audit';
import type { HubContext } from '../context';
import { read, readOne } from '../db/together';
import type { Queryable } from '../db/types';
import { badRequest, conflict, notFound } from '../http/errors';
import type { Actor } from '../http/router';

/** A catalogue item as the gesture rules need it, typed (the JSON columns were checked on the way in). */
export type Item = CatalogueItem;

type ItemRow = Record<string, unknown>;
const list = (v: unknown): string[] => String(v ?? '').split(',').filter(Boolean);

/** The same shape GET /api/catalogue serves, so a desktop can use one type for both. */
export const toItem = (r: ItemRow): Item => ({
  id: String(r.id),
  name: String(r.name),
  description: String(r.description),
  kind: r.kind as Item['kind'],
  minPence: Number(r.min_pence),
  maxPence: Number(r.max_pence),
  tone: r.tone as Item['tone'],
  bereavementSuitable: Boolean(Number(r.bereavement_suitable)),
  fields: JSON.parse(String(r.fields)) as Item['fields'],
  templates: JSON.parse(String(r.templates)) as string[],
  fulfilment: String(r.fulfilment),
  lines: list(r.lines) as Item['lines'],
  sites: list(r.sites),
  tags: list(r.tags),
  retired: Boolean(Number(r.retired)),
});

/** The item as a read to send with others (see readTogether); itemOrNotFound makes it an answer. */
export const itemRead = (id: string) => read('SELECT * FROM gesture_items WHERE id = ?', [id], (rows) => rows[0] as ItemRow | undefined);

export function itemOrNotFound(row: ItemRow | undefined): Item {
  if (!row) throw notFound('That catalogue item');
  return toItem(row);
}

export async function findItem(q: Queryable, id: string): Promise<Item> {
  return itemOrNotFound(await readOne(q, itemRead(id)));
}

export async function activeItems(q: Queryable): Promise<Item[]> {
  const rows = await q.all<ItemRow>('SELECT * FROM gesture_items WHERE retired = 0 ORDER BY name');
  return rows.map(toItem);
}

/** Parses an admin's item; the id comes from the path on an edit so it cannot be changed by the body. */
export function parseItem(body: unknown, id?: string): Item {
  const input = id && body && typeof body === 'object' ? { ...(body as Record<string, unknown>), id } : body;
  const parsed = catalogueItem.safeParse(input ?? {});
  if (!parsed.success) throw badRequest('Some fields need attention.', describeProblems(parsed.error));
  if (!/^[a-z0-9][a-z0-9-]*$/.test(parsed.data.id)) {
    throw badRequest('Use lower-case letters, digits and dashes for the id.', [{ path: 'id', message: 'letters, digits and dashes' }]);
  }
  return parsed.data;
}

async function checkSites(q: Queryable, sites: readonly string[]): Promise<void> {
  for (const s of sites) {
    if (!(await q.get('SELECT id FROM sites WHERE id = ?', [s]))) {
      throw badRequest('That site does not exist.', [{ path: 'sites', message: `unknown site ${s}` }]);
    }
  }
}

const columns = (i: Item) => [
  i.name, i.description, i.kind, i.minPence, i.maxPence, i.tone, Number(i.bereavementSuitable), JSON.stringify(i.fields),
  JSON.stringify(i.templates), i.fulfilment, i.lines.join(','), i.sites.join(','), i.tags.join(','), Number(i.retired),
];

const catalogueChanged = (hub: HubContext, itemId: string) =>
  hub.events.publish({ name: 'catalogue.changed', data: { itemId }, audience: { kind: 'everyone' } });

export async function createItem(hub: HubContext, actor: Actor, item: Item): Promise<Item> {
  await hub.db.tx(async (q) => {
    if (await q.get('SELECT id FROM gesture_items WHERE id = ?', [item.id])) throw conflict('A catalogue item with that id exists.');
    await checkSites(q, item.sites);
    const now = Date.now();
    await q.run(
      `INSERT INTO gesture_items (name, description, kind, min_pence, max_pence, tone, bereavement_suitable, fields, templates, fulfilment,
         lines, sites, tags, retired, id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [...columns(item), item.id, now, now],
    );
    await audit(q, actor, { action: 'catalogue.item_created', entity: 'gesture_item', entityId: item.id, detail: { name: item.name, kind: item.kind } });
  });
  await catalogueChanged(hub, item.id);
  return findItem(hub.db, item.id);
}

/**
 * Past requests keep their own copy of the name, kind and tone, so an edit never rewrites history.
 * An edit that does not mention `retired` leaves it as it was: fixing a typo never revives an item.
 */
export async function updateItem(hub: HubContext, actor: Actor, input: Item, retiredGiven: boolean): Promise<Item> {
  let item = input;
  await hub.db.tx(async (q) => {
    const before = await findItem(q, input.id);
    if (!retiredGiven) item = { ...input, retired: before.retired };
    await checkSites(q, item.sites);
    await q.run(
      `UPDATE gesture_items SET name = ?, description = ?, kind = ?, min_pence = ?, max_pence = ?, tone = ?, bereavement_suitable = ?,
         fields = ?, templates = ?, fulfilment = ?, lines = ?, sites = ?, tags = ?, retired = ?, updated_at = ? WHERE id = ?`,
      [...columns(item), Date.now(), item.id],
    );
    await audit(q, actor, { action: 'catalogue.item_updated', entity: 'gesture_item', entityId: item.id, detail: { name: item.name, retired: item.retired } });
  });
  await catalogueChanged(hub, item.id);
  return findItem(hub.db, item.id);
}

/** Retired items leave the catalogue advisors see but stay on every request that used them. */
export async function retireItem(hub: HubContext, actor: Actor, id: string): Promise<Item> {
  await hub.db.tx(async (q) => {
    const item = await findItem(q, id);
    await q.run('UPDATE gesture_items SET retired = 1, updated_at = ? WHERE id = ?', [Date.now(), id]);
    await audit(q, actor, { action: 'catalogue.item_retired', entity: 'gesture_item', entityId: id, detail: { name: item.name } });
  });
  await catalogueChanged(hub, id);
  return findItem(hub.db, id);
}
