import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ADMIN_ROLES, LEAD_ROLES, type Role } from '../../shared/roles';
import { catalogueItem, type CatalogueItem } from '../../shared/schemas/catalogue';
import { articleLine } from '../../shared/schemas/knowledge';

const here = fileURLToPath(new URL('.', import.meta.url));

const frontmatter = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(4),
  summary: z.string().min(4),
  line: articleLine,
  category: z.string().min(2),
  tags: z.string(),
  audience: z.enum(['all', 'advisor', 'supervisor', 'admin']),
});

export interface SeedArticle {
  id: string;
  title: string;
  summary: string;
  body: string;
  line: z.infer<typeof articleLine>;
  category: string;
  tags: string[];
  audienceRoles: Role[];
}

/** Parses the `---` block of `key: value` lines that our seed articles start with. */
export function parseArticle(source: string, file: string): SeedArticle {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(source);
  if (!m) throw new Error(`${file}: no frontmatter block`);
  const fields: Record<string, string> = {};
  for (const line of m[1]!.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) fields[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  const parsed = frontmatter.safeParse(fields);
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  const f = parsed.data;
  // A supervisor article is for supervisors and the admins above them; an admin one for admins only.
  const audienceRoles: Role[] = { all: [], advisor: ['advisor' as const], supervisor: [...LEAD_ROLES], admin: [...ADMIN_ROLES] }[f.audience];
  return {
    id: f.id,
    title: f.title,
    summary: f.summary,
    body: m[2]!.trim(),
    line: f.line,
    category: f.category,
    tags: f.tags.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean),
    audienceRoles,
  };
}

export function loadSeedArticles(): SeedArticle[] {
  const dir = join(here, 'knowledge');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => parseArticle(readFileSync(join(dir, f), 'utf8'), f));
}

export function loadSeedCatalogue(): CatalogueItem[] {
  const raw = JSON.parse(readFileSync(join(here, 'catalogue.json'), 'utf8')) as unknown[];
  return raw.map((item, i) => {
    const parsed = catalogueItem.safeParse(item);
    if (!parsed.success) throw new Error(`catalogue.json item ${i}: ${parsed.error.issues.map((x) => `${x.path.join('.')} ${x.message}`).join('; ')}`);
    return parsed.data;
  });
}
