import type { TimelineEntry } from '../../../shared/schemas/customers';
import { useGoodwillActions } from '../../state';
import { Badge } from '../../ui/Badge';
import { DateTime } from '../../ui/DateTime';
import { lineLabel, sentenceCase } from '../../ui/format';
import { STATUS_LABELS } from '../../ui/gestureLabels';

const KIND_WORDS: Record<TimelineEntry['kind'], string> = { case: 'Case', note: 'Note', gesture: 'Gesture', flag: 'Flag', call: 'Call' };

function Status({ entry }: { entry: TimelineEntry }) {
  if (!entry.status) return null;
  if (entry.kind === 'gesture')
    return <Badge>{STATUS_LABELS[entry.status as keyof typeof STATUS_LABELS] ?? sentenceCase(entry.status)}</Badge>;
  return <Badge tone={entry.status === 'open' ? 'primary' : 'neutral'}>{sentenceCase(entry.status)}</Badge>;
}

/** Everything with the customer at every site and on every channel, newest first. */
export function ProfileTimeline({
  entries,
  title,
  onOpenCase,
}: {
  entries: TimelineEntry[];
  title: string;
  onOpenCase?: () => void;
}) {
  const { openCase } = useGoodwillActions();
  if (entries.length === 0) return <p className="muted caller-empty">Nothing yet: this is their first contact.</p>;
  return (
    <ol className="timeline-list" aria-label="Timeline from every site">
      {entries.map((e) => (
        <li key={e.key} className={`timeline-item timeline-${e.kind}`}>
          <p className="timeline-meta">
            <span className="timeline-kind">{KIND_WORDS[e.kind]}</span>{' '}
            {e.caseId && e.caseReference ? (
              <button
                type="button"
                className="link-button case-ref"
                title={`Open case ${e.caseReference} in its own tab`}
                onClick={() => {
                  openCase(e.caseId!, title);
                  onOpenCase?.();
                }}
              >
                {e.caseReference}
              </button>
            ) : null}
            {[e.line ? lineLabel(e.line) : null, e.siteName, e.who].filter(Boolean).map((part) => ` · ${part}`)} ·{' '}
            <DateTime ms={e.at} />
          </p>
          <p className="timeline-body">
            {e.kind === 'case' ? `${e.title.split(':')[0]}: ` : e.kind === 'call' ? `${e.title}: ` : null}
            {e.body} <Status entry={e} />
          </p>
        </li>
      ))}
    </ol>
  );
}
