import type { GestureRequestView } from '../../../shared/schemas/gestures';
import { Badge } from '../../ui/Badge';
import { formatPence } from '../../ui/format';
import { FULFILMENT_LABELS, STATUS_LABELS, STATUS_TONES } from '../../ui/gestureLabels';

/** A request's first line: what, how much, where it stands (and, once approved, how far delivery has got). */
export function RequestHeadline({ request, fulfilment = true }: { request: GestureRequestView; fulfilment?: boolean }) {
  return (
    <div className="request-main">
      <span className="request-item">{request.itemName}</span>
      <span className="request-amount">{formatPence(request.amountPence)}</span>
      <Badge tone={STATUS_TONES[request.status]}>{STATUS_LABELS[request.status]}</Badge>
      {fulfilment && request.status === 'approved' && request.fulfilmentStatus ? <Badge tone="neutral">{FULFILMENT_LABELS[request.fulfilmentStatus]}</Badge> : null}
    </div>
  );
}
