import { useGoodwillActions, useOpenCase } from '../../state';

/** From the call in hand to a gesture for its case, without leaving the call. */
export function OfferGesture({ caseId, sensitive }: { caseId: string; sensitive: boolean }) {
  const { openCase } = useGoodwillActions();
  const { caseId: open } = useOpenCase();
  if (open === caseId) return null;
  return (
    <section className="call-panel" aria-label="Gesture of goodwill">
      <h3 className="call-panel-title">Gesture of goodwill</h3>
      <p className="muted call-panel-text">
        {sensitive ? 'Considerate options only: a donation, a memorial contribution, a plain card.' : 'Something the customer will remember, chosen for them.'}
      </p>
      <button type="button" className="button button-secondary button-small" onClick={() => openCase(caseId)}>
        Offer a gesture…
      </button>
    </section>
  );
}
