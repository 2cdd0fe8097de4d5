import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useMemo } from 'react';
import './markdown.css';

// Links in an article leave the app rather than replacing it, and cannot reach back into it.
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node instanceof HTMLAnchorElement && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

function toSafeHtml(source: string): string {
  const html = marked.parse(source, { async: false, gfm: true });
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
