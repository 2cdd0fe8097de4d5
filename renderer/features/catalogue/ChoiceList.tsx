interface Props {
  id: string;
  legend: string;
  hint?: string;
  choices: { value: string; label: string }[];
  chosen: readonly string[];
  problem?: string;
  onChange(chosen: string[]): void;
}

/** A group of checkboxes with one legend, hint and problem, kept in the order of `choices`. */
export function ChoiceList({ id, legend, hint, choices, chosen, problem, onChange }: Props) {
  const toggle = (value: string, on: boolean) =>
    onChange(choices.map((c) => c.value).filter((v) => (v === value ? on : chosen.includes(v))));
  const described = [hint ? `${id}-hint` : null, problem ? `${id}-problem` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="choices" id={id} aria-describedby={described} aria-invalid={problem ? true : undefined} tabIndex={-1}>
      <legend className="field-label">{legend}</legend>
      {hint ? (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      <div className="choices-list">
        {choices.map((c) => (
          <label key={c.value} className="check">
            <input type="checkbox" checked={chosen.includes(c.value)} onChange={(e) => toggle(c.value, e.target.checked)} />
            {c.label}
          </label>
        ))}
      </div>
      {problem ? (
        <span className="field-problem" id={`${id}-problem`}>
          {problem}
        </span>
      ) : null}
    </fieldset>
  );
}
