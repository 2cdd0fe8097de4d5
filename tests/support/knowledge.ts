import { hubClient, signInAs } from './client';

/** The two heads of service the demo seeds at the in-house site: one writes, the other approves. */
export const AUTHOR = 'admin.mcr';
export const REVIEWER = 'head.mcr';

export const sampleArticle = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  summary: `What to tell a customer about ${title.toLowerCase()}.`,
  body: `## ${title}\n\nCheck the order, apologise, and offer the right remedy.`,
  line: 'food',
  category: 'Orders',
  tags: ['orders'],
  ...extra,
});

type Client = ReturnType<typeof hubClient>;

/** Writes, submits and approves an article the way two organisation admins would; returns its history. */
export async function publishArticle(hubUrl: string, fields: Record<string, unknown>, who?: { author: Client; reviewer: Client }) {
  const author = who?.author ?? (await signInAs(hubUrl, AUTHOR)).client;
  const reviewer = who?.reviewer ?? (await signInAs(hubUrl, REVIEWER)).client;
  const made = await author.post('/api/knowledge/articles', fields);
  if (made.status !== 201) throw new Error(`draft refused: ${made.status} ${JSON.stringify(made.body)}`);
  const id = made.body.entry.id as string;
  const sent = await author.post(`/api/knowledge/articles/${id}/submit`);
  if (sent.status !== 200) throw new Error(`submit refused: ${sent.status} ${JSON.stringify(sent.body)}`);
  const approved = await reviewer.post(`/api/knowledge/articles/${id}/review`, { decision: 'approve' });
  if (approved.status !== 200) throw new Error(`approval refused: ${approved.status} ${JSON.stringify(approved.body)}`);
  return approved.body as { entry: { id: string; liveVersion: number }; versions: { version: number; state: string }[] };
}

/** The change sequence of an article's live copy, as an advisor's feed shows it. */
export async function feedIds(client: Client, after = 0): Promise<string[]> {
  const ids: string[] = [];
  let cursor = after;
  for (;;) {
    const page = await client.get(`/api/knowledge/changes?after=${cursor}&limit=1000`);
    for (const c of page.body.changes) ids.push(c.kind === 'upsert' ? c.article.id : c.id);
    cursor = page.body.cursor;
    if (!page.body.more) return ids;
  }
}
