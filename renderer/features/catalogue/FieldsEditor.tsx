import { useRef } from 'react';
import { fieldDraft, keyFrom, type FieldDraft, type PersonalisationKind } from './itemDraft';
import { FIELD_KIND_LABELS } from './labels';

const MAX_FIELDS = 20;
const KINDS = Object.keys(FIELD_KIND_LABELS) as PersonalisationKind[];

interface Props {
  fields: FieldDraft[];
  problem(field: string): string | undefined;
  /** `field` is the problem path the change may fix ("fields.2"). */
  onChange(fields: FieldDraft[], field: string): void;
}

/**
 * What the advisor fills in for this item: recipient and message, and item-specific ones such as a
 * child's age and interests. Each key becomes a `{blank}` the templates can use.
 */
export function FieldsEditor({ fields, problem, onChange }: Props) {
  const listRef = useRef<HTMLOListElement>(null);
  const update = (i: number, patch: Partial<FieldDraft>) =>
    onChange(
      fields.map((f, j) => (j === i ? { ...f, ...patch } : f)),
      `fields.${i}`,
    );
  const add = () => {
    onChange([...fields, fieldDraft()], `fields.${fields.length}`);
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLInputElement>('li:last-child input')?.focus());
  };
  const remove = (i: number) => {
    onChange(
      fields.filter((_, j) => j !== i),
      'fields',
    );
    requestAnimationFrame(() => listRef.current?.parentElement?.querySelector<HTMLButtonElement>('.rows-add')?.focus());
  };

  return (
    <fieldset className="rows" aria-describedby="item-fields-hint">
      <legend className="field-label">Personalisation fields</legend>
      <span className="field-hint" id="item-fields-hint">
        What the advisor fills in. The key is the blank a template uses, for example {'{childAge}'}.
      </span>
      <ol className="rows-list" ref={listRef}>
        {fields.map((f, i) => {
          const n = i + 1;
          const trouble = problem(`fields.${i}`);
          const id = `item-field-${i}`;
          return (
            <li key={f.uid} className="row-item">
              <div className="field-row">
                <input
                  className="input"
                  aria-label={`Field ${n} label`}
                  placeholder="Label, for example Child’s age"
                  value={f.label}
                  onChange={(e) =>
                    update(i, { label: e.target.value, ...(f.key === keyFrom(f.label) ? { key: keyFrom(e.target.value) } : {}) })
                  }
                  aria-invalid={trouble ? true : undefined}
                  aria-describedby={trouble ? `${id}-problem` : undefined}
                />
                <input
                  className="input mono"
                  aria-label={`Field ${n} key`}
                  placeholder="key"
                  value={f.key}
                  onChange={(e) => update(i, { key: e.target.value })}
                />
                <select
                  className="input"
                  aria-label={`Field ${n} kind`}
                  value={f.kind}
                  onChange={(e) => update(i, { kind: e.target.value as PersonalisationKind })}
                >
                  {KINDS.map((k) => (
                    <option key={k} value={k}>
                      {FIELD_KIND_LABELS[k]}
                    </option>
                  ))}
                </select>
                <label className="check">
                  <input type="checkbox" checked={f.required} onChange={(e) => update(i, { required: e.target.checked })} />
                  Required
                </label>
                <button
                  type="button"
                  className="button button-quiet button-small"
                  aria-label={`Remove field ${n}${f.label ? `, ${f.label}` : ''}`}
                  onClick={() => remove(i)}
                >
                  Remove
                </button>
              </div>
              {f.kind === 'choice' ? (
                <input
                  className="input row-options"
                  aria-label={`Field ${n} choices`}
                  placeholder="Choices, separated by commas"
                  value={f.options}
                  onChange={(e) => update(i, { options: e.target.value })}
                />
              ) : null}
              {trouble ? (
                <span className="field-problem" id={`${id}-problem`}>
                  {trouble}
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button button-secondary button-small rows-add"
        onClick={add}
        disabled={fields.length >= MAX_FIELDS}
      >
        Add a field
      </button>
    </fieldset>
  );
}
