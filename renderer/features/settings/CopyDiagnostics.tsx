import { useId, useRef, useState } from 'react';
import { collectDiagnostics, useSetupStatus } from '../../state';
import '../../ui/controls.css';
import './settings.css';

/**
 * For the service desk: the desktop's version, hub, connection and recent log, copied in one
 * press (card numbers are masked in it). Without clipboard access the text is shown selected.
 */
export function CopyDiagnostics() {
  const setup = useSetupStatus();
  const headingId = useId();
  const [state, setState] = useState<{ kind: 'idle' | 'working' | 'copied' } | { kind: 'shown'; text: string } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  const textRef = useRef<HTMLTextAreaElement>(null);

  const copy = async () => {
    setState({ kind: 'working' });
    const result = await collectDiagnostics();
    if (!result.ok) return setState({ kind: 'failed', message: result.message });
    try {
      await navigator.clipboard.writeText(result.text);
      setState({ kind: 'copied' });
    } catch {
      setState({ kind: 'shown', text: result.text });
      requestAnimationFrame(() => textRef.current?.select());
    }
  };

  return (
    <section className="settings-group" aria-labelledby={headingId}>
      <h3 id={headingId} className="settings-legend">
        Help from the service desk
      </h3>
      <p className="settings-text">
        Rapport {setup?.version ?? ''}
        {setup?.hubUrl ? ` · hub ${setup.hubUrl}` : ''}
        {setup?.hubSource === 'policy' ? ' (set by your IT team)' : ''}
      </p>
      <button type="button" className="button button-secondary button-small" onClick={() => void copy()} disabled={state.kind === 'working'}>
        {state.kind === 'working' ? 'Collecting…' : 'Copy diagnostics'}
      </button>
      <p className="settings-copied" aria-live="polite">
        {state.kind === 'copied' ? 'Diagnostics copied: paste them into your message to the service desk.' : ''}
        {state.kind === 'shown' ? 'Selected below: press Ctrl+C to copy.' : ''}
      </p>
      {state.kind === 'failed' ? <p className="inline-error">{state.message}</p> : null}
      {state.kind === 'shown' ? <textarea ref={textRef} className="settings-diagnostics" readOnly rows={8} aria-label="Diagnostics" value={state.text} /> : null}
    </section>
  );
}
