import { useEffect, useId, useState, type FormEvent } from 'react';
import type { PbxView } from '../../../shared/contract/telephony';
import type { BridgeError } from '../../../shared/contract/envelope';
import { pbxSettings } from '../../../shared/telephony/pbx-settings';
import { pbxStatusText } from '../../../shared/telephony/pbx-status';
import { reloadPbxSettings, savePbxSettings, testPbxSettings, usePbxSettings } from '../../state';
import { Card } from '../../ui/Card';
import { DateTime } from '../../ui/DateTime';
import { Loaded } from '../../ui/Loaded';
import { InlineError } from '../../ui/States';
import { phoneSystemState } from '../calls/PhoneSystemIndicator';
import { describedBy, Field } from '../../ui/Field';
import { plainMessage } from './problems';
import '../../ui/controls.css';
import './pbx.css';

interface Draft {
  host: string;
  port: string;
  username: string;
  secret: string;
  interfaceTemplate: string;
  dialContext: string;
}

const draftOf = (v: PbxView): Draft => ({
  host: v.host ?? '',
  port: String(v.port ?? 5038),
  username: v.username ?? '',
  secret: '',
  interfaceTemplate: v.interfaceTemplate ?? 'PJSIP/{ext}',
  dialContext: v.dialContext ?? 'from-internal',
});

/** The link as it stands: connected or not and why, since when, and the last event heard. */
function LinkStatus({ view }: { view: PbxView }) {
  const s = view.status;
  return (
    <dl className="pbx-status" data-state={phoneSystemState(s)} data-testid="pbx-status">
      <div>
        <dt>Status</dt>
        <dd>
          <span role="status">{pbxStatusText(s)}</span>
        </dd>
      </div>
      {s.reason && !s.connected ? (
        <div>
          <dt>Why</dt>
          <dd>{s.reason}</dd>
        </div>
      ) : null}
      {s.since ? (
        <div>
          <dt>Since</dt>
          <dd>
            <DateTime ms={s.since} />
          </dd>
        </div>
      ) : null}
      <div>
        <dt>Last event</dt>
        <dd>
          {s.lastEventAt ? (
            <>
              {s.lastEvent} at <DateTime ms={s.lastEventAt} />
            </>
          ) : (
            'None heard yet'
          )}
        </dd>
      </div>
      {view.source === 'environment' ? (
        <div>
          <dt>Set by</dt>
          <dd>the hub’s environment (RAPPORT_AMI_*); saving here takes over</dd>
        </div>
      ) : null}
    </dl>
  );
}

/**
 * The organisation admin points the hub at the PBX's Manager Interface. The secret is write-only:
 * it is never shown or sent back, and a blank field keeps the saved one.
 */
function PbxForm({ view }: { view: PbxView }) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(view));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<BridgeError | null>(null);
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  // Saved elsewhere (another admin, this page's own save): the form shows what the hub now holds.
  const saved = [view.host, view.port, view.username, view.interfaceTemplate, view.dialContext].join('|');
  useEffect(() => setDraft(draftOf(view)), [saved]);

  const set = (key: keyof Draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value });
  const settings = () => ({
    name: view.name ?? 'Main PBX',
    host: draft.host.trim(),
    port: Number(draft.port),
    username: draft.username.trim(),
    ...(draft.secret ? { secret: draft.secret } : {}),
    interfaceTemplate: draft.interfaceTemplate.trim(),
    dialContext: draft.dialContext.trim(),
    enabled: true,
  });
  const check = () => {
    const parsed = pbxSettings.safeParse(settings());
    const found: Record<string, string> = {};
    if (!parsed.success) for (const i of parsed.error.issues) found[String(i.path[0])] ??= plainMessage(i.message);
    if (!view.hasSecret && !draft.secret) found.secret = 'The PBX needs a secret the first time.';
    setProblems(found);
    const first = Object.keys(found)[0];
    if (first) document.getElementById(`${id}-${first}`)?.focus();
    return first ? null : settings();
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setOutcome(null);
    setError(null);
    const valid = check();
    if (!valid) return;
    setBusy('save');
    const result = await savePbxSettings(valid);
    setBusy(null);
    if (!result.ok) return setError(result.error);
    setDraft({ ...draft, secret: '' });
    setOutcome({ ok: true, text: 'Saved: the hub is connecting with these settings.' });
  };

  const test = async () => {
    setOutcome(null);
    setError(null);
    const valid = check();
    if (!valid) return;
    setBusy('test');
    const result = await testPbxSettings({ host: valid.host, port: valid.port, username: valid.username, ...(valid.secret ? { secret: valid.secret } : {}) });
    setBusy(null);
    if (!result.ok) return setError(result.error);
    setOutcome({ ok: result.value.ok, text: `${result.value.message} (${result.value.milliseconds} ms)` });
  };

  const field = (key: keyof Draft, label: string, hint?: string, type = 'text') => (
    <Field id={`${id}-${key}`} label={label} hint={hint} problem={problems[key]}>
      <input
        className="input"
        type={type}
        autoComplete={type === 'password' ? 'new-password' : 'off'}
        spellCheck={false}
        value={draft[key]}
        onChange={set(key)}
        {...describedBy(`${id}-${key}`, Boolean(hint), problems[key])}
      />
    </Field>
  );

  return (
    <form className="pbx-form" aria-label="PBX connection" onSubmit={(e) => void save(e)} noValidate>
      <div className="pbx-grid">
        {field('host', 'Host', 'The PBX’s name or address, as the hub reaches it')}
        {field('port', 'Port', 'AMI port, usually 5038', 'number')}
        {field('username', 'AMI user', 'A user in manager.conf')}
        {field('secret', 'Secret', view.hasSecret ? 'Saved and never shown; leave blank to keep it' : 'The user’s secret in manager.conf', 'password')}
        {field('interfaceTemplate', 'Queue member interface', 'How an extension is written, e.g. PJSIP/{ext}')}
        {field('dialContext', 'Dialplan context', 'Where transfers and click-to-dial run')}
      </div>
      {error ? <InlineError error={error} lead={busy === 'test' ? 'Not tested' : 'Not saved'} /> : null}
      {outcome ? (
        <p role="status" className={outcome.ok ? 'pbx-outcome pbx-outcome-ok' : 'pbx-outcome pbx-outcome-bad'} data-testid="pbx-outcome">
          {outcome.text}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-small" disabled={busy !== null}>
          {busy === 'save' ? 'Saving…' : 'Save and connect'}
        </button>
        <button type="button" className="button button-secondary button-small" disabled={busy !== null} onClick={() => void test()}>
          {busy === 'test' ? 'Testing…' : 'Test connection'}
        </button>
      </div>
    </form>
  );
}

/** The PBX page of the organisation admin: the connection's settings and how the link is doing now. */
export function PbxCard() {
  const pbx = usePbxSettings();
  return (
    <Card title="Phone system (PBX)" className="admin-pbx">
      <Loaded value={pbx} loadingLabel="Loading the PBX settings…" errorTitle="The PBX settings could not be loaded." onRetry={reloadPbxSettings}>
        {(view) => (
          <div className="pbx">
            <LinkStatus view={view} />
            <PbxForm view={view} />
          </div>
        )}
      </Loaded>
    </Card>
  );
}
