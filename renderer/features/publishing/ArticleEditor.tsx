import { useEffect, useRef, useState, type FormEvent } from 'react';
import { LINES, ROLES } from '../../../shared/roles';
import { usePublishingStore } from '../../state';
import { Markdown } from '../../ui/Markdown';
import { InlineError } from '../../ui/States';
import { lineLabel, roleLabel } from '../../ui/format';
import { describedBy, Field } from '../../ui/Field';
import { plainMessage } from '../admin/problems';
import { draftOf, type DraftForm } from './draftForm';

const SCOPES = [
  ['all', 'Every site'],
  ['in_house', 'In-house sites only'],
  ['sites', 'Chosen sites'],
] as const;

/**
 * Writing an article: every field of a version, with the body previewed live through the one
 * sanitising Markdown renderer. Saving keeps a draft; "Send for review" saves and asks a second
 * organisation admin. Editing a published article saves a new version; the live one stays.
 */
export function ArticleEditor({ id, initial, onDone }: { id: string | null; initial: DraftForm; onDone(): void }) {
  const [form, setForm] = useState(initial);
  const run = usePublishingStore((s) => s.run);
  const busy = usePublishingStore((s) => s.busy);
  const error = usePublishingStore((s) => s.error);
  const choices = usePublishingStore((s) => s.choices);
  const titleRef = useRef<HTMLInputElement>(null);
  useEffect(() => titleRef.current?.focus(), []);
  const set = <K extends keyof DraftForm>(key: K, value: DraftForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const problem = (field: string) => {
    const p = error?.problems?.find((x) => x.path === field || x.path.startsWith(`${field}.`));
    return p ? plainMessage(p.message) : undefined;
  };

  const save = async (andSubmit: boolean) => {
    const draft = draftOf(form);
    const saved = id
      ? await run('publishing.save', { id, draft }, 'Draft saved')
      : await run('publishing.create', draft, 'Draft saved');
    if (!saved) return;
    const current = usePublishingStore.getState().selected;
    if (andSubmit && current) await run('publishing.submit', { id: current }, 'Sent for review');
    onDone();
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save(true);
  };
  const toggle = <T,>(list: T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

  return (
    <form className="pub-editor" onSubmit={onSubmit} noValidate aria-label={id ? 'Edit article' : 'New article'}>
      {error ? <InlineError error={error} lead="Not saved" /> : null}
      <div className="pub-editor-grid">
        <div className="pub-editor-fields">
          <Field id="article-title" label="Title" problem={problem('title')}>
            <input ref={titleRef} className="input" {...describedBy('article-title', false, problem('title'))} value={form.title} onChange={(e) => set('title', e.target.value)} />
          </Field>
          <Field id="article-summary" label="Summary" problem={problem('summary')}>
            <textarea className="input" rows={2} {...describedBy('article-summary', false, problem('summary'))} value={form.summary} onChange={(e) => set('summary', e.target.value)} />
          </Field>
          <div className="pub-row">
            <Field id="article-line" label="Line">
              <select id="article-line" className="input" value={form.line} onChange={(e) => set('line', e.target.value as DraftForm['line'])}>
                {(['all', ...LINES] as const).map((l) => (
                  <option key={l} value={l}>{lineLabel(l)}</option>
                ))}
              </select>
            </Field>
            <Field id="article-category" label="Category" problem={problem('category')}>
              <input className="input" {...describedBy('article-category', false, problem('category'))} value={form.category} onChange={(e) => set('category', e.target.value)} />
            </Field>
          </div>
          <Field id="article-tags" label="Tags" hint="Separate with commas" problem={problem('tags')}>
            <input className="input" {...describedBy('article-tags', true, problem('tags'))} value={form.tags} onChange={(e) => set('tags', e.target.value)} />
          </Field>
          <fieldset className="pub-fieldset">
            <legend>Audience</legend>
            {SCOPES.map(([scope, label]) => (
              <label key={scope} className="pub-check">
                <input type="radio" name="audience-scope" checked={form.audienceScope === scope} onChange={() => set('audienceScope', scope)} /> {label}
              </label>
            ))}
            {form.audienceScope === 'sites' ? (
              <div className="pub-choices" role="group" aria-label="Sites">
                {(choices?.sites ?? []).map((s) => (
                  <label key={s.id} className="pub-check">
                    <input type="checkbox" checked={form.audienceSites.includes(s.id)} onChange={() => set('audienceSites', toggle(form.audienceSites, s.id))} /> {s.name}
                  </label>
                ))}
                {problem('audienceSites') ? <span className="field-problem">{problem('audienceSites')}</span> : null}
              </div>
            ) : null}
            <div className="pub-choices" role="group" aria-label="Roles (none ticked: everyone)">
              <span className="field-hint">Roles (none ticked: everyone)</span>
              {ROLES.map((r) => (
                <label key={r} className="pub-check">
                  <input type="checkbox" checked={form.audienceRoles.includes(r)} onChange={() => set('audienceRoles', toggle(form.audienceRoles, r))} /> {roleLabel(r)}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="pub-row">
            <Field id="article-owner" label="Owner">
              <select id="article-owner" className="input" value={form.ownerId} onChange={(e) => set('ownerId', e.target.value)}>
                <option value="">No owner</option>
                {(choices?.authors ?? []).map((a) => (
                  <option key={a.id} value={a.id}>{a.displayName}</option>
                ))}
              </select>
            </Field>
            <Field id="article-review-by" label="Review by" problem={problem('reviewBy')}>
              <input type="date" className="input" {...describedBy('article-review-by', false, problem('reviewBy'))} value={form.reviewBy} onChange={(e) => set('reviewBy', e.target.value)} />
            </Field>
          </div>
        </div>
        <div className="pub-editor-body">
          <Field id="article-body" label="Body (Markdown)" problem={problem('body')}>
            <textarea className="input pub-body" {...describedBy('article-body', false, problem('body'))} value={form.body} onChange={(e) => set('body', e.target.value)} />
          </Field>
          <section className="pub-preview" aria-label="Preview">
            <h3 className="pub-preview-title">Preview</h3>
            {form.body.trim() ? <Markdown source={form.body} /> : <p className="field-hint">The article appears here as advisors will see it.</p>}
          </section>
        </div>
      </div>
      <div className="pub-actions">
        <button type="submit" className="button" disabled={busy !== null}>
          {busy === 'publishing.submit' ? 'Sending…' : 'Send for review'}
        </button>
        <button type="button" className="button button-secondary" disabled={busy !== null} onClick={() => void save(false)}>
          {busy === 'publishing.save' || busy === 'publishing.create' ? 'Saving…' : 'Save draft'}
        </button>
        <button type="button" className="button button-quiet" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
