import { useConsoleActions, useShortcutsOpen } from '../../state';
import { SHORTCUTS } from './shortcuts';
import { ModalDialog } from '../settings/ModalDialog';

/** `?` anywhere (but in a text box): every shortcut in one short table. */
export function ShortcutsSheet({ takesCalls }: { takesCalls: boolean }) {
  const open = useShortcutsOpen();
  const { setShortcutsOpen } = useConsoleActions();
  return (
    <ModalDialog title="Keyboard shortcuts" open={open} onClose={() => setShortcutsOpen(false)} className="shortcuts-sheet">
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
    </ModalDialog>
  );
}
