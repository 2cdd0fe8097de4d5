import { useState } from 'react';
import type { SuggestionView } from '../../../shared/schemas/gestures';
import { Badge } from '../../ui/Badge';
import { formatPence } from '../../ui/format';
import { KIND_LABELS } from '../../ui/gestureLabels';

const range = (s: SuggestionView) =>
  s.minPence === s.maxPence ? formatPence(s.minPence) : `${formatPence(s.minPence)} to ${formatPence(s.maxPence)}`;

const FIRST_FEW = 6;

/** The catalogue ranked for this case; items within the advisor's own limit come first. */
export function SuggestionList({
  suggestions,
  selected,
  onSelect,
}: {
  suggestions: SuggestionView[];
  selected: string | null;
  onSelect: (itemId: string) => void;
}) {
  const [all, setAll] = useState(false);
  const shown = all ? suggestions : suggestions.slice(0, FIRST_FEW);
  return (
    <>
      <ul className="gesture-options" aria-label="Suggested gestures">
        {shown.map((s) => (
          <li key={s.itemId}>
            <button
              type="button"
              className={s.itemId === selected ? 'gesture-option gesture-option-selected' : 'gesture-option'}
              aria-pressed={s.itemId === selected}
              onClick={() => onSelect(s.itemId)}
            >
              <span className="gesture-option-name">{s.name}</span>
              <span className="gesture-option-meta">
                <span>{KIND_LABELS[s.kind]}</span>
                <span aria-hidden="true"> · </span>
                <span>{range(s)}</span>
                {s.withinAdvisorLimit ? (
                  <Badge tone="good">Within your limit</Badge>
                ) : (
                  <Badge tone="warning">Needs approval</Badge>
                )}
              </span>
              {s.why.length ? <span className="gesture-option-why">{s.why.join(' · ')}</span> : null}
            </button>
          </li>
        ))}
      </ul>
      {suggestions.length > FIRST_FEW ? (
        <button
          type="button"
          className="button button-quiet button-small gesture-more"
          onClick={() => setAll(!all)}
          aria-expanded={all}
        >
          {all ? 'Show the best few' : `Show all ${suggestions.length} that fit this case`}
        </button>
      ) : null}
    </>
  );
}
