import type { ReactNode } from 'react';
import './ui.css';

interface CardProps {
  title: string;
  /** Controls shown at the right of the title row (for example "New article"). */
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  headingId?: string;
}

/** A titled panel; the heading labels the region so screen-reader users can jump between panels. */
export function Card({ title, actions, children, className, headingId }: CardProps) {
  const id = headingId ?? `card-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section className={className ? `card ${className}` : 'card'} aria-labelledby={id}>
      <header className="card-header">
        <h2 id={id} className="card-title">
          {title}
        </h2>
        {actions ? <div className="card-actions">{actions}</div> : null}
      </header>
      <div className="card-body">{children}</div>
    </section>
  );
}
