import { useEffect, useId, useRef } from 'react';
import { useConsoleActions, useShortcutsOpen } from '../../state';
import { SHORTCUTS } from './shortcuts';
import '../settings/settings.css';

/** `?` anywhere (but in a text box): every shortcut in one short table. */
export function ShortcutsSheet({ takesCalls }: { takesCalls: boolean }) {
  const open = useShortcutsOpen();
  const { setShortcutsOpen } = useConsoleActions();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const close = () => setShortcutsOpen(false);
  return (
    <dialog
      ref={dialogRef}
      className="settings shortcuts-sheet"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      <div className="settings-head">
        <h2 id={titleId} className="settings-title">
          Keyboard shortcuts
        </h2>
        <button type="button" className="button button-quiet button-small" onClick={close}>
          Close
        </button>
      </div>
      <table className="table table-compact">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What they do</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.filter((s) => takesCalls || !s.calls).map((s) => (
            <tr key={s.target}>
              <td className="nowrap">
                <kbd>{s.keys}</kbd>
              </td>
              <td>{s.description}</td>
            </tr>
          ))}
          <tr>
            <td className="nowrap">
              <kbd>Ctrl Enter</kbd>
            </td>
            <td>Add the note you are writing</td>
          </tr>
          <tr>
            <td className="nowrap">
              <kbd>Esc</kbd>
            </td>
            <td>Back from an article to the results; close this sheet</td>
          </tr>
        </tbody>
      </table>
    </dialog>
  );
}
