import { LINE_LABELS, LINES, type Line } from '../../shared/roles';

/** The three lines as a select's options, in the contact centre's words. */
export function LineOptions() {
  return (
    <>
      {LINES.map((l) => (
        <option key={l} value={l}>
          {LINE_LABELS[l]}
        </option>
      ))}
    </>
  );
}

/** "Line" and its select: which line of business a case, or an admin's list, is for. */
export function LineField({
  id,
  line,
  onChange,
  className = 'field',
}: {
  id: string;
  line: Line;
  onChange: (line: Line) => void;
  className?: string;
}) {
  return (
    <div className={className}>
      <label className="field-label" htmlFor={id}>
        Line
      </label>
      <select id={id} className="input" value={line} onChange={(e) => onChange(e.target.value as Line)}>
        <LineOptions />
      </select>
    </div>
  );
}
