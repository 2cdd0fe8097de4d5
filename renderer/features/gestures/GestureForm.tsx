import { useId, useState, type FormEvent } from 'react';
import { requiredLevel } from '../../../shared/gestures/policy';
import { GESTURE_REASONS, type GestureReason, type SuggestionsView, type SuggestionView } from '../../../shared/schemas/gestures';
import { useGoodwillAction, useGoodwillActions } from '../../state';
import { Badge } from '../../ui/Badge';
import { formatPence } from '../../ui/format';
import { REASON_LABELS } from '../../ui/gestureLabels';
import { poundsToPence } from '../../ui/money';
import { InlineError } from '../../ui/States';
import type { CustomerView } from '../../../shared/schemas/customers';
import { composedMessage, draftProblems, initialDraft, prefillFrom, problemFor, toRequest, type DraftState } from './draft';
import { GesturePreview } from './GesturePreview';
import { PersonalisationFields } from './PersonalisationFields';

/** Who will decide, said before sending, from the same policy the hub enforces. */
function approvalNote(pence: number | null, view: SuggestionsView): string {
  if (pence === null) return '';
  const level = requiredLevel(pence, { advisorPence: view.advisorLimitPence, supervisorPence: view.supervisorLimitPence });
  if (level === 'advisor') return `Within your ${formatPence(view.advisorLimitPence)} limit: approved as soon as you send it.`;
  if (level === 'supervisor') return 'Above your limit: a supervisor approves it. The amount is reserved until they decide.';
  return `Above a supervisor’s ${formatPence(view.supervisorLimitPence)} limit: a head of service approves it.`;
}

/** Personalise one item, see what the customer will receive, give a reason, and send. */
export function GestureForm({
  caseId,
  view,
  customer,
  suggestion,
  onCancel,
}: {
  caseId: string;
  view: SuggestionsView;
  /** The case's customer: their name and address fill the fields they answer. */
  customer: CustomerView | null;
  suggestion: SuggestionView;
  onCancel: () => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState<DraftState>(() => initialDraft(suggestion, view.sensitive, customer && prefillFrom(customer, view.deathOnCase)));
  const [tried, setTried] = useState(false);
  // Minted once per form: a retry after "did not answer" is the same request at the hub, never a second.
  const [idempotencyKey] = useState(() => `g-${crypto.randomUUID()}`);
  const { send } = useGoodwillActions();
  const { busy, error } = useGoodwillAction('send');
  const local = draftProblems(suggestion, draft, view.sensitive);
  // The hub's own problems (after a refused send) stand next to the fields too.
  const shown = tried ? [...local, ...(error?.problems ?? [])] : [];
  const problem = (path: string) => problemFor(shown, path);
  const update = (patch: Partial<DraftState>) => setDraft((d) => ({ ...d, ...patch }));
  const pence = poundsToPence(draft.amount);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (local.length) {
      document.getElementById(`${id}-problems`)?.focus();
      return;
    }
    await send(toRequest(caseId, suggestion, draft, idempotencyKey));
  };

  return (
    <form className="gesture-form" onSubmit={(e) => void submit(e)} noValidate aria-label={`Personalise ${suggestion.name}`}>
      <p className="gesture-form-description">{suggestion.description}</p>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-amount`}>
          Amount (£)
        </label>
        <input
          id={`${id}-amount`}
          className="input input-amount"
          inputMode="decimal"
          value={draft.amount}
          onChange={(e) => update({ amount: e.target.value })}
        />
        <p className="field-hint">
          {pence !== null && pence <= view.advisorLimitPence ? (
            <Badge tone="good">Within your limit</Badge>
          ) : pence !== null ? (
            <Badge tone="warning">Needs approval</Badge>
          ) : null}{' '}
          {approvalNote(pence, view)}
        </p>
        {problem('amountPence') ? <p className="field-problem">{problem('amountPence')}</p> : null}
      </div>
      <PersonalisationFields
        suggestion={suggestion}
        idPrefix={id}
        values={draft.values}
        problemFor={problem}
        onChange={(key, value) => update({ values: { ...draft.values, [key]: value } })}
      />
      {view.sensitive ? (
        <div className="field">
          <label className="field-label" htmlFor={`${id}-deceased`}>
            Name of the person who has died <span className="field-optional">(optional)</span>
          </label>
          <input
            id={`${id}-deceased`}
            className="input"
            value={draft.deceasedName}
            onChange={(e) => update({ deceasedName: e.target.value })}
          />
          <p className="field-hint">So nothing is ever addressed to them.</p>
        </div>
      ) : null}
      <div className="field">
        <div className="gesture-message-head">
          <label className="field-label" htmlFor={`${id}-message`}>
            Message
          </label>
          {suggestion.templates.length > 1 ? (
            <select
              className="input input-inline"
              aria-label="Start from a template"
              value={draft.templateIndex ?? ''}
              onChange={(e) =>
                update({ templateIndex: Number(e.target.value), message: suggestion.templates[Number(e.target.value)] ?? '' })
              }
            >
              {suggestion.templates.map((t, i) => (
                <option key={t} value={i}>
                  Template {i + 1}
                </option>
              ))}
            </select>
          ) : null}
        </div>
        <textarea
          id={`${id}-message`}
          className="input"
          rows={4}
          value={draft.message}
          onChange={(e) => update({ message: e.target.value })}
        />
        <p className="field-hint">Words in braces, like {'{recipientName}'}, are filled in from the fields above.</p>
        {problem('message') ? <p className="field-problem">{problem('message')}</p> : null}
      </div>
      <GesturePreview
        name={suggestion.name}
        amount={pence}
        recipient={draft.values.recipientName ?? ''}
        message={composedMessage(draft)}
        sensitive={view.sensitive}
      />
      <div className="field">
        <label className="field-label" htmlFor={`${id}-reason-code`}>
          What is it for?
        </label>
        <select
          id={`${id}-reason-code`}
          className="input"
          value={draft.reasonCode}
          onChange={(e) => update({ reasonCode: e.target.value as GestureReason | '' })}
        >
          <option value="">Choose…</option>
          {GESTURE_REASONS.map((r) => (
            <option key={r} value={r}>
              {REASON_LABELS[r]}
            </option>
          ))}
        </select>
        {problem('reasonCode') ? <p className="field-problem">{problem('reasonCode')}</p> : null}
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-reason`}>
          Reason
        </label>
        <textarea
          id={`${id}-reason`}
          className="input"
          rows={2}
          value={draft.reason}
          onChange={(e) => update({ reason: e.target.value })}
        />
        <p className="field-hint">Goes on the case and to whoever approves it.</p>
        {problem('reason') ? <p className="field-problem">{problem('reason')}</p> : null}
      </div>
      <p id={`${id}-problems`} tabIndex={-1} className="visually-hidden" aria-live="polite">
        {tried && local.length ? `${local.length} things need attention before sending.` : ''}
      </p>
      {error ? <InlineError error={error} lead="Not sent" /> : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Sending…' : 'Send gesture'}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Choose another
        </button>
      </div>
    </form>
  );
}
