import type { SuggestionView } from '../../../shared/schemas/gestures';
import { personalFields } from './draft';

type Field = SuggestionView['fields'][number];

function FieldInput({
  field,
  id,
  value,
  problem,
  onChange,
}: {
  field: Field;
  id: string;
  value: string;
  problem: string | null;
  onChange: (v: string) => void;
}) {
  const described = problem ? `${id}-problem` : undefined;
  const common = {
    id,
    className: 'input',
    value,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': described,
  } as const;
  switch (field.kind) {
    case 'longtext':
      return <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />;
    case 'number':
      return <input {...common} inputMode="numeric" onChange={(e) => onChange(e.target.value)} />;
    case 'choice':
      return (
        <select {...common} onChange={(e) => onChange(e.target.value)}>
          <option value="">Choose…</option>
          {(field.options ?? []).map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
    default:
      return <input {...common} onChange={(e) => onChange(e.target.value)} />;
  }
}

/** The item's own questions: who it is for, and what makes it theirs (a child's age, a charity). */
export function PersonalisationFields({
  suggestion,
  idPrefix,
  values,
  problemFor,
  onChange,
}: {
  suggestion: SuggestionView;
  idPrefix: string;
  values: Record<string, string>;
  problemFor: (path: string) => string | null;
  onChange: (key: string, value: string) => void;
}) {
  return (
    <>
      {personalFields(suggestion).map((field) => {
        const id = `${idPrefix}-${field.key}`;
        const problem = problemFor(`personalisation.${field.key}`);
        return (
          <div className="field" key={field.key}>
            <label className="field-label" htmlFor={id}>
              {field.label}
              {field.required ? null : <span className="field-optional"> (optional)</span>}
            </label>
            <FieldInput
              field={field}
              id={id}
              value={values[field.key] ?? ''}
              problem={problem}
              onChange={(v) => onChange(field.key, v)}
            />
            {problem ? (
              <p className="field-problem" id={`${id}-problem`}>
                {problem}
              </p>
            ) : null}
          </div>
        );
      })}
    </>
  );
}
