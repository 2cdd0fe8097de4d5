import { useEffect, useId, useState, type FormEvent } from 'react';
import type { BridgeError } from '../../../shared/contract/envelope';
import { notReadyReasonList } from '../../../shared/schemas/agent';
import { saveNotReadyReasons, useNotReadyReasons, queryClient } from '../../state';
import { Card } from '../../ui/Card';
import { describedBy, Field } from '../../ui/Field';
import { Loaded } from '../../ui/Loaded';
import { SaveActions } from '../../ui/SaveActions';
import '../../ui/controls.css';

/** One reason a line: what advisors choose from when they go "not ready". */
function ReasonsForm({ saved }: { saved: string[] }) {
  const id = useId();
  const [text, setText] = useState(saved.join('\n'));
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<BridgeError | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  useEffect(() => setText(saved.join('\n')), [saved]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    setError(null);
    const reasons = text
      .split('\n')
      .map((r) => r.trim())
      .filter(Boolean);
    const parsed = notReadyReasonList.safeParse(reasons);
    if (!parsed.success) {
      setProblem(parsed.error.issues.map((i) => (typeof i.path[0] === 'number' ? `Line ${i.path[0] + 1}: ${i.message}` : i.message)).join('; '));
      document.getElementById(`${id}-reasons`)?.focus();
      return;
    }
    setProblem(null);
    setBusy(true);
    const result = await saveNotReadyReasons(parsed.data);
    setBusy(false);
    if (result.ok) setDone(`Saved: ${parsed.data.length} reasons.`);
    else setError(result.error);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Not-ready reasons">
      <Field id={`${id}-reasons`} label="Reasons, one a line, in the order advisors see them" problem={problem ?? undefined}>
        <textarea {...describedBy(`${id}-reasons`, false, problem ?? undefined)} className="input" rows={7} value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
      <SaveActions busy={busy} error={error} label="Save reasons" done={done} />
    </form>
  );
}

/** The admin keeps the list; advisors pick from it, and supervisors read the same words on the floor. */
export function NotReadyReasonsCard() {
  const reasons = useNotReadyReasons();
  return (
    <Card title="Not-ready reasons" className="admin-reasons">
      <Loaded
        value={reasons}
        loadingLabel="Loading the reasons…"
        errorTitle="The reasons could not be loaded."
        onRetry={() => void queryClient.invalidateQueries({ queryKey: ['notReadyReasons'] })}
      >
        {(list) => <ReasonsForm saved={list} />}
      </Loaded>
    </Card>
  );
}
