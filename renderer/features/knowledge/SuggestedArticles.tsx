import { useEffect, useRef } from 'react';
import { useCallSuggestions } from '../../state';
import { Badge } from '../../ui/Badge';
import { lineLabel } from '../../ui/format';
import type { TextPart } from './protocol';

const plain = (parts: TextPart[]) => parts.map((p) => p.text).join('');

/**
 * Up to five articles for the call in progress, found from its line, the IVR's intent and the
 * card's notes, so the advisor has something to read before they have typed a word.
 */
interface SuggestedArticlesProps {
  onOpen(id: string): void;
  /** Coming back from an article opened here: focus goes back to its suggestion. */
  returnFocusTo: string | null;
  onFocusReturned(): void;
}

export function SuggestedArticles({ onOpen, returnFocusTo, onFocusReturned }: SuggestedArticlesProps) {
  const { active, suggestions } = useCallSuggestions();
  const listRef = useRef<HTMLUListElement>(null);

  // Only on mount (back from an article); opening one unmounts this list.
  useEffect(() => {
    if (!returnFocusTo) return;
    const button = listRef.current?.querySelector<HTMLButtonElement>(`[data-article-id="${CSS.escape(returnFocusTo)}"]`);
    button?.focus();
    onFocusReturned();
  }, []);

  if (!active) return null;
  const hits = suggestions.status === 'ready' || suggestions.status === 'loading' ? (suggestions.data ?? []) : [];
  if (hits.length === 0) return null;
  return (
    <section className="suggested" aria-labelledby="suggested-heading">
      <h3 id="suggested-heading" className="results-heading">
        Suggested for this call
      </h3>
      <ul ref={listRef} className="suggested-list">
        {hits.map((hit) => (
          <li key={hit.id}>
            <button type="button" className="suggested-item" data-article-id={hit.id} onClick={() => onOpen(hit.id)}>
              <span className="suggested-title">{plain(hit.title)}</span>
              <span className="suggested-meta">
                <Badge tone="primary">{lineLabel(hit.line)}</Badge>
                <span>{hit.category}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
