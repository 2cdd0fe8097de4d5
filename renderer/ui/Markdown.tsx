import { lazy, Suspense } from 'react';

const load = () => import('./MarkdownHtml');
const MarkdownHtml = lazy(load);

/**
 * An article's Markdown as sanitised HTML (MarkdownHtml.tsx). marked and DOMPurify, some 80 kB,
 * are not part of the app's start: they load once the app is idle, before an advisor opens an
 * article, and the article's text waits for them only if it is opened sooner.
 */
export function Markdown({ source, className }: { source: string; className?: string }) {
  return (
    <Suspense fallback={<div className={className ? `markdown ${className}` : 'markdown'} aria-busy="true" />}>
      <MarkdownHtml source={source} className={className} />
    </Suspense>
  );
}

/** Fetches and compiles the renderer for Markdown ahead of the first article (called once the app has started). */
export function loadMarkdownSoon(): void {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, opts: { timeout: number }) => void }).requestIdleCallback;
  if (idle) idle(() => void load(), { timeout: 3000 });
  else setTimeout(() => void load(), 1000);
}
