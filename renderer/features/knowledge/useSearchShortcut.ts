import { useEffect } from 'react';
import { useKnowledgeActions } from '../../state';

/** Ctrl+K (Cmd+K on a Mac) jumps to knowledge search from anywhere, mid-call included. */
export function useSearchShortcut(): void {
  const { requestSearchFocus } = useKnowledgeActions();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'k' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      event.preventDefault();
      requestSearchFocus();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [requestSearchFocus]);
}
