import { useCallback, useEffect, useId, useRef, useState } from 'react';
import {
  useActiveResult,
  useCallSuggestions,
  useConnectionStatus,
  useKnowledgeActions,
  useKnowledgeIndexing,
  useKnowledgeFilters,
  useKnowledgeQuery,
  useKnowledgeResults,
  useOpenArticle,
} from '../../state';
import { Card } from '../../ui/Card';
import { formatCount } from '../../ui/format';
import { EmptyState, ErrorState, LoadingState } from '../../ui/States';
import { ArticleView } from './ArticleView';
import { KnowledgeFilters } from './KnowledgeFilters';
import { ResultsList, type ResultsListHandle } from './ResultsList';
import { SearchBox } from './SearchBox';
import { SuggestedArticles } from './SuggestedArticles';
import './knowledge.css';

/** Search the knowledge saved on this computer (so it works offline) and read an article in place. */
/**
 * `suggestionsAsResults`: in the console, a call's suggestions are the list until the advisor types
 * (the same keyboard list, the same article pane), so they never push the results out of view.
 */
export function KnowledgePanel({ className, suggestionsAsResults = false }: { className?: string; suggestionsAsResults?: boolean }) {
  const resultsId = useId();
  const query = useKnowledgeQuery();
  const results = useKnowledgeResults();
  const indexing = useKnowledgeIndexing();
  const connection = useConnectionStatus();
  const activeIndex = useActiveResult();
  const { id: openId, article } = useOpenArticle();
  const { setActiveIndex, openArticle, closeArticle, requestSearchFocus, refreshResults, loadAll } = useKnowledgeActions();
  const listRef = useRef<ResultsListHandle>(null);
  const [returning, setReturning] = useState(false);
  /** The suggestion an article was opened from, so "Back" lands on it rather than on the results. */
  const [fromSuggestion, setFromSuggestion] = useState<string | null>(null);

  const filters = useKnowledgeFilters();
  const searching = query.trim().length > 0 || Boolean(filters.line || filters.category);
  const callSuggestions = useCallSuggestions();
  const suggested =
    suggestionsAsResults && !searching && callSuggestions.active && 'data' in callSuggestions.suggestions ? (callSuggestions.suggestions.data ?? []) : [];
  const showingSuggested = suggested.length > 0;
  const hits = showingSuggested ? suggested : results.status === 'ready' || results.status === 'loading' ? (results.data ?? []) : [];
  const open = useCallback(
    (index: number) => {
      const hit = hits[index];
      if (!hit) return;
      setFromSuggestion(null);
      setActiveIndex(index);
      void openArticle(hit.id);
    },
    [hits, openArticle, setActiveIndex],
  );
  const backToResults = useCallback(() => {
    if (!fromSuggestion) setReturning(true);
    closeArticle();
  }, [closeArticle, fromSuggestion]);
  const openSuggestion = useCallback(
    (id: string) => {
      setFromSuggestion(id);
      void openArticle(id);
    },
    [openArticle],
  );

  // Focus goes back to the result once, on the way back from an article; never while typing.
  useEffect(() => {
    if (!openId && returning) setReturning(false);
  }, [openId, returning]);

  const stillIndexing = indexing.status === 'loading' || indexing.status === 'idle';

  /** Why there is no list to show (loading, an error, nothing found), or null when the list shows. */
  const instead = () => {
    if (indexing.status === 'error' && hits.length === 0) {
      return <ErrorState title="Knowledge could not be loaded." error={indexing.error} onRetry={() => void loadAll()} />;
    }
    if (results.status === 'error' && !showingSuggested) {
      return <ErrorState title="Search stopped working." error={results.error} onRetry={() => void refreshResults()} />;
    }
    // An answer still on its way is not "no results": never flash the empty state while waiting.
    const waiting = results.status === 'idle' || (results.status === 'loading' && results.data === undefined);
    if (hits.length === 0 && (stillIndexing || waiting))
      return <LoadingState label="Loading knowledge saved on this computer…" />;
    if (hits.length === 0 && !searching && connection?.state === 'syncing') {
      return <LoadingState label="Downloading knowledge to this computer…" />;
    }
    if (hits.length === 0) {
      return searching ? (
        <EmptyState>{query.trim() ? <>No articles match “{query.trim()}”</> : <>No articles in this line or category</>}</EmptyState>
      ) : (
        <EmptyState>No articles saved on this computer yet</EmptyState>
      );
    }
    return null;
  };
  const noList = openId ? null : instead();
  // The search box names the list it controls only while that list is on the page.
  const listShown = !openId && noList === null;

  const resultsView = () =>
    noList ?? (
      <>
        <h3 className="results-heading">{showingSuggested ? 'Suggested for this call' : searching ? 'Best matches' : 'Recently updated'}</h3>
        <ResultsList
          ref={listRef}
          id={resultsId}
          hits={hits}
          activeIndex={activeIndex}
          restoreFocus={returning}
          onActiveChange={setActiveIndex}
          onOpen={open}
          onLeave={() => requestSearchFocus({ selectAll: false })}
        />
      </>
    );

  return (
    <Card title="Knowledge base" className={className ? `knowledge ${className}` : 'knowledge'}>
      <SearchBox
        resultsId={listShown ? resultsId : undefined}
        onEnterResults={() => listRef.current?.focusOption(0) ?? false}
        onOpenFirst={() => open(Math.max(activeIndex, 0))}
      />
      <KnowledgeFilters />
      <p className="visually-hidden" aria-live="polite">
        {searching && results.status === 'ready' ? `${formatCount(hits.length)} articles found` : ''}
      </p>
      {/* Busy while the latest words' answer is on its way: the list on screen is still the last one's. */}
      <div className="knowledge-content" aria-busy={!openId && results.status === 'loading'}>
        {openId ? (
          <ArticleView article={article} onBack={backToResults} onRetry={() => void openArticle(openId)} />
        ) : (
          <>
            {searching || suggestionsAsResults ? null : (
              <SuggestedArticles onOpen={openSuggestion} returnFocusTo={fromSuggestion} onFocusReturned={() => setFromSuggestion(null)} />
            )}
            {resultsView()}
          </>
        )}
      </div>
    </Card>
  );
}
