import { useState, type RefObject } from 'react';
import type { Article } from '../../../shared/schemas/knowledge';
import { isAdmin } from '../../../shared/roles';
import { addToShownNote, useSignedIn } from '../../state';
import { articleLink } from '../cases/noteText';

/** What is selected inside the article, if anything: the advisor's own choice of words to quote. */
function selectedIn(region: HTMLElement | null): string {
  const selection = window.getSelection();
  if (!region || !selection || selection.isCollapsed || selection.rangeCount === 0) return '';
  const range = selection.getRangeAt(0);
  return region.contains(range.commonAncestorContainer) ? selection.toString().trim() : '';
}

/**
 * "Copy to note" quotes what the advisor selected in the article (or its summary) with a link to
 * it; "Link to case" adds the link alone. Both go into the note box on screen, at its caret.
 */
export function ArticleToNote({ article, body }: { article: Article; body: RefObject<HTMLElement | null> }) {
  const [said, setSaid] = useState('');
  const role = useSignedIn()?.user.role;
  const link = articleLink(article.id, article.title);
  const add = (text: string, what: string) =>
    setSaid(addToShownNote(text) ? `${what} the note.` : 'Open a case or take a call first: there is no note box on screen.');

  // Admins keep no case notes.
  if (!role || isAdmin(role)) return null;
  return (
    <div className="article-to-note">
      <button
        type="button"
        className="button button-small button-secondary"
        // Pressing the button must not clear the selection it is about to quote.
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => {
          const quoted = (selectedIn(body.current) || article.summary || article.title).replace(/\s+/g, ' ').slice(0, 1000);
          add(`“${quoted}” ${link}`, 'Quoted in');
        }}
      >
        Copy to note
      </button>
      <button type="button" className="button button-small button-secondary" onClick={() => add(link, 'Linked in')}>
        Link to case
      </button>
      <span className="muted article-to-note-said" role="status">
        {said}
      </span>
    </div>
  );
}
