import { useId, type RefObject } from 'react';
import type { Line } from '../../../shared/roles';
import { dataOf, useNoteTemplates, useOpenArticle } from '../../state';
import { articleLink, fillTemplate, firstPlaceholder, insertAt, type TemplateValues } from './noteText';

interface NoteToolsProps {
  box: RefObject<HTMLTextAreaElement | null>;
  body: string;
  setBody: (body: string) => void;
  line: Line;
  values: TemplateValues;
}

/**
 * Text put into a note box at its caret (on a line of its own when the box has text), then the
 * caret after it, or on the first blank of a template to type over.
 */
export function putInNote(el: HTMLTextAreaElement | null, body: string, setBody: (body: string) => void, insert: string, selectBlank: boolean): void {
  const at = el ? el.selectionStart : body.length;
  const next = insertAt(body, at, insert);
  setBody(next.text);
  requestAnimationFrame(() => {
    if (!el) return;
    el.focus();
    const blank = selectBlank ? firstPlaceholder(next.text, next.caret - insert.length) : null;
    if (blank && blank.end <= next.caret) el.setSelectionRange(blank.start, blank.end);
    else el.setSelectionRange(next.caret, next.caret);
  });
}

/**
 * Beside a note box: the line's templates (known values filled, the first blank selected to type
 * over) and a link to the article open on the right, written into the note as plain text.
 */
export function NoteTools({ box, body, setBody, line, values }: NoteToolsProps) {
  const id = useId();
  const templates = (dataOf(useNoteTemplates()) ?? []).filter((t) => t.line === line);
  const { id: articleId, article } = useOpenArticle();
  const title = article.status === 'ready' ? article.data.title : null;

  const put = (insert: string, selectBlank: boolean) => putInNote(box.current, body, setBody, insert, selectBlank);

  return (
    <div className="note-tools">
      {templates.length > 0 ? (
        <>
          <label className="visually-hidden" htmlFor={`${id}-template`}>
            Insert a template
          </label>
          <select
            id={`${id}-template`}
            className="input input-small"
            value=""
            onChange={(e) => {
              const chosen = templates.find((t) => t.id === e.target.value);
              if (chosen) put(fillTemplate(chosen.body, values), true);
            }}
          >
            <option value="">Insert a template…</option>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
        </>
      ) : null}
      <button
        type="button"
        className="button button-small button-secondary"
        disabled={!articleId || !title}
        title={title ? `Link “${title}” in this note` : 'Open an article on the right to link it here'}
        onClick={() => articleId && title && put(articleLink(articleId, title), false)}
      >
        {title ? 'Link the open article' : 'Link an article'}
      </button>
    </div>
  );
}
