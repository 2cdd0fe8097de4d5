import { useState } from 'react';
import { FieldProblem } from '../../ui/Field';
import { isoToUk, ukToIso } from '../../ui/ukDate';
import './people.css';

/**
 * A date typed as dd/mm/yyyy, whatever language the browser runs in (Chromium draws its own date box
 * as mm/dd/yyyy under en-US). The filter changes once the text is a real date, or is cleared.
 */
export function UkDateBox({ id, label, value, onChange }: { id: string; label: string; value: string; onChange(iso: string): void }) {
  const [typed, setTyped] = useState(isoToUk(value));
  const problem = typed.trim() !== '' && ukToIso(typed) === null ? 'Type a date as dd/mm/yyyy' : null;
  const change = (text: string) => {
    setTyped(text);
    const next = text.trim() === '' ? '' : ukToIso(text);
    if (next !== null && next !== value) onChange(next);
  };
  return (
    <>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input input-date"
        inputMode="numeric"
        placeholder="dd/mm/yyyy"
        autoComplete="off"
        value={typed}
        onChange={(e) => change(e.target.value)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
      />
      <FieldProblem id={id} problem={problem} />
    </>
  );
}
