import './ui.css';

/** A determinate bar; its width is the one style set from code (allowed by the style-src policy). */
export function ProgressBar({ label, done, total }: { label: string; done: number; total: number }) {
  const safeTotal = Math.max(total, 1);
  const value = Math.min(Math.max(done, 0), safeTotal);
  const percent = Math.round((value / safeTotal) * 100);
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={safeTotal}
      aria-valuenow={value}
      aria-valuetext={`${value} of ${total}`}
    >
      <div className="progress-fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
