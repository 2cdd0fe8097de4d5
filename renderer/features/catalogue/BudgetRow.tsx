import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { BudgetView } from '../../../shared/schemas/gestures';
import { useCatalogueAction, useCatalogueStore } from '../../state';
import { Badge } from '../../ui/Badge';
import { formatPence } from '../../ui/format';
import { plainProblem } from './fieldProblems';
import { monthLabel } from './labels';
import { parsePounds, penceToPounds } from './pounds';

/** One site's budget, changed in place; the hub refuses a budget below what is already reserved or spent. */
export function BudgetRow({ budget, month }: { budget: BudgetView; month: string }) {
  const { busy, error } = useCatalogueAction(`budget:${budget.siteId}`);
  const setBudget = useCatalogueStore((s) => s.setBudget);
  const [typed, setTyped] = useState(penceToPounds(budget.budgetPence));
  const [local, setLocal] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => setTyped(penceToPounds(budget.budgetPence)), [budget.budgetPence]);

  const id = `budget-${budget.siteId}`;
  const problem = local ?? (error ? plainProblem(error.message) : null);
  const changed = typed.trim() !== penceToPounds(budget.budgetPence);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parsePounds(typed);
    if (!parsed.ok) return setLocal(parsed.message);
    setLocal(null);
    // Save turns itself off once nothing is left to save; keep the keyboard in the row.
    if (await setBudget(budget.siteId, month, parsed.pence)) inputRef.current?.focus();
  };

  return (
    <tr>
      <th scope="row">
        {budget.siteName}{' '}
        <Badge tone={budget.siteKind === 'partner' ? 'primary' : 'neutral'}>
          {budget.siteKind === 'partner' ? 'Partner' : 'In-house'}
        </Badge>
      </th>
      <td>
        <form className="budget-form" onSubmit={(e) => void submit(e)} noValidate>
          <label className="visually-hidden" htmlFor={id}>
            Budget for {budget.siteName}, {monthLabel(month)} (£)
          </label>
          <span className="money">
            <span className="money-sign" aria-hidden="true">
              £
            </span>
            <input
              ref={inputRef}
              id={id}
              className="input money-input input-short"
              inputMode="decimal"
              autoComplete="off"
              value={typed}
              onChange={(e) => {
                setTyped(e.target.value);
                setLocal(null);
              }}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-problem` : undefined}
            />
          </span>
          <button
            type="submit"
            className="button button-secondary button-small"
            disabled={busy || !changed}
            aria-label={`Save ${budget.siteName}’s budget`}
          >
            {busy ? 'Saving…' : 'Save'}
          </button>
        </form>
        {problem ? (
          <span className="field-problem" id={`${id}-problem`} role="alert">
            {problem}
          </span>
        ) : null}
      </td>
      <td className="num">{formatPence(budget.reservedPence)}</td>
      <td className="num">{formatPence(budget.committedPence)}</td>
      <td className={budget.leftPence <= 0 ? 'num budget-none-left' : 'num'}>{formatPence(budget.leftPence)}</td>
    </tr>
  );
}
