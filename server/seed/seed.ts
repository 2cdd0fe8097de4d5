import { isAdmin } from '../../shared/roles';
import { hashPassword, PASSWORD_COST, type PasswordCost } from '../accounts/passwords';
import type { Db, Queryable, SqlValue } from '../db/types';
import { seedPublishedArticle } from '../knowledge/seed-articles';
import { loadSeedArticles, loadSeedCatalogue } from './content';
import { generateCases, generateCustomers } from './customers';
import { DEMO_PASSWORD, QUEUES, SITES, TEAMS, USERS, WRAPUP_CODES } from './organisation';
import { seededRandom } from './random';

/** Multi-row inserts in chunks: thousands of rows in a few round trips on PostgreSQL. */
export async function insertMany(q: Queryable, table: string, columns: string[], rows: SqlValue[][]): Promise<void> {
  const per = Math.max(1, Math.floor(900 / columns.length));
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    await q.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}`, chunk.flat());
  }
}

export interface SeedSummary {
  sites: number;
  users: number;
  customers: number;
  cases: number;
  articles: number;
  catalogueItems: number;
}

const demoHashes = new Map<number, Promise<string>>();

/** Seeds the demo organisation into an empty hub; a hub that has sites is left alone. */
export async function seedIfEmpty(db: Db, opts: { customers?: number; passwordCost?: PasswordCost } = {}): Promise<SeedSummary | null> {
  const existing = await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM sites');
  if (Number(existing?.n ?? 0) > 0) return null;
  const rnd = seededRandom(5782);
  const now = Date.now();
  // Every demo account shares the one published password: hashed once per process, the seed stays fast at full cost.
  const cost = opts.passwordCost ?? PASSWORD_COST;
  if (!demoHashes.has(cost.N)) demoHashes.set(cost.N, hashPassword(DEMO_PASSWORD, cost));
  const demoHash = await demoHashes.get(cost.N)!;
  const ids = new Map(USERS.map((u) => [u.username, `usr_${u.username.replace('.', '_')}`]));
  const customers = generateCustomers(rnd, opts.customers ?? 1000);
  const owners = USERS.filter((u) => !isAdmin(u.role)).map((u) => ({ id: ids.get(u.username)!, siteId: u.siteId }));
  const cases = generateCases(rnd, customers, owners, WRAPUP_CODES, now);
  const articles = loadSeedArticles();
  const catalogue = loadSeedCatalogue();

  return db.tx(async (q) => {
    if (q.dialect === 'postgres') await q.run('SELECT pg_advisory_xact_lock(5783)');
    const again = await q.get<{ n: number }>('SELECT COUNT(*) AS n FROM sites');
    if (Number(again?.n ?? 0) > 0) return null;
    await insertMany(q, 'sites', ['id', 'name', 'kind', 'partner_name', 'city', 'created_at'],
      SITES.map((s) => [s.id, s.name, s.kind, s.partnerName, s.city, now]));
    await insertMany(q, 'teams', ['id', 'name', 'site_id', 'created_at'], TEAMS.map((t) => [t.id, t.name, t.siteId, now]));
    await insertMany(q, 'users',
      ['id', 'username', 'display_name', 'role', 'site_id', 'team_id', 'extension', 'password_hash', 'created_at', 'updated_at'],
      USERS.map((u) => [ids.get(u.username)!, u.username, u.displayName, u.role, u.siteId, u.teamId, u.extension, demoHash, now, now]));
    for (const t of TEAMS) {
      const lead = USERS.find((u) => u.role === 'supervisor' && u.siteId === t.siteId);
      if (lead) await q.run('UPDATE teams SET supervisor_id = ? WHERE id = ?', [ids.get(lead.username)!, t.id]);
    }
    await insertMany(q, 'queues', ['id', 'name', 'line', 'dialled_number'], QUEUES.map((x) => [x.id, x.name, x.line, x.dialledNumber]));
    await insertMany(q, 'wrapup_codes', ['id', 'line', 'label', 'position', 'means_death'],
      Object.entries(WRAPUP_CODES).flatMap(([line, codes]) => codes.map(([id, label, meansDeath], i) => [id, line, label, i, Number(meansDeath ?? false)])));
    await insertMany(q, 'customers',
      ['id', 'name', 'phone', 'phone_alt', 'email', 'membership_number', 'postcode', 'bereaved', 'bereavement_ref', 'bereaved_at',
        'vulnerable', 'vulnerability_note', 'marketing_suppressed', 'created_at', 'updated_at'],
      customers.map((c) => [c.id, c.name, c.phone, c.phoneAlt, c.email, c.membershipNumber, c.postcode, Number(c.bereaved),
        c.bereavementRef, c.bereaved ? now - 20 * 86_400_000 : null, Number(c.vulnerable), c.vulnerabilityNote,
        Number(c.marketingSuppressed), now, now]));
    await insertMany(q, 'cases',
      ['id', 'reference', 'customer_id', 'channel', 'line', 'queue_id', 'status', 'wrapup_code', 'subject', 'site_id', 'owner_id',
        'opened_at', 'closed_at', 'updated_at'],
      cases.map((c) => [c.id, c.reference, c.customerId, c.channel, c.line, c.queueId, c.status, c.wrapupCode, c.subject, c.siteId,
        c.ownerId, c.openedAt, c.closedAt, c.closedAt ?? c.openedAt]));
    await insertMany(q, 'case_notes', ['id', 'case_id', 'author_id', 'body', 'created_at', 'site_id'],
      cases.flatMap((c) => c.notes.map((n) => [n.id, c.id, n.authorId, n.body, n.at, c.siteId])));
    await insertMany(q, 'case_note_revisions', ['note_id', 'revision', 'body', 'author_id', 'site_id', 'written_at'],
      cases.flatMap((c) => c.notes.map((n) => [n.id, 1, n.body, n.authorId, c.siteId, n.at])));
    let seq = 0;
    for (const a of articles) {
      const at = now - rnd.int(1, 200) * 86_400_000;
      // Owned by the heads of service in turn; a few are past their review-by date, as in any real knowledge base.
      const reviewBy = new Date(at + (seq % 9 === 4 ? 30 : 365) * 86_400_000).toISOString().slice(0, 10);
      await seedPublishedArticle(q, {
        ...a,
        audienceScope: 'all',
        audienceRoles: a.audienceRoles as never,
        audienceSites: [],
        ownerId: ids.get(seq % 2 ? 'admin.mcr' : 'head.mcr') ?? ids.get('admin.mcr')!,
        reviewBy,
        id: a.id,
        authorId: ids.get('admin.mcr') ?? null,
        reviewerId: ids.get('head.mcr') ?? null,
        seq: ++seq,
        at,
      });
    }
    await q.run("UPDATE counters SET value = ? WHERE name = 'knowledge'", [seq]);
    await insertMany(q, 'gesture_items',
      ['id', 'name', 'description', 'kind', 'min_pence', 'max_pence', 'tone', 'bereavement_suitable', 'fields', 'templates', 'fulfilment',
        'lines', 'sites', 'tags', 'retired', 'created_at', 'updated_at'],
      catalogue.map((i) => [i.id, i.name, i.description, i.kind, i.minPence, i.maxPence, i.tone, Number(i.bereavementSuitable),
        JSON.stringify(i.fields), JSON.stringify(i.templates), i.fulfilment, i.lines.join(','), i.sites.join(','), i.tags.join(','), 0, now, now]));
    await q.run(
      "INSERT INTO audit_log (at, actor_id, actor_role, action, entity, entity_id, site_id, detail) VALUES (?, NULL, NULL, 'hub.seeded', 'hub', NULL, NULL, ?)",
      [now, JSON.stringify({ customers: customers.length, cases: cases.length, articles: articles.length })],
    );
    return { sites: SITES.length, users: USERS.length, customers: customers.length, cases: cases.length, articles: articles.length, catalogueItems: catalogue.length };
  });
}
