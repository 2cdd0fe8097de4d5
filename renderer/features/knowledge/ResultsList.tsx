import { useEffect, useImperativeHandle, useRef, type KeyboardEvent, type Ref } from 'react';
import { useNow } from '../../ui/useNow';
import type { SearchHit } from './protocol';
import { ResultItem } from './ResultItem';

export interface ResultsListHandle {
  focusOption(index: number): boolean;
}

interface ResultsListProps {
  id: string;
  hits: SearchHit[];
  activeIndex: number;
  /** Put focus back on the active result when returning from an article. */
  restoreFocus: boolean;
  onActiveChange(index: number): void;
  onOpen(index: number): void;
  onLeave(): void;
  ref?: Ref<ResultsListHandle>;
}

/** A listbox with a roving tab stop: arrows move, Enter opens, Esc or typing goes back to the search box. */
export function ResultsList({ id, hits, activeIndex, restoreFocus, onActiveChange, onOpen, onLeave, ref }: ResultsListProps) {
  const listRef = useRef<HTMLUListElement>(null);
  const now = useNow(60_000);

  const focusOption = (index: number): boolean => {
    const option = listRef.current?.querySelectorAll<HTMLElement>('[role="option"]')[index];
    if (!option) return false;
    onActiveChange(index);
    option.focus();
    option.scrollIntoView({ block: 'nearest' });
    return true;
  };
  useImperativeHandle(ref, () => ({ focusOption }));

  // Only on mount (coming back from an article): later focus moves come from the keyboard handlers.
  useEffect(() => {
    if (restoreFocus && activeIndex >= 0) focusOption(activeIndex);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const current = Math.max(activeIndex, 0);
    const lastIndex = hits.length - 1;
    const moves: Record<string, () => void> = {
      ArrowDown: () => focusOption(Math.min(current + 1, lastIndex)),
      ArrowUp: () => (current === 0 ? onLeave() : focusOption(current - 1)),
      Home: () => focusOption(0),
      End: () => focusOption(lastIndex),
      Enter: () => onOpen(current),
      ' ': () => onOpen(current),
      Escape: () => onLeave(),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      move();
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Typing while on the list carries on the search (the key lands in the box) rather than being lost.
      onLeave();
    }
  };

  const tabStop = Math.min(Math.max(activeIndex, 0), hits.length - 1);
  return (
    <ul ref={listRef} id={id} className="results" role="listbox" aria-label="Search results" onKeyDown={onKeyDown}>
      {hits.map((hit, index) => (
        <ResultItem
          key={hit.id}
          hit={hit}
          optionId={`${id}-${index}`}
          selected={index === activeIndex}
          tabbable={index === tabStop}
          now={now}
          onOpen={() => onOpen(index)}
          onFocus={() => activeIndex !== index && onActiveChange(index)}
        />
      ))}
    </ul>
  );
}
