import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ArticleLine } from '../../../shared/schemas/knowledge';
import { usePublishing } from '../../state';
import { lineLabel } from '../../ui/format';
import { describedBy, Field } from './Field';
import { ARTICLE_FIELDS, problemsByField, type ArticleField } from './problems';
import '../../ui/controls.css';

const LINE_CHOICES: ArticleLine[] = ['all', 'food', 'funeralcare', 'membership'];

/** Write and publish one article; it reaches every desktop's search without a reload. */
export function PublishArticleForm({ onClose }: { onClose(): void }) {
  const { publishing, error, publish } = usePublishing();
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [line, setLine] = useState<ArticleLine>('all');
  const [category, setCategory] = useState('');
  const [tags, setTags] = useState('');
  const [body, setBody] = useState('');
  const titleRef = useRef<HTMLInputElement>(null);
  useEffect(() => titleRef.current?.focus(), []);

  const reported = problemsByField(error?.problems);
  // A problem the admin has started fixing stops shouting; the core re-checks on the next Publish.
  const [edited, setEdited] = useState<ReadonlySet<ArticleField>>(new Set());
  useEffect(() => setEdited(new Set()), [error]);
  const byField = Object.fromEntries(
    Object.entries(reported.byField).filter(([field]) => !edited.has(field as ArticleField)),
  ) as Partial<Record<ArticleField, string>>;
  const other = reported.other;
  const formRef = useRef<HTMLFormElement>(null);
  const change = (field: ArticleField, set: (value: string) => void) => (value: string) => {
    set(value);
    if (!edited.has(field)) setEdited(new Set(edited).add(field));
  };

  // Take the admin to the first thing to fix; the summary above is announced as an alert.
  useEffect(() => {
    if (!error) return;
    const first = ARTICLE_FIELDS.find((f) => reported.byField[f]);
    const target = first ? formRef.current?.querySelector<HTMLElement>(`#article-${first}`) : null;
    target?.focus();
  }, [error]); // only when a new error arrives, not on every keystroke that re-renders the form

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const tagList = tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    void publish({ title, summary, line, category, tags: tagList, body });
  };

  return (
    <form ref={formRef} className="publish-form" onSubmit={submit} noValidate aria-labelledby="publish-heading">
      <h3 id="publish-heading" className="publish-heading">
        New article
      </h3>
      {error ? (
        <div className="form-error" role="alert">
          <p>{error.message}</p>
          {other.length > 0 ? (
            <ul>
              {other.map((p) => (
                <li key={`${p.path}:${p.message}`}>{p.message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <Field id="article-title" label="Title" problem={byField.title}>
        <input
          ref={titleRef}
          className="input"
          value={title}
          onChange={(e) => change('title', setTitle)(e.target.value)}
          {...describedBy('article-title', false, byField.title)}
        />
      </Field>
      <Field id="article-summary" label="Summary" hint="One or two sentences shown in search results." problem={byField.summary}>
        <input
          className="input"
          value={summary}
          onChange={(e) => change('summary', setSummary)(e.target.value)}
          {...describedBy('article-summary', true, byField.summary)}
        />
      </Field>
      <div className="publish-row">
        <Field id="article-line" label="Line" problem={byField.line}>
          <select
            className="input"
            value={line}
            onChange={(e) => change('line', (v) => setLine(v as ArticleLine))(e.target.value)}
            {...describedBy('article-line', false, byField.line)}
          >
            {LINE_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {lineLabel(choice)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="article-category" label="Category" problem={byField.category}>
          <input
            className="input"
            value={category}
            onChange={(e) => change('category', setCategory)(e.target.value)}
            {...describedBy('article-category', false, byField.category)}
          />
        </Field>
      </div>
      <Field
        id="article-tags"
        label="Tags"
        hint="Separate tags with commas, for example: refund, delivery."
        problem={byField.tags}
      >
        <input
          className="input"
          value={tags}
          onChange={(e) => change('tags', setTags)(e.target.value)}
          {...describedBy('article-tags', true, byField.tags)}
        />
      </Field>
      <Field
        id="article-body"
        label="Body (Markdown)"
        hint="Use ## for headings, - for lists and **bold** for emphasis."
        problem={byField.body}
      >
        <textarea
          className="input publish-body"
          value={body}
          onChange={(e) => change('body', setBody)(e.target.value)}
          {...describedBy('article-body', true, byField.body)}
        />
      </Field>
      <div className="publish-actions">
        <button type="submit" className="button" disabled={publishing}>
          {publishing ? 'Sending…' : 'Send for review'}
        </button>
        <button type="button" className="button button-secondary" onClick={onClose} disabled={publishing}>
          Cancel
        </button>
      </div>
    </form>
  );
}
