import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { SiteView } from '../../../shared/schemas/accounts';
import { GESTURE_KINDS, TONES, type CatalogueItem } from '../../../shared/schemas/catalogue';
import type { FieldProblem } from '../../../shared/schemas/common';
import { useCatalogueAction, useCatalogueStore } from '../../state';
import { describedBy, Field } from '../../ui/Field';
import { problemsByField, withConflictOn } from './fieldProblems';
import { FieldsEditor } from './FieldsEditor';
import { draftFrom, itemFromDraft, newDraft, referenceFrom, type ItemDraft } from './itemDraft';
import { ItemPlacement } from './ItemPlacement';
import { KIND_LABELS, TONE_LABELS } from './labels';
import { MoneyInput } from './MoneyInput';
import { TemplatesEditor } from './TemplatesEditor';

const BASE_FIELDS = [
  'id',
  'name',
  'description',
  'kind',
  'tone',
  'bereavementSuitable',
  'minPence',
  'maxPence',
  'lines',
  'sites',
  'fulfilment',
  'tags',
];

interface Props {
  editing: CatalogueItem | null;
  sites: SiteView[];
  routes: string[];
  onClose(): void;
}

/** Add or edit one catalogue item. Amounts are typed in pounds; the hub's refusals land on their fields. */
export function ItemForm({ editing, sites, routes, onClose }: Props) {
  const { busy, error } = useCatalogueAction('save');
  const save = useCatalogueStore((s) => s.saveItem);
  const [draft, setDraft] = useState<ItemDraft>(() => (editing ? draftFrom(editing) : newDraft()));
  const [ownReference, setOwnReference] = useState(editing !== null);
  const [local, setLocal] = useState<FieldProblem[] | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const formRef = useRef<HTMLFormElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => nameRef.current?.focus(), []);

  const known = useMemo(
    () => [...BASE_FIELDS, ...draft.fields.map((_, i) => `fields.${i}`), ...draft.templates.map((_, i) => `templates.${i}`)],
    [draft.fields, draft.templates],
  );
  const reported = problemsByField(local ?? withConflictOn(error, 'id') ?? undefined, known, 'item.');
  // A problem the admin has started fixing stops shouting; it is checked again on the next Save.
  const problem = (field: string) => (edited.has(field) ? undefined : reported.byField[field]);
  const touch = (field: string) => !edited.has(field) && setEdited(new Set(edited).add(field));
  const change = (field: string, patch: Partial<ItemDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    touch(field);
  };

  // Take the admin to the first thing to fix once the answer is in (or the pounds could not be read).
  useEffect(() => {
    if (attempt === 0) return;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (first ?? formRef.current?.querySelector<HTMLElement>('.form-error'))?.focus();
  }, [attempt]); // after the render that shows the new problems, not on every keystroke

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Every problem shows again on this attempt, fixed-looking or not: the answer decides.
    setEdited(new Set());
    const built = itemFromDraft(draft);
    if (!built.ok) {
      setLocal(built.problems);
      return setAttempt((n) => n + 1);
    }
    setLocal(null);
    if (await save(editing ? 'update' : 'create', built.item)) return onClose();
    setAttempt((n) => n + 1);
  };

  const failed = local !== null || error !== null;
  const summary = local ? 'Some fields need attention.' : (error?.message ?? '');
  const heading = editing ? `Edit “${editing.name}”` : 'New catalogue item';

  return (
    <form
      ref={formRef}
      className="publish-form item-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="item-form-heading"
    >
      <h3 id="item-form-heading" className="publish-heading">
        {heading}
      </h3>
      {failed ? (
        <div className="form-error" role="alert" tabIndex={-1}>
          <p>{summary}</p>
          {reported.other.length > 0 ? (
            <ul>
              {reported.other.map((p) => (
                <li key={`${p.path}:${p.message}`}>{p.message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div className="publish-row item-row-name">
        <Field id="item-name" label="Name" hint="What advisors see and customers receive." problem={problem('name')}>
          <input
            ref={nameRef}
            className="input"
            value={draft.name}
            onChange={(e) => {
              change('name', { name: e.target.value, ...(ownReference ? {} : { id: referenceFrom(e.target.value) }) });
              if (!ownReference) touch('id');
            }}
            {...describedBy('item-name', true, problem('name'))}
          />
        </Field>
        <Field
          id="item-id"
          label="Reference"
          hint={editing ? 'Fixed once the item exists.' : 'Lower-case letters, digits and dashes; made from the name.'}
          problem={problem('id')}
        >
          <input
            className="input mono"
            value={draft.id}
            readOnly={editing !== null}
            onChange={(e) => {
              setOwnReference(true);
              change('id', { id: e.target.value });
            }}
            {...describedBy('item-id', true, problem('id'))}
          />
        </Field>
      </div>
      <Field
        id="item-description"
        label="Description"
        hint="For advisors: what it is and when it suits."
        problem={problem('description')}
      >
        <textarea
          className="input item-description"
          value={draft.description}
          onChange={(e) => change('description', { description: e.target.value })}
          {...describedBy('item-description', true, problem('description'))}
        />
      </Field>
      <div className="item-grid">
        <Field id="item-kind" label="Kind" problem={problem('kind')}>
          <select
            className="input"
            value={draft.kind}
            onChange={(e) => change('kind', { kind: e.target.value as ItemDraft['kind'] })}
            {...describedBy('item-kind', false, problem('kind'))}
          >
            {GESTURE_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="item-tone" label="Tone" problem={problem('tone')}>
          <select
            className="input"
            value={draft.tone}
            onChange={(e) => change('tone', { tone: e.target.value as ItemDraft['tone'] })}
            {...describedBy('item-tone', false, problem('tone'))}
          >
            {TONES.map((t) => (
              <option key={t} value={t}>
                {TONE_LABELS[t]}
              </option>
            ))}
          </select>
        </Field>
        <MoneyInput
          id="item-min"
          label="From"
          value={draft.minPounds}
          problem={problem('minPence')}
          onChange={(v) => change('minPence', { minPounds: v })}
        />
        <MoneyInput
          id="item-max"
          label="To"
          value={draft.maxPounds}
          problem={problem('maxPence')}
          onChange={(v) => change('maxPence', { maxPounds: v })}
        />
      </div>
      <p className="field-hint item-amount-hint">
        Amounts in pounds. For a fixed price, make From and To the same; 0 for no charge.
      </p>
      <ItemPlacement draft={draft} sites={sites} routes={routes} problem={problem} change={change} />
      <FieldsEditor fields={draft.fields} problem={problem} onChange={(fields, field) => change(field, { fields })} />
      <TemplatesEditor
        templates={draft.templates}
        keys={draft.fields.map((f) => f.key)}
        problem={problem}
        onChange={(templates, field) => change(field, { templates })}
      />
      <div className="publish-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : editing ? 'Save changes' : 'Add to catalogue'}
        </button>
        <button type="button" className="button button-secondary" onClick={onClose} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
