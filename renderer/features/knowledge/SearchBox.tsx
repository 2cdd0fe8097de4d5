import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useKnowledgeActions, useKnowledgeQuery, useOpenArticle, useSearchFocusRequest } from '../../state';

interface SearchBoxProps {
  /** The results list's id while it is on the page (not while an article or an empty state shows). */
  resultsId: string | undefined;
  /** Moves focus into the results; false when there is nothing to move to. */
  onEnterResults: () => boolean;
  onOpenFirst: () => void;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function SearchBox({ resultsId, onEnterResults, onOpenFirst }: SearchBoxProps) {
  const query = useKnowledgeQuery();
  const focusRequest = useSearchFocusRequest();
  const { id: openArticleId } = useOpenArticle();
  const { setQuery } = useKnowledgeActions();
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const input = inputRef.current;
    if (!focusRequest || !input) return;
    input.focus();
    if (focusRequest.selectAll) input.select();
    else input.setSelectionRange(input.value.length, input.value.length);
  }, [focusRequest]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      if (onEnterResults()) event.preventDefault();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      onOpenFirst();
    } else if (event.key === 'Escape' && !openArticleId && query) {
      // With an article open, Esc belongs to the article (back to results), not to the query.
      event.preventDefault();
      setQuery('');
    }
  };

  return (
    <div className="search-box">
      <svg className="search-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <circle cx="8.5" cy="8.5" r="5.5" />
        <path d="M13 13l4.5 4.5" />
      </svg>
      <input
        ref={inputRef}
        type="search"
        role="searchbox"
        aria-label="Search knowledge"
        aria-controls={resultsId}
        className="search-input"
        placeholder="Ask a question…"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <kbd className="search-shortcut" aria-hidden="true">
        {isMac ? '⌘K' : 'Ctrl K'}
      </kbd>
    </div>
  );
}
