import type { CustomerCard } from '../../../shared/contract/calls';
import { useCustomerGestures, useCustomerProfile, useGoodwillActions } from '../../state';
import { Badge } from '../../ui/Badge';
import { DateTime } from '../../ui/DateTime';
import { formatPence, lineLabel, sentenceCase } from '../../ui/format';
import { STATUS_LABELS } from '../../ui/gestureLabels';
import { ProfileTimeline } from '../customers/ProfileTimeline';
import { customerTimeline, type TimelineItem } from './timeline';
import './cases.css';

function CaseLink({ caseId, reference, title }: { caseId: string | null; reference: string | null; title: string }) {
  const { openCase } = useGoodwillActions();
  if (!reference) return null;
  if (!caseId) return <span className="case-ref">{reference}</span>;
  return (
    <button type="button" className="link-button case-ref" onClick={() => openCase(caseId, title)} title={`Open case ${reference} in its own tab`}>
      {reference}
    </button>
  );
}

function Item({ item, customerName }: { item: TimelineItem; customerName: string }) {
  switch (item.kind) {
    case 'case':
      return (
        <>
          <p className="timeline-meta">
            <span className="timeline-kind">Case</span> <CaseLink caseId={item.case.id} reference={item.case.reference} title={customerName} /> ·{' '}
            {lineLabel(item.case.line)} · {item.case.siteName} · <DateTime ms={item.at} />
          </p>
          <p className="timeline-body">
            {item.case.subject} <Badge tone={item.case.status === 'open' ? 'primary' : 'neutral'}>{sentenceCase(item.case.status)}</Badge>
          </p>
        </>
      );
    case 'note':
      return (
        <>
          <p className="timeline-meta">
            <span className="timeline-kind">Note</span> <CaseLink caseId={item.caseId} reference={item.note.caseReference} title={customerName} /> ·{' '}
            {item.note.siteName} · {item.note.authorName ?? 'Unknown author'} · <DateTime ms={item.at} />
          </p>
          <p className="timeline-body">{item.note.body}</p>
        </>
      );
    case 'gesture':
      return (
        <>
          <p className="timeline-meta">
            <span className="timeline-kind">Gesture</span> <CaseLink caseId={item.gesture.caseId} reference={item.gesture.caseReference} title={customerName} /> ·{' '}
            {item.gesture.siteName ?? 'Another site'} · <DateTime ms={item.at} />
          </p>
          <p className="timeline-body">
            {item.gesture.itemName}, {formatPence(item.gesture.amountPence)} <Badge>{STATUS_LABELS[item.gesture.status]}</Badge>
          </p>
        </>
      );
  }
}

/** Everything with this customer at every site, newest first, so nobody asks them twice. */
export function CustomerTimeline({ card }: { card: CustomerCard }) {
  const gestures = useCustomerGestures(card.customer.id);
  // The hub's whole timeline, asked again after a note or a flag; the card's copy while it loads or offline.
  const profile = useCustomerProfile(card.customer.id);
  if ('data' in profile && profile.data?.customer.id === card.customer.id) {
    return (
      <section className="timeline" aria-label="Customer timeline">
        <h3 className="caller-subheading">Timeline from every site</h3>
        <ProfileTimeline entries={profile.data.timeline} title={card.customer.name} />
      </section>
    );
  }
  const items = customerTimeline(card, ('data' in gestures ? gestures.data?.gestures : undefined) ?? []);
  return (
    <section className="timeline" aria-label="Customer timeline">
      <h3 className="caller-subheading">Timeline from every site</h3>
      {gestures.status === 'error' ? <p className="muted timeline-note">Gestures could not be loaded: {gestures.error.message}</p> : null}
      {items.length === 0 ? (
        <p className="muted caller-empty">Nothing yet: this is their first contact.</p>
      ) : (
        <ol className="timeline-list">
          {items.map((item) => (
            <li key={item.key} className={`timeline-item timeline-${item.kind}`}>
              <Item item={item} customerName={card.customer.name} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
