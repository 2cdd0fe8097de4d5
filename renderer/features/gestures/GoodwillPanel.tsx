import { useId, useState } from 'react';
import type { SuggestionsView } from '../../../shared/schemas/gestures';
import { caseChanged, useCaseSuggestions, useCaseView, useCustomerProfile, useGoodwillActions, useLastSent } from '../../state';
import { formatPence } from '../../ui/format';
import { STATUS_LABELS } from '../../ui/gestureLabels';
import { Loaded } from '../../ui/Loaded';
import { EmptyState } from '../../ui/States';
import { CustomerStep } from '../customers/CustomerStep';
import { GestureForm } from './GestureForm';
import { SuggestionList } from './SuggestionList';

function Headroom({ view }: { view: SuggestionsView }) {
  return (
    <dl className="gesture-headroom">
      <div>
        <dt>Your limit</dt>
        <dd>{formatPence(view.advisorLimitPence)}</dd>
      </div>
      <div>
        <dt>Left for this customer</dt>
        <dd>
          {view.customerCap
            ? `${formatPence(view.customerCap.leftPence)} of ${formatPence(view.customerCap.capPence)}`
            : 'No customer on the case'}
        </dd>
      </div>
      <div>
        <dt>Site budget left this month</dt>
        <dd>{formatPence(Math.max(0, view.budget.leftPence))}</dd>
      </div>
    </dl>
  );
}

/** Says what happened to the gesture just sent, in words the advisor can repeat to the customer. */
function SentNotice({ caseId }: { caseId: string }) {
  const sent = useLastSent();
  const { dismissSent } = useGoodwillActions();
  if (sent?.caseId !== caseId) return null;
  const text =
    sent.kind === 'queued'
      ? `Saved on this computer: the hub cannot be reached, so “${sent.entry.summary}” will be sent as soon as it is back.`
      : `${sent.request.itemName} for ${formatPence(sent.request.amountPence)}: ${STATUS_LABELS[sent.request.status].toLowerCase()}.`;
  return (
    <div className={sent.kind === 'queued' ? 'gesture-sent gesture-sent-queued' : 'gesture-sent'} role="status">
      <p>{text}</p>
      <button type="button" className="button button-quiet button-small" onClick={dismissSent}>
        Dismiss
      </button>
    </div>
  );
}

/** A gesture of goodwill for the case on screen: ranked suggestions, then personalise and send. */
export function GoodwillPanel({ caseId }: { caseId: string }) {
  const suggestions = useCaseSuggestions(caseId);
  const caseView = useCaseView(caseId);
  const customerId = 'data' in caseView && caseView.data ? caseView.data.case.customerId : null;
  const profile = useCustomerProfile(customerId);
  const customer = 'data' in profile && profile.data?.customer.id === customerId ? profile.data.customer : null;
  const unlinked = 'data' in caseView && caseView.data !== undefined && customerId === null;
  const { dismissSent } = useGoodwillActions();
  const [selected, setSelected] = useState<string | null>(null);
  const sent = useLastSent();
  const lastSent = sent?.caseId === caseId ? sent : null;
  const headingId = useId();

  return (
    <section className="goodwill" aria-labelledby={headingId}>
      <h3 id={headingId} className="goodwill-title" tabIndex={-1} data-shortcut="gesture">
        Gesture of goodwill
      </h3>
      <SentNotice caseId={caseId} />
      {unlinked ? (
        <CustomerStep caseId={caseId} />
      ) : (
        <Loaded
          value={suggestions}
          loadingLabel="Finding gestures for this case…"
          errorTitle="Gestures could not be loaded."
          onRetry={() => caseChanged(caseId)}
        >
          {(view) => {
            const chosen = view.suggestions.find((s) => s.itemId === selected) ?? null;
            return (
              <>
                {view.sensitive ? (
                  <p className="goodwill-sensitive">
                    Only bereavement-suitable gestures are offered. Address it to the family, never to the person who has died;
                    marketing and surveys are suppressed.
                  </p>
                ) : null}
                <Headroom view={view} />
                {view.suggestions.length === 0 ? (
                  <EmptyState>No catalogue item fits this case within what is left to spend.</EmptyState>
                ) : chosen && !lastSent ? (
                  <GestureForm
                    key={chosen.itemId}
                    caseId={caseId}
                    view={view}
                    customer={customer}
                    suggestion={chosen}
                    onCancel={() => setSelected(null)}
                  />
                ) : (
                  <SuggestionList
                    suggestions={view.suggestions}
                    advisorLimitPence={view.advisorLimitPence}
                    selected={selected}
                    onSelect={(itemId) => {
                      dismissSent();
                      setSelected(itemId);
                    }}
                  />
                )}
              </>
            );
          }}
        </Loaded>
      )}
    </section>
  );
}
