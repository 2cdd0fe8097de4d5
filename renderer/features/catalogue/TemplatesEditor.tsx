import { useRef } from 'react';
import { uid, unknownBlanks } from './itemDraft';

const MAX_TEMPLATES = 10;

interface Props {
  templates: { uid: string; text: string }[];
  keys: string[];
  problem(field: string): string | undefined;
  onChange(templates: { uid: string; text: string }[], field: string): void;
}

/** Messages the advisor starts from; a blank with no field behind it is pointed out as it is typed. */
export function TemplatesEditor({ templates, keys, problem, onChange }: Props) {
  const listRef = useRef<HTMLOListElement>(null);
  const known = keys.map((k) => k.trim()).filter(Boolean);
  const update = (i: number, text: string) =>
    onChange(
      templates.map((t, j) => (j === i ? { ...t, text } : t)),
      `templates.${i}`,
    );
  const add = () => {
    onChange([...templates, { uid: uid(), text: '' }], `templates.${templates.length}`);
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLTextAreaElement>('li:last-child textarea')?.focus());
  };
  const remove = (i: number) => {
    onChange(
      templates.filter((_, j) => j !== i),
      'templates',
    );
    requestAnimationFrame(() => listRef.current?.parentElement?.querySelector<HTMLButtonElement>('.rows-add')?.focus());
  };

  return (
    <fieldset className="rows" aria-describedby="item-templates-hint">
      <legend className="field-label">Message templates</legend>
      <span className="field-hint" id="item-templates-hint">
        {known.length
          ? `Blanks you can use: ${known.map((k) => `{${k}}`).join(', ')}.`
          : 'Add personalisation fields to use blanks.'}
      </span>
      <ol className="rows-list" ref={listRef}>
        {templates.map((t, i) => {
          const trouble = problem(`templates.${i}`);
          const blanks = unknownBlanks(t.text, known);
          const warning =
            trouble || blanks.length === 0 ? undefined : `No field has the key ${blanks.map((k) => `{${k}}`).join(', ')}.`;
          const id = `item-template-${i}`;
          return (
            <li key={t.uid} className="row-item">
              <div className="template-row">
                <label className="visually-hidden" htmlFor={id}>
                  Template {i + 1}
                </label>
                <textarea
                  id={id}
                  className="input template-text"
                  value={t.text}
                  onChange={(e) => update(i, e.target.value)}
                  aria-invalid={trouble ? true : undefined}
                  aria-describedby={trouble || warning ? `${id}-problem` : undefined}
                />
                <button
                  type="button"
                  className="button button-quiet button-small"
                  aria-label={`Remove template ${i + 1}`}
                  onClick={() => remove(i)}
                >
                  Remove
                </button>
              </div>
              {trouble || warning ? (
                <span className={trouble ? 'field-problem' : 'field-warning'} id={`${id}-problem`}>
                  {trouble ?? warning}
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
        disabled={templates.length >= MAX_TEMPLATES}
      >
        Add a template
      </button>
    </fieldset>
  );
}
