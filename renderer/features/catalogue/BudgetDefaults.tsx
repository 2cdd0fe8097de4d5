import { useEffect, useState, type FormEvent } from 'react';
import type { GestureSettings } from '../../../shared/schemas/gestures';
import { useCatalogueAction, useCatalogueStore } from '../../state';
import { formatPence } from '../../ui/format';
import { InlineError } from '../../ui/States';
import { problemsByField } from './fieldProblems';
import { MoneyInput } from './MoneyInput';
import { parsePounds, penceToPounds } from './pounds';

const FIELDS = ['budgetDefaults.inHousePence', 'budgetDefaults.partnerPence'] as const;

function DefaultsForm({ settings }: { settings: GestureSettings }) {
  const { busy, error } = useCatalogueAction('defaults');
  const save = useCatalogueStore((s) => s.saveSettings);
  const [inHouse, setInHouse] = useState(penceToPounds(settings.budgetDefaults.inHousePence));
  const [partner, setPartner] = useState(penceToPounds(settings.budgetDefaults.partnerPence));
  const [local, setLocal] = useState<Record<string, string>>({});
  const { byField, other } = problemsByField(error?.problems, FIELDS);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const [a, b] = [parsePounds(inHouse), parsePounds(partner)];
    if (!a.ok || !b.ok)
      return setLocal({ ...(a.ok ? {} : { [FIELDS[0]]: a.message }), ...(b.ok ? {} : { [FIELDS[1]]: b.message }) });
    setLocal({});
    await save(
      'defaults',
      { budgetDefaults: { inHousePence: a.pence, partnerPence: b.pence } },
      (s) =>
        `Saved. New months start at ${formatPence(s.budgetDefaults.inHousePence)} for in-house sites and ${formatPence(s.budgetDefaults.partnerPence)} for partners.`,
    );
  };

  return (
    <form className="defaults-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="budget-defaults-heading">
      <h3 id="budget-defaults-heading" className="publish-heading">
        Budgets for new months
      </h3>
      <p className="field-hint">A month’s budgets start from these; change any site’s above.</p>
      {error && (other.length > 0 || !error.problems?.length) ? <InlineError error={error} lead="Not saved" /> : null}
      <div className="defaults-row">
        <MoneyInput
          id="default-in-house"
          label="In-house sites"
          value={inHouse}
          problem={local[FIELDS[0]] ?? byField[FIELDS[0]]}
          onChange={setInHouse}
        />
        <MoneyInput
          id="default-partner"
          label="Partner sites"
          value={partner}
          problem={local[FIELDS[1]] ?? byField[FIELDS[1]]}
          onChange={setPartner}
        />
        <button type="submit" className="button button-secondary" disabled={busy}>
          {busy ? 'Saving…' : 'Save defaults'}
        </button>
      </div>
    </form>
  );
}

/** Settings are loaded by the limits card on the same tab; this waits for them rather than asking twice. */
export function BudgetDefaults() {
  const settings = useCatalogueStore((s) => s.settings);
  const load = useCatalogueStore((s) => s.loadSettings);
  useEffect(() => {
    if (useCatalogueStore.getState().settings.status === 'idle') void load();
  }, [load]);
  if (settings.status === 'idle' || !settings.data) return null;
  return <DefaultsForm settings={settings.data} />;
}
