import { useEffect, useId, useState, type FormEvent } from 'react';
import type { BridgeError } from '../../../shared/contract/envelope';
import { privacySettings, type PrivacySettings } from '../../../shared/schemas/erasure';
import { queryClient, savePrivacySettings, usePrivacySettings } from '../../state';
import { Card } from '../../ui/Card';
import { Loaded } from '../../ui/Loaded';
import { SaveActions } from '../../ui/SaveActions';
import { describedBy, Field } from '../../ui/Field';

type Days = Exclude<keyof PrivacySettings, 'wipeAtSignOut'>;
const DAY_FIELDS: { key: Days; label: string; hint: string }[] = [
  { key: 'callHistoryDays', label: 'Recent calls kept on each computer (days)', hint: 'Numbers and names in an advisor’s call history. 1 to 365.' },
  { key: 'noteDraftDays', label: 'Unsent note drafts kept (days)', hint: 'Text typed in a note box and never added. 1 to 90.' },
  {
    key: 'erasureDeadlineDays',
    label: 'Erasure deadline (days)',
    hint: 'A computer that has not heard of erasures for this long wipes its customer data when Rapport next starts. 1 to 31: the law allows one month.',
  },
];

function RetentionForm({ saved }: { saved: PrivacySettings }) {
  const id = useId();
  const [typed, setTyped] = useState<Record<Days, string>>(() => ({
    callHistoryDays: String(saved.callHistoryDays),
    noteDraftDays: String(saved.noteDraftDays),
    erasureDeadlineDays: String(saved.erasureDeadlineDays),
  }));
  const [wipe, setWipe] = useState(saved.wipeAtSignOut);
  const [problems, setProblems] = useState<Partial<Record<keyof PrivacySettings, string>>>({});
  const [error, setError] = useState<BridgeError | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  useEffect(() => {
    setTyped({ callHistoryDays: String(saved.callHistoryDays), noteDraftDays: String(saved.noteDraftDays), erasureDeadlineDays: String(saved.erasureDeadlineDays) });
    setWipe(saved.wipeAtSignOut);
  }, [saved]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    setError(null);
    const asNumber = (s: string) => (/^\s*\d+\s*$/.test(s) ? Number(s) : NaN);
    const parsed = privacySettings.safeParse({
      callHistoryDays: asNumber(typed.callHistoryDays),
      noteDraftDays: asNumber(typed.noteDraftDays),
      erasureDeadlineDays: asNumber(typed.erasureDeadlineDays),
      wipeAtSignOut: wipe,
    });
    if (!parsed.success) {
      const found: Partial<Record<keyof PrivacySettings, string>> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as keyof PrivacySettings;
        found[key] = issue.code === 'invalid_type' ? 'Enter a whole number of days.' : `Out of range: ${issue.message}.`;
      }
      setProblems(found);
      document.getElementById(`${id}-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    setProblems({});
    setBusy(true);
    const result = await savePrivacySettings(parsed.data);
    setBusy(false);
    if (result.ok) setDone('Saved. Every desktop applies them the next time it hears from the hub.');
    else setError(result.error);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Retention on desktops" className="retention-form">
      {DAY_FIELDS.map((f) => (
        <Field key={f.key} id={`${id}-${f.key}`} label={f.label} hint={f.hint} problem={problems[f.key]}>
          <input
            {...describedBy(`${id}-${f.key}`, true, problems[f.key])}
            className="input input-short"
            inputMode="numeric"
            value={typed[f.key]}
            onChange={(e) => setTyped({ ...typed, [f.key]: e.target.value })}
          />
        </Field>
      ))}
      <label className="retention-check">
        <input type="checkbox" checked={wipe} onChange={(e) => setWipe(e.target.checked)} />
        <span>
          <strong>Wipe at sign-out</strong> (shared computers): each person’s call history, drafts and case copies go when they sign out.
          Notes and requests not yet on the hub stay until they are sent.
        </span>
      </label>
      <SaveActions busy={busy} error={error} label="Save retention" done={done} />
    </form>
  );
}

/** How long every desktop keeps what it holds about callers; set once for the organisation. */
export function RetentionCard() {
  const settings = usePrivacySettings();
  return (
    <Card title="Retention on desktops" className="admin-retention">
      <Loaded
        value={settings}
        loadingLabel="Loading the retention settings…"
        errorTitle="The retention settings could not be loaded."
        onRetry={() => void queryClient.invalidateQueries({ queryKey: ['privacy', 'settings'] })}
      >
        {(saved) => <RetentionForm saved={saved} />}
      </Loaded>
    </Card>
  );
}
