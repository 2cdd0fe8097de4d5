import { formatPence } from '../../ui/format';

/** What the customer will receive, as they will read it, before anything is sent. */
export function GesturePreview({
  name,
  amount,
  recipient,
  message,
  sensitive,
}: {
  name: string;
  amount: number | null;
  recipient: string;
  message: string;
  sensitive: boolean;
}) {
  return (
    <figure className={sensitive ? 'gesture-preview gesture-preview-calm' : 'gesture-preview'} aria-label="Preview">
      <figcaption className="gesture-preview-caption">What {recipient.trim() || 'the customer'} will receive</figcaption>
      <p className="gesture-preview-item">
        {name}
        {amount !== null ? <span className="muted"> · {formatPence(amount)}</span> : null}
      </p>
      <blockquote className="gesture-preview-message">{message || <span className="muted">No message yet</span>}</blockquote>
      {sensitive ? <p className="gesture-preview-note">Sent without branding, offers or surveys.</p> : null}
    </figure>
  );
}
