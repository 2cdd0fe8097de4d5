import { useEffect, useId, useRef, useState } from 'react';
import { CALL_SOURCES, type CallSource } from '../../../shared/contract/calls';
import { useCallAction, useCallActions, useCallDesk } from '../../state';
import { InlineError, LoadingState } from '../../ui/States';
import { SOURCE_LABELS } from '../calls/callText';
import '../../ui/controls.css';
import './settings.css';
import { CopyDiagnostics } from './CopyDiagnostics';
import { HubSetting } from './HubSetting';
import { ModalDialog } from './ModalDialog';
import { TwoFactorSettings } from './TwoFactorSettings';

const SOURCE_HINTS: Record<CallSource, string> = {
  hub: 'Calls to your extension on the contact centre’s phone system, relayed by the hub.',
  softphone: 'A softphone on this computer reports its calls to the address below.',
  simulator: 'Practice calls sent with “npm run cti”, through the same address.',
};

function CopyAddress({ url }: { url: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const codeRef = useRef<HTMLElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      // No clipboard permission: select the text so Ctrl+C works.
      const range = document.createRange();
      if (codeRef.current) range.selectNodeContents(codeRef.current);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      setCopied('no');
    }
  };
  return (
    <>
      <div className="settings-address">
        <code ref={codeRef} className="settings-url" data-testid="cti-url">
          {url}
        </code>
        <button type="button" className="button button-secondary button-small" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p className="settings-copied" aria-live="polite">
        {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'no' ? 'Selected: press Ctrl+C to copy.' : ''}
      </p>
    </>
  );
}

/** Modal settings: Esc or Close shuts it, and the rest of the page is inert while it is open. */
export function SettingsDialog({ onClose }: { onClose(): void }) {
  const { desk } = useCallDesk();
  const { setSource } = useCallActions();
  const { busy, error } = useCallAction('setSource');
  const groupId = useId();
  /**
   * The choice on its way to the core: shown at once, put back if the core refuses it. Radios stay
   * enabled (disabling one under the arrow keys would drop focus); the latest choice is sent next.
   */
  const [choosing, setChoosing] = useState<CallSource | null>(null);
  const savedSource = desk.status === 'idle' ? undefined : desk.data?.source;
  useEffect(() => {
    if (choosing === null || busy || savedSource === undefined) return;
    if (choosing === savedSource) return setChoosing(null);
    void setSource(choosing).then((saved) => {
      if (!saved) setChoosing(null);
    });
  }, [choosing, busy, savedSource, setSource]);

  const data = desk.status === 'idle' ? undefined : desk.data;

  return (
    <ModalDialog title="Settings" onClose={onClose}>
      {!data ? (
        <LoadingState label="Loading settings…" />
      ) : (
        <>
          <fieldset className="settings-group" aria-describedby={`${groupId}-status`}>
            <legend className="settings-legend">Call events from</legend>
            {data.sources.length < CALL_SOURCES.length ? (
              <p className="settings-text">Your IT team has set where calls come from on this computer.</p>
            ) : null}
            {data.sources.map((source) => (
              <label key={source} className="settings-choice">
                <input
                  type="radio"
                  name="call-source"
                  value={source}
                  checked={(choosing ?? data.source) === source}
                  onChange={() => setChoosing(source)}
                />
                <span className="settings-choice-text">
                  <span className="settings-choice-label">{SOURCE_LABELS[source]}</span>
                  <span className="settings-choice-hint">{SOURCE_HINTS[source]}</span>
                </span>
              </label>
            ))}
            <p id={`${groupId}-status`} className="settings-saving" aria-live="polite">
              {busy ? 'Saving…' : ''}
            </p>
            {error ? (
              <InlineError error={error} />
            ) : null}
          </fieldset>
          <section className="settings-group" aria-labelledby={`${groupId}-cti`}>
            <h3 id={`${groupId}-cti`} className="settings-legend">
              Softphone webhook
            </h3>
            <p className="settings-text">
              Point your softphone’s CTI webhook at this address. It only answers on this computer, and the key in it is
              this computer’s own.
            </p>
            {data.ctiUrl ? (
              <CopyAddress url={data.ctiUrl} />
            ) : (
              <p className="inline-error">The webhook is not running on this computer: its port may be in use by another program.</p>
            )}
          </section>
        </>
      )}
      <HubSetting />
      <TwoFactorSettings />
      <CopyDiagnostics />
    </ModalDialog>
  );
}
