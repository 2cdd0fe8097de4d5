import { Badge } from '../../ui/Badge';
import { formatDateTime, formatRelative, lineLabel } from '../../ui/format';
import { Highlighted } from './Highlighted';
import type { SearchHit } from './protocol';

interface ResultItemProps {
  hit: SearchHit;
  optionId: string;
  selected: boolean;
  tabbable: boolean;
  now: number;
  onOpen(): void;
  onFocus(): void;
}

/**
 * The option's name comes from its text. No aria-labelledby: an option labelled "Working offline…"
 * would also answer to a form field's label such as "Line".
 */
export function ResultItem({ hit, optionId, selected, tabbable, now, onOpen, onFocus }: ResultItemProps) {
  return (
    <li
      id={optionId}
      role="option"
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      className="result"
      onClick={onOpen}
      onFocus={onFocus}
    >
      <span className="result-title">
        <Highlighted parts={hit.title} />
      </span>
      <span className="result-detail">
        <span className="result-meta">
          <Badge tone="primary">{lineLabel(hit.line)}</Badge>
          <span className="result-category">{hit.category}</span>
          <span className="result-updated" title={formatDateTime(hit.updatedAt)}>
            updated {formatRelative(hit.updatedAt, now)}
          </span>
        </span>
        <span className="result-snippet">
          <Highlighted parts={hit.snippet} />
        </span>
      </span>
    </li>
  );
}
