import type { KnowledgeSettings } from '../../shared/schemas/knowledge';
import type { Queryable } from '../db/types';

/** Four eyes: publishing needs a second organisation admin's approval. On unless the organisation turns it off. */
export async function fourEyesRequired(q: Queryable): Promise<boolean> {
  const row = await q.get<{ value: string }>("SELECT value FROM organisation_settings WHERE key = 'knowledge_four_eyes'");
  return row?.value !== '0';
}

export async function knowledgeSettings(q: Queryable): Promise<KnowledgeSettings> {
  return { fourEyes: await fourEyesRequired(q) };
}

export async function saveKnowledgeSettings(q: Queryable, s: KnowledgeSettings): Promise<void> {
  await q.run(
    `INSERT INTO organisation_settings (key, value, updated_at) VALUES ('knowledge_four_eyes', ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    [s.fourEyes ? '1' : '0', Date.now()],
  );
}
