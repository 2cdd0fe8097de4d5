import { formatDate, formatDateTime } from './format';

/**
 * "23 Nov 2026, 14:05" that may break after the comma in a narrow column, never inside the date
 * or the time; the full value stays machine-readable in <time>.
 */
export function DateTime({ ms }: { ms: number }) {
  const full = formatDateTime(ms);
  const date = formatDate(ms);
  const time = full.startsWith(`${date}, `) ? full.slice(date.length + 2) : null;
  return (
    <time dateTime={new Date(ms).toISOString()} title={full}>
      {time === null ? (
        full
      ) : (
        <>
          <span className="nowrap">{date},</span> <span className="nowrap">{time}</span>
        </>
      )}
    </time>
  );
}
