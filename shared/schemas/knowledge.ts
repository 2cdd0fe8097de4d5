import { z } from 'zod';
import { LINES, ROLES } from '../roles';

export const articleLine = z.enum([...LINES, 'all']);
export type ArticleLine = z.infer<typeof articleLine>;

export const articleStatus = z.enum(['draft', 'published', 'retired']);

export const article = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  line: articleLine,
  category: z.string(),
  tags: z.array(z.string()),
  updatedAt: z.number(),
  publishedAt: z.number().nullable(),
});
export type Article = z.infer<typeof article>;

export const adminArticle = article.extend({
  status: articleStatus,
  audienceRoles: z.array(z.enum(ROLES)),
  audienceSites: z.array(z.string()),
  changeSeq: z.number(),
});
export type AdminArticle = z.infer<typeof adminArticle>;

/** One entry of the change feed: the article as this reader may see it, or that it is gone. */
export const knowledgeChange = z.union([
  z.object({ kind: z.literal('upsert'), seq: z.number(), article }),
  z.object({ kind: z.literal('remove'), seq: z.number(), id: z.string() }),
]);
export type KnowledgeChange = z.infer<typeof knowledgeChange>;

export const knowledgeChangesPage = z.object({
  changes: z.array(knowledgeChange),
  cursor: z.number(),
  /** The newest change at the time of the request, so a client can show progress. */
  latest: z.number(),
  more: z.boolean(),
});
export type KnowledgeChangesPage = z.infer<typeof knowledgeChangesPage>;

export const changesQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const articleDraft = z.object({
  title: z.string().trim().min(4).max(200),
  summary: z.string().trim().min(4).max(500),
  body: z.string().trim().min(10).max(100_000),
  line: articleLine,
  category: z.string().trim().min(2).max(60),
  tags: z.array(z.string().trim().toLowerCase().min(1).max(40)).max(20).default([]),
  audienceRoles: z.array(z.enum(ROLES)).max(ROLES.length).default([]),
  audienceSites: z.array(z.string().max(64)).max(50).default([]),
  publish: z.boolean().default(false),
});
export type ArticleDraft = z.input<typeof articleDraft>;

/** Knowledge-centred service: advisors improve the knowledge they use. */
export const articleFeedback = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('helpful') }),
  z.object({ kind: z.literal('not_helpful'), comment: z.string().trim().max(2000).optional() }),
  z.object({ kind: z.literal('flag'), comment: z.string().trim().min(3, 'say what needs fixing').max(2000) }),
]);
export type ArticleFeedback = z.infer<typeof articleFeedback>;

export const feedbackView = z.object({
  id: z.string(),
  articleId: z.string(),
  articleTitle: z.string(),
  kind: z.enum(['helpful', 'not_helpful', 'flag']),
  comment: z.string().nullable(),
  status: z.enum(['open', 'resolved']),
  userName: z.string(),
  siteName: z.string(),
  createdAt: z.number(),
});
export type FeedbackView = z.infer<typeof feedbackView>;
