import type { ReactNode } from 'react';
import './ui.css';

export type BadgeTone = 'neutral' | 'primary' | 'good' | 'warning' | 'danger';

export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
