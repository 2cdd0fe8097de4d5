import { z } from 'zod';
import {
  articleDraft,
  feedbackReply,
  knowledgeSettings,
  restoreRequest,
  retireRequest,
  reviewDecision,
  searchMiss,
  type ArticleEntry,
  type ArticleHistory,
  type ArticleVersion,
  type FeedbackView,
  type KnowledgeSettings,
  type OverdueArticle,
  type UnansweredSearch,
} from '../schemas/knowledge';

const articleId = z.string().min(1).max(120);

/** The knowledge team's work (organisation admins) and what advisors tell it; the hub decides who may. */
export const publishingRequestArgs = {
  'publishing.list': z.object({}),
  'publishing.history': z.object({ id: articleId }),
  'publishing.version': z.object({ id: articleId, version: z.number().int().positive() }),
  'publishing.create': articleDraft,
  'publishing.save': z.object({ id: articleId, draft: articleDraft }),
  'publishing.submit': z.object({ id: articleId }),
  'publishing.review': z.object({ id: articleId, decision: reviewDecision }),
  'publishing.discard': z.object({ id: articleId }),
  'publishing.restore': restoreRequest.extend({ id: articleId }),
  'publishing.retire': retireRequest.extend({ id: articleId }),
  'publishing.cancelRetirement': z.object({ id: articleId }),
  'publishing.choices': z.object({}),
  'publishing.settings': z.object({}),
  'publishing.saveSettings': knowledgeSettings,
  'publishing.inbox': z.object({ status: z.enum(['open', 'resolved']).default('open') }),
  'publishing.reply': feedbackReply.extend({ feedbackId: z.string().min(1).max(80) }),
  'publishing.resolve': z.object({ feedbackId: z.string().min(1).max(80) }),
  'knowledge.myFeedback': z.object({}),
  'knowledge.searchMiss': searchMiss,
} as const;

/** The knowledge team hears when an article is sent for review or reviewed, and when an advisor flags one; an advisor hears a reply. */
export const PUBLISHING_CHANGES = ['review_requested', 'reviewed', 'flagged', 'published', 'feedback_replied'] as const;
export interface PublishingPushes {
  'publishing.changed': { what: (typeof PUBLISHING_CHANGES)[number]; articleId: string | null };
}

/** Who may own an article and which sites an audience may name. */
export interface PublishingChoices {
  authors: { id: string; displayName: string }[];
  sites: { id: string; name: string; kind: 'in_house' | 'partner' }[];
}

export interface PublishingInbox {
  feedback: FeedbackView[];
  unanswered: UnansweredSearch[];
  overdue: OverdueArticle[];
}

export interface PublishingRequestResults {
  'publishing.list': ArticleEntry[];
  'publishing.history': ArticleHistory;
  'publishing.version': ArticleVersion;
  'publishing.create': ArticleHistory;
  'publishing.save': ArticleHistory;
  'publishing.submit': ArticleHistory;
  'publishing.review': ArticleHistory;
  'publishing.discard': ArticleHistory;
  'publishing.restore': ArticleHistory;
  'publishing.retire': ArticleHistory;
  'publishing.cancelRetirement': ArticleHistory;
  'publishing.choices': PublishingChoices;
  'publishing.settings': KnowledgeSettings;
  'publishing.saveSettings': KnowledgeSettings;
  'publishing.inbox': PublishingInbox;
  'publishing.reply': { ok: true };
  'publishing.resolve': { ok: true };
  'knowledge.myFeedback': FeedbackView[];
  'knowledge.searchMiss': { ok: true };
}
