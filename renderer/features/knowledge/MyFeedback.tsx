import { useEffect } from 'react';
import type { FeedbackView } from '../../../shared/schemas/knowledge';
import { useKnowledgeActions, useMyFeedback } from '../../state';
import { Badge } from '../../ui/Badge';
import { Card } from '../../ui/Card';
import { DateTime } from '../../ui/DateTime';
import { Loaded } from '../../ui/Loaded';
import { EmptyState } from '../../ui/States';
import { useRetryWhenOnline } from '../home/useRetryWhenOnline';
import './knowledge.css';

const KIND: Record<FeedbackView['kind'], string> = { flag: 'Flagged for a fix', not_helpful: 'Not helpful', helpful: 'Helpful' };

/**
 * What I told the knowledge team about articles, and what they answered. A reply arrives live (the
 * hub pushes it to me alone) and is said once at the top; the article opens beside it in knowledge.
 */
export function MyFeedback() {
  const { list, newReplyFor, load, dismissReply } = useMyFeedback();
  const { openArticle } = useKnowledgeActions();
  useEffect(() => void load(), [load]);
  useRetryWhenOnline(list.status === 'error', load);
  const fresh = newReplyFor && 'data' in list ? list.data?.find((f) => f.articleId === newReplyFor && f.reply) : undefined;

  return (
    <Card title="My feedback on articles" className="my-feedback">
      <div role="status" aria-live="polite">
        {fresh ? (
          <p className="my-feedback-new">
            <strong>New reply</strong> from {fresh.repliedBy ?? 'the knowledge team'} about “{fresh.articleTitle}”.{' '}
            <button type="button" className="button button-quiet button-small" onClick={dismissReply}>
              Dismiss
            </button>
          </p>
        ) : null}
      </div>
      <Loaded value={list} loadingLabel="Loading your feedback…" errorTitle="Your feedback could not be loaded." onRetry={() => void load()}>
        {(items) =>
          items.length === 0 ? (
            <EmptyState>Nothing sent to the knowledge team yet. “Flag for fix” or “No” under an article tells them.</EmptyState>
          ) : (
            <ul className="my-feedback-list" aria-label="My feedback on articles">
              {items.map((f) => (
                <li key={f.id} className="my-feedback-item" data-testid="my-feedback">
                  <div className="my-feedback-head">
                    <button type="button" className="my-feedback-article" onClick={() => void openArticle(f.articleId)}>
                      {f.articleTitle}
                    </button>
                    <Badge tone={f.status === 'resolved' ? 'good' : 'neutral'}>{f.status === 'resolved' ? 'Resolved' : 'Open'}</Badge>
                  </div>
                  <p className="my-feedback-meta">
                    {KIND[f.kind]} · <DateTime ms={f.createdAt} />
                  </p>
                  {f.comment ? <p className="my-feedback-comment">“{f.comment}”</p> : null}
                  {f.reply ? (
                    <div className="my-feedback-reply">
                      <p className="my-feedback-meta">
                        Reply from {f.repliedBy ?? 'the knowledge team'}
                        {f.repliedAt ? (
                          <>
                            {' '}
                            · <DateTime ms={f.repliedAt} />
                          </>
                        ) : null}
                      </p>
                      <p>{f.reply}</p>
                    </div>
                  ) : (
                    <p className="my-feedback-meta">No reply yet</p>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </Card>
  );
}
