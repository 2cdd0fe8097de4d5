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

/**
 * The hub's `knowledge.changed` push: the change as this reader may see it, so a desktop whose
 * cursor is just behind applies it without reading the feed. Without `change` (or after a gap) the
 * desktop reads the feed from its cursor, as after being offline.
 */
export const knowledgePush = z.object({ seq: z.number().int().min(0), change: knowledgeChange.optional() });
export type KnowledgePush = z.infer<typeof knowledgePush>;

export const changesQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

/** Who an article is for: every site, the in-house sites only, or the sites chosen; optionally narrowed to roles. */
export const AUDIENCE_SCOPES = ['all', 'in_house', 'sites'] as const;
export const audienceScope = z.enum(AUDIENCE_SCOPES);
export type AudienceScope = z.infer<typeof audienceScope>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** What an author writes; the hub keeps every saved state of it as a version. */
export const articleDraft = z
  .object({
    title: z.string().trim().min(4).max(200),
    summary: z.string().trim().min(4).max(500),
    body: z.string().trim().min(10).max(100_000),
    line: articleLine,
    category: z.string().trim().min(2).max(60),
    tags: z.array(z.string().trim().toLowerCase().min(1).max(40)).max(20).default([]),
    audienceScope: audienceScope.default('all'),
    audienceRoles: z.array(z.enum(ROLES)).max(ROLES.length).default([]),
    audienceSites: z.array(z.string().max(64)).max(50).default([]),
    ownerId: z.string().max(64).nullable().default(null),
    reviewBy: isoDate.nullable().default(null),
  })
  .refine((d) => d.audienceScope !== 'sites' || d.audienceSites.length > 0, {
    path: ['audienceSites'],
    message: 'choose at least one site',
  });
export type ArticleDraft = z.input<typeof articleDraft>;
export type ArticleFields = z.output<typeof articleDraft>;

export const VERSION_STATES = ['draft', 'in_review', 'approved', 'published', 'superseded', 'retired', 'withdrawn'] as const;
export const versionState = z.enum(VERSION_STATES);
export type VersionState = z.infer<typeof versionState>;

/** One saved state of an article, with who did what to it and when. */
export const versionSummary = z.object({
  articleId: z.string(),
  version: z.number(),
  state: versionState,
  title: z.string(),
  basedOn: z.number().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
  submittedBy: z.string().nullable(),
  submittedAt: z.number().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.number().nullable(),
  reviewNote: z.string().nullable(),
  publishAt: z.number().nullable(),
  publishedBy: z.string().nullable(),
  publishedAt: z.number().nullable(),
  endedAt: z.number().nullable(),
});
export type VersionSummary = z.infer<typeof versionSummary>;

export const articleVersion = versionSummary.extend({
  summary: z.string(),
  body: z.string(),
  line: articleLine,
  category: z.string(),
  tags: z.array(z.string()),
  audienceScope,
  audienceRoles: z.array(z.enum(ROLES)),
  audienceSites: z.array(z.string()),
  ownerId: z.string().nullable(),
  reviewBy: z.string().nullable(),
  /** Everyone who wrote this version: none of them may approve it when four eyes are required. */
  editors: z.array(z.string()),
});
export type ArticleVersion = z.infer<typeof articleVersion>;

/** An article as the knowledge team sees it: its live state and the version being worked on. */
export const articleEntry = z.object({
  id: z.string(),
  /** `draft`: never published; `published`: live on desktops; `retired`: taken off them. */
  status: articleStatus,
  title: z.string(),
  line: articleLine,
  category: z.string(),
  liveVersion: z.number().nullable(),
  liveTitle: z.string().nullable(),
  open: versionSummary.nullable(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  reviewBy: z.string().nullable(),
  retireAt: z.number().nullable(),
  updatedAt: z.number(),
});
export type ArticleEntry = z.infer<typeof articleEntry>;

export const articleHistory = z.object({
  entry: articleEntry,
  versions: z.array(versionSummary),
  names: z.record(z.string(), z.string()),
});
export type ArticleHistory = z.infer<typeof articleHistory>;

const when = z.number().int().positive().nullable().default(null);
export const reviewDecision = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve'), publishAt: when, note: z.string().trim().max(2000).optional() }),
  z.object({ decision: z.literal('reject'), note: z.string().trim().min(3, 'say what needs changing').max(2000) }),
]);
export type ReviewDecision = z.input<typeof reviewDecision>;
export const retireRequest = z.object({ retireAt: when, reason: z.string().trim().max(500).optional() });
export const restoreRequest = z.object({ version: z.number().int().positive() });
export const knowledgeSettings = z.object({ fourEyes: z.boolean() });
export type KnowledgeSettings = z.infer<typeof knowledgeSettings>;

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
  reply: z.string().nullable(),
  repliedBy: z.string().nullable(),
  repliedAt: z.number().nullable(),
  resolvedAt: z.number().nullable(),
});
export type FeedbackView = z.infer<typeof feedbackView>;

export const feedbackReply = z.object({
  reply: z.string().trim().min(2, 'write a reply').max(2000),
  resolve: z.boolean().default(true),
});
export type FeedbackReply = z.input<typeof feedbackReply>;

/** A search an advisor ran and opened nothing from: what the knowledge base is missing. */
export const searchMiss = z.object({
  query: z.string().trim().min(2).max(200),
  resultCount: z.number().int().min(0).max(10_000),
});
export type SearchMiss = z.infer<typeof searchMiss>;

export const unansweredSearch = z.object({
  query: z.string(),
  times: z.number(),
  advisors: z.number(),
  lastAt: z.number(),
  resultCount: z.number(),
});
export type UnansweredSearch = z.infer<typeof unansweredSearch>;

export const overdueArticle = z.object({ id: z.string(), title: z.string(), reviewBy: z.string(), ownerName: z.string().nullable() });
export type OverdueArticle = z.infer<typeof overdueArticle>;
