import type { ReactNode } from 'react';
import './ui.css';

/** `calm`: muted slate-lilac for sensitive facts (a bereavement) that must not alarm. */
export type BadgeTone = 'neutral' | 'primary' | 'good' | 'warning' | 'danger' | 'calm';

export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
