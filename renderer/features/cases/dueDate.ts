/** Due dates as the contact centre writes them: dd/mm/yyyy and a 24-hour hh:mm, local time. */

const pad = (n: number) => String(n).padStart(2, '0');

export const ukDate = (ms: number): string => {
  const d = new Date(ms);
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
};

/** The time in ms, or a reason it is not one. */
export function parseDue(date: string, time: string): { ok: true; at: number } | { ok: false; problem: string } {
  const d = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(date);
  if (!d) return { ok: false, problem: 'Write the date as dd/mm/yyyy, for example 24/12/2026.' };
  const t = /^\s*(\d{1,2})[:.](\d{2})\s*$/.exec(time || '09:00');
  if (!t) return { ok: false, problem: 'Write the time as hh:mm, for example 09:30.' };
  const [day, month, year, hour, minute] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
  const at = new Date(year, month - 1, day, hour, minute);
  if (at.getDate() !== day || at.getMonth() !== month - 1 || hour > 23 || minute > 59) return { ok: false, problem: 'That date or time does not exist.' };
  return { ok: true, at: at.getTime() };
}

/** Tomorrow's date: the usual "ring them back" day. */
export const tomorrow = (now: number): string => ukDate(now + 24 * 60 * 60 * 1000);
