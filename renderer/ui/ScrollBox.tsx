import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A box that may scroll (a long table, a list with a height limit). While its content overflows it
 * is a named region in the Tab order, so a keyboard user can reach it and scroll it with the arrow
 * keys; while everything fits it is a plain box and adds no Tab stop.
 */
export function ScrollBox({ label, className = 'table-wrap', children }: { label: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => setScrolls(box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1);
    const resized = new ResizeObserver(measure);
    const watch = () => {
      resized.disconnect();
      resized.observe(box);
      for (const child of box.children) resized.observe(child);
    };
    // Rows come and go (a search, a push): the new content is measured too.
    const changed = new MutationObserver(() => {
      watch();
      measure();
    });
    watch();
    measure();
    changed.observe(box, { childList: true, subtree: true });
    return () => {
      resized.disconnect();
      changed.disconnect();
    };
  }, []);
  return (
    <div ref={ref} className={className} {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}>
      {children}
    </div>
  );
}
