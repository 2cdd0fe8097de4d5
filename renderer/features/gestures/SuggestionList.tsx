import { useState } from 'react';
import type { SuggestionView } from '../../../shared/schemas/gestures';
import { Badge } from '../../ui/Badge';
import { formatPence } from '../../ui/format';
import { KIND_LABELS } from '../../ui/gestureLabels';

const range = (s: SuggestionView) =>
  s.minPence === s.maxPence ? formatPence(s.minPence) : `${formatPence(s.minPence)} to ${formatPence(s.maxPence)}`;

const FIRST_FEW = 6;

/**
 * The catalogue ranked for this case by how well each item fits what went wrong. Each item says
 * whether its suggested amount is within the advisor's own limit; the limit never reorders them.
 */
export function SuggestionList({
  suggestions,
  advisorLimitPence,
  selected,
  onSelect,
}: {
  suggestions: SuggestionView[];
  advisorLimitPence: number;
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
                <span aria-hidden="true"> · </span>
                <span>suggested {formatPence(s.suggestedAmountPence)}</span>
                {s.withinAdvisorLimit ? (
                  <Badge tone="good">Within your {formatPence(advisorLimitPence)} limit</Badge>
                ) : (
                  <Badge tone="warning">Above your {formatPence(advisorLimitPence)} limit: needs approval</Badge>
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
