import { useId, type FormEvent } from 'react';
import { LINE_LABELS, type Line } from '../../../shared/roles';
import { wrapupCodeList, type WrapupCodeView } from '../../../shared/schemas/cases';
import { caseWorkActions } from '../../state';
import { FieldProblem } from '../../ui/Field';
import { SaveActions } from '../../ui/SaveActions';
import { rowProblems, useEditableRows } from './useEditableRows';

interface CodeRow {
  key: string;
  id?: string;
  label: string;
  meansDeath: boolean;
  retired: boolean;
}

const toRow = (c: WrapupCodeView): CodeRow => ({
  key: c.id,
  id: c.id,
  label: c.label,
  meansDeath: c.meansDeath,
  retired: c.retired,
});

/**
 * One line's wrap-up codes in the order advisors see them. A code is retired rather than deleted
 * (cases closed with it keep its label) and can be brought back; "means a death" makes the desk ask
 * for the bereavement to be recorded.
 */
export function WrapupCodesForm({ line, saved }: { line: Line; saved: WrapupCodeView[] }) {
  const id = useId();
  const { rows, problems, change, add, refuse, accept, busy, error, done, save } = useEditableRows(
    saved,
    toRow,
    (i) => `${id}-label-${i}`,
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // A new row left blank is not a code; a retired one is left out, which is how the hub retires it.
    const kept = rows.map((r, at) => ({ r, at })).filter(({ r }) => !r.retired && (r.id || r.label.trim()));
    const parsed = wrapupCodeList.safeParse({
      codes: kept.map(({ r }) => ({ ...(r.id ? { id: r.id } : {}), label: r.label, meansDeath: r.meansDeath })),
    });
    if (!parsed.success) {
      const found = rowProblems(parsed.error.issues);
      return refuse(
        { rows: new Map([...found.rows].map(([i, message]) => [kept[i]!.at, message])), list: found.list },
        `${id}-add`,
      );
    }
    accept();
    await save(
      () => caseWorkActions.saveWrapupCodes({ line, codes: parsed.data.codes }),
      ({ codes }) => `Saved: ${codes.filter((c) => !c.retired).length} codes in use on ${LINE_LABELS[line]}.`,
    );
  };

  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={`Wrap-up codes for ${LINE_LABELS[line]}`}
      className="case-list-form"
    >
      <h3 className="list-title">Wrap-up codes</h3>
      <table className="table table-compact case-list-table">
        <thead>
          <tr>
            <th scope="col">Code, as advisors see it</th>
            <th scope="col">Means a death</th>
            <th scope="col">Retired</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const problem = problems.rows.get(i);
            const name = r.label.trim() || `new code ${i + 1}`;
            return (
              <tr key={r.key} data-retired={r.retired}>
                <td>
                  <input
                    id={`${id}-label-${i}`}
                    className="input"
                    aria-label={`Code ${i + 1}`}
                    aria-invalid={problem ? true : undefined}
                    aria-describedby={problem ? `${id}-label-${i}-problem` : undefined}
                    value={r.label}
                    maxLength={80}
                    onChange={(e) => change(i, { label: e.target.value })}
                  />
                  <FieldProblem id={`${id}-label-${i}`} problem={problem} />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${name} means a death`}
                    checked={r.meansDeath}
                    onChange={(e) => change(i, { meansDeath: e.target.checked })}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${name} retired`}
                    checked={r.retired}
                    onChange={(e) => change(i, { retired: e.target.checked })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <FieldProblem id={`${id}-list`} problem={problems.list} />
      <SaveActions busy={busy} error={error} label="Save wrap-up codes" done={done}>
        <button
          type="button"
          id={`${id}-add`}
          className="button button-small button-secondary"
          onClick={() => add({ label: '', meansDeath: false, retired: false })}
        >
          Add a code
        </button>
      </SaveActions>
    </form>
  );
}
