import { useEffect, useRef } from 'react';
import type { Article } from '../../../shared/schemas/knowledge';
import type { Loadable } from '../../state';
import { Badge } from '../../ui/Badge';
import { formatDateTime, formatRelative, lineLabel } from '../../ui/format';
import { Loaded } from '../../ui/Loaded';
import { Markdown } from '../../ui/Markdown';
import { useNow } from '../../ui/useNow';
import { ArticleFeedback } from './ArticleFeedback';
import { ArticleToNote } from './ArticleToNote';
import '../../ui/controls.css';

interface ArticleViewProps {
  article: Loadable<Article>;
  onBack(): void;
  onRetry(): void;
}

/** Esc in some other form on the page (the admin's editor) is not ours to take; the search box's is. */
function isTypingElsewhere(target: EventTarget | null, region: HTMLElement | null): boolean {
  if (!(target instanceof HTMLElement) || region?.contains(target)) return false;
  if (target instanceof HTMLInputElement && target.type === 'search') return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The article pane: a way back (button or Esc) whatever state the article is in. */
export function ArticleView({ article, onBack, onRetry }: ArticleViewProps) {
  const regionRef = useRef<HTMLElement>(null);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (isTypingElsewhere(event.target, regionRef.current)) return;
      event.preventDefault();
      onBack();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onBack]);

  return (
    <section ref={regionRef} className="article" aria-label="Article">
      <button type="button" className="button button-quiet button-small article-back" onClick={onBack}>
        <span aria-hidden="true">←</span> Back to results
      </button>
      <Loaded value={article} loadingLabel="Opening the article…" errorTitle="The article could not be opened." onRetry={onRetry}>
        {(data) => <ArticleContent article={data} />}
      </Loaded>
    </section>
  );
}

/** Title first, then where it applies and how fresh it is, then the body. */
function ArticleContent({ article }: { article: Article }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const now = useNow(60_000);
  useEffect(() => headingRef.current?.focus(), [article.id]);

  return (
    <>
      <h2 ref={headingRef} tabIndex={-1} className="article-title">
        {article.title}
      </h2>
      <p className="article-meta">
        <Badge tone="primary">{lineLabel(article.line)}</Badge>
        <span className="article-category">{article.category}</span>
      </p>
      <p className="article-updated">
        Updated <time dateTime={new Date(article.updatedAt).toISOString()}>{formatDateTime(article.updatedAt)}</time> (
        {formatRelative(article.updatedAt, now)})
      </p>
      <ArticleToNote article={article} body={bodyRef} />
      <div ref={bodyRef}>
        {article.summary ? <p className="article-summary">{article.summary}</p> : null}
        <Markdown source={article.body} className="article-body" />
      </div>
      {article.tags.length > 0 ? (
        <ul className="article-tags">
          {article.tags.map((tag) => (
            <li key={tag}>
              <Badge>{tag}</Badge>
            </li>
          ))}
        </ul>
      ) : null}
      <ArticleFeedback key={article.id} articleId={article.id} />
    </>
  );
}
