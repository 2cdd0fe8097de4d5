import { useEffect } from 'react';
import { useConsoleActions, useKnowledgeCollapsed, useSearchFocusRequest } from '../../state';
import { KnowledgePanel } from '../knowledge/KnowledgePanel';

/** Right: knowledge, always at hand; folded to a narrow strip when the advisor wants the room. */
export function KnowledgeRegion() {
  const collapsed = useKnowledgeCollapsed();
  const focusRequest = useSearchFocusRequest();
  const { setKnowledgeCollapsed } = useConsoleActions();

  // Ctrl+K while folded away unfolds it, so the caret always lands in a search box that shows.
  useEffect(() => {
    if (focusRequest && collapsed) setKnowledgeCollapsed(false);
  }, [focusRequest]);

  if (collapsed) {
    return (
      <aside className="console-region console-knowledge console-knowledge-folded" aria-label="Knowledge">
        <button type="button" className="button button-secondary button-small console-unfold" aria-expanded="false" onClick={() => setKnowledgeCollapsed(false)}>
          <span aria-hidden="true">«</span> Show knowledge
        </button>
      </aside>
    );
  }
  return (
    <aside className="console-region console-knowledge" aria-label="Knowledge">
      <button
        type="button"
        className="button button-quiet button-small console-fold"
        aria-expanded="true"
        aria-label="Hide knowledge"
        onClick={() => setKnowledgeCollapsed(true)}
      >
        Hide <span aria-hidden="true">»</span>
      </button>
      <KnowledgePanel className="knowledge-console" suggestionsAsResults />
    </aside>
  );
}
