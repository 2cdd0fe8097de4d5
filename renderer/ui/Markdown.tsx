import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import { useMemo } from 'react';
import './markdown.css';

// Links in an article leave the app rather than replacing it, and cannot reach back into it.
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node instanceof HTMLAnchorElement && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

// The article's own title is the h2 of its region; headings inside the body sit below it.
const markdown = new Marked({
  gfm: true,
  walkTokens(token) {
    if (token.type === 'heading') token.depth = Math.min(token.depth + 2, 6);
  },
});

function toSafeHtml(source: string): string {
  const html = markdown.parse(source, { async: false });
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'iframe'],
    FORBID_ATTR: ['style'],
  });
}

/**
 * The one place article text becomes HTML: rendered by marked, then sanitised by DOMPurify.
 * Everything else in the renderer is React elements only (a lint rule enforces this).
 */
export function Markdown({ source, className }: { source: string; className?: string }) {
  const html = useMemo(() => toSafeHtml(source), [source]);
  return <div className={className ? `markdown ${className}` : 'markdown'} dangerouslySetInnerHTML={{ __html: html }} />;
}
