import { formatCount } from './format';
import './ui.css';

/** One headline number with its label; testId lets tests find a specific figure. */
export function Stat({ label, value, testId, tone }: { label: string; value: number; testId?: string; tone?: 'warning' }) {
  return (
    <div className={tone ? `stat stat-${tone}` : 'stat'}>
      <span className="stat-label">{label}</span>
      <span className="stat-value" data-testid={testId}>
        {formatCount(value)}
      </span>
    </div>
  );
}
