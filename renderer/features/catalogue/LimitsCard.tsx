import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { FieldProblem } from '../../../shared/schemas/common';
import type { GestureSettings } from '../../../shared/schemas/gestures';
import { useCatalogueAction, useCatalogueNotice, useCatalogueStore } from '../../state';
import { Card } from '../../ui/Card';
import { formatPence } from '../../ui/format';
import { Loaded } from '../../ui/Loaded';
import { useRetryWhenOnline } from '../home/useRetryWhenOnline';
import { describedBy, Field } from '../../ui/Field';
import { problemsByField } from './fieldProblems';
import { MoneyInput } from './MoneyInput';
import { parsePounds, parseWhole, penceToPounds } from './pounds';

const FIELDS = [
  'limits.advisorPence',
  'limits.supervisorPence',
  'customerCapPence',
  'capWindowDays',
  'pendingExpiryHours',
  'followUpDays',
] as const;
type LimitField = (typeof FIELDS)[number];
type Draft = Record<LimitField, string>;

const draftOf = (s: GestureSettings): Draft => ({
  'limits.advisorPence': penceToPounds(s.limits.advisorPence),
  'limits.supervisorPence': penceToPounds(s.limits.supervisorPence),
  customerCapPence: penceToPounds(s.customerCapPence),
  capWindowDays: String(s.capWindowDays),
  pendingExpiryHours: String(s.pendingExpiryHours),
  followUpDays: String(s.followUpDays),
});

const said = (s: GestureSettings) =>
  `Saved. Advisors approve up to ${formatPence(s.limits.advisorPence)} at once and supervisors up to ${formatPence(s.limits.supervisorPence)}; ` +
  `each customer can receive up to ${formatPence(s.customerCapPence)} in ${s.capWindowDays} days.`;

function LimitsForm({ settings }: { settings: GestureSettings }) {
  const { busy, error } = useCatalogueAction('settings');
  const save = useCatalogueStore((s) => s.saveSettings);
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const [local, setLocal] = useState<FieldProblem[] | null>(null);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const { byField, other } = problemsByField(local ?? error?.problems, FIELDS);
  const set = (field: LimitField) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  useEffect(() => {
    if (attempt) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .form-error')?.focus();
  }, [attempt]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const money = (f: LimitField) => parsePounds(draft[f]);
    const [advisor, supervisor, cap] = [money('limits.advisorPence'), money('limits.supervisorPence'), money('customerCapPence')];
    const [days, hours, follow] = [
      parseWhole(draft.capWindowDays, 1, 3660),
      parseWhole(draft.pendingExpiryHours, 1, 2160),
      parseWhole(draft.followUpDays, 0, 365),
    ];
    const parsed: [LimitField, { ok: boolean; message?: string }][] = [
      ['limits.advisorPence', advisor],
      ['limits.supervisorPence', supervisor],
      ['customerCapPence', cap],
      ['capWindowDays', days],
      ['pendingExpiryHours', hours],
      ['followUpDays', follow],
    ];
    const problems = parsed.flatMap(([path, r]) => (r.ok ? [] : [{ path, message: r.message ?? '' }]));
    if (!advisor.ok || !supervisor.ok || !cap.ok || !days.ok || !hours.ok || !follow.ok) {
      setLocal(problems);
      return setAttempt((n) => n + 1);
    }
    setLocal(null);
    const patch = {
      limits: { advisorPence: advisor.pence, supervisorPence: supervisor.pence },
      customerCapPence: cap.pence,
      capWindowDays: days.value,
      pendingExpiryHours: hours.value,
      followUpDays: follow.value,
    };
    if (!(await save('settings', patch, said))) setAttempt((n) => n + 1);
  };

  const whole = (field: LimitField, id: string, label: string, hint: string) => (
    <Field id={id} label={label} hint={hint} problem={byField[field]}>
      <input
        className="input input-short"
        inputMode="numeric"
        value={draft[field]}
        onChange={(e) => set(field)(e.target.value)}
        {...describedBy(id, true, byField[field])}
      />
    </Field>
  );

  return (
    <form ref={formRef} className="limits-form" onSubmit={(e) => void submit(e)} noValidate aria-label="Limits and caps">
      {local || error ? (
        <div className="form-error" role="alert" tabIndex={-1}>
          <p>{local ? 'Some values need attention.' : error?.message}</p>
          {other.length ? (
            <ul>
              {other.map((p) => (
                <li key={p.path}>{p.message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <fieldset className="limits-group">
        <legend className="limits-legend">Who approves</legend>
        <MoneyInput
          id="limit-advisor"
          label="Advisor limit"
          hint="Up to this, a gesture is approved at once."
          value={draft['limits.advisorPence']}
          problem={byField['limits.advisorPence']}
          onChange={set('limits.advisorPence')}
        />
        <MoneyInput
          id="limit-supervisor"
          label="Supervisor limit"
          hint="Up to this a supervisor approves; above it, a head of service."
          value={draft['limits.supervisorPence']}
          problem={byField['limits.supervisorPence']}
          onChange={set('limits.supervisorPence')}
        />
      </fieldset>
      <fieldset className="limits-group">
        <legend className="limits-legend">Each customer</legend>
        <MoneyInput
          id="limit-cap"
          label="Customer cap"
          hint="The most one customer receives, pending and approved together."
          value={draft.customerCapPence}
          problem={byField.customerCapPence}
          onChange={set('customerCapPence')}
        />
        {whole('capWindowDays', 'limit-cap-days', 'Over (days)', '365 days is the 12 months the cap is written for.')}
      </fieldset>
      <fieldset className="limits-group">
        <legend className="limits-legend">Requests</legend>
        {whole(
          'pendingExpiryHours',
          'limit-expiry',
          'Waiting requests expire after (hours)',
          'Their reserved budget is handed back.',
        )}
        {whole('followUpDays', 'limit-follow-up', 'Follow up after (days)', 'When the advisor checks the customer was happy.')}
      </fieldset>
      <div className="publish-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : 'Save limits and caps'}
        </button>
      </div>
    </form>
  );
}

/** Approval limits and the customer cap: what the hub enforces and every desktop shows before sending. */
export function LimitsCard() {
  const settings = useCatalogueStore((s) => s.settings);
  const load = useCatalogueStore((s) => s.loadSettings);
  const notice = useCatalogueNotice('limits');
  useEffect(() => void load(), [load]);
  useRetryWhenOnline(settings.status === 'error', load);
  return (
    <Card title="Limits and caps">
      <p className="publish-status" role="status">
        {notice ?? ''}
      </p>
      <Loaded
        value={settings}
        loadingLabel="Loading the limits…"
        errorTitle="The limits could not be loaded."
        onRetry={() => void load()}
      >
        {(data) => <LimitsForm settings={data} />}
      </Loaded>
    </Card>
  );
}
