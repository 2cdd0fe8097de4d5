import { LINE_LABELS, type Role } from '../../shared/roles';
import type { ArticleLine } from '../../shared/schemas/knowledge';

/** Everything the contact centre reads is en-GB: "23 Nov 2026, 14:05", "£12.50". */
const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const dateOnly = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const relative = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' });
const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });
const count = new Intl.NumberFormat('en-GB');

export const formatDateTime = (ms: number): string => dateTime.format(ms);
export const formatDate = (ms: number): string => dateOnly.format(ms);
export const formatCount = (n: number): string => count.format(n);

/** Money travels as whole pence; pounds exist only on screen. */
export const formatPence = (pence: number): string => money.format(pence / 100);

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 days ago", "yesterday", "just now". */
export function formatRelative(ms: number, now: number): string {
  const seconds = Math.round((ms - now) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  for (const [unit, size] of STEPS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return relative.format(Math.round(seconds / 60), 'minute');
}

export const lineLabel = (line: ArticleLine): string => (line === 'all' ? 'All lines' : LINE_LABELS[line]);

const ROLE_LABELS: Record<Role, string> = {
  advisor: 'Advisor',
  supervisor: 'Supervisor',
  site_admin: 'Site admin',
  org_admin: 'Organisation admin',
};
export const roleLabel = (role: Role): string => ROLE_LABELS[role];

/** First letter capitalised, for enum values shown as-is ("open" → "Open"). */
export const sentenceCase = (value: string): string =>
  value.length === 0 ? value : value[0]!.toUpperCase() + value.slice(1).replace(/_/g, ' ');

const timeOnly = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
/** "14:05": for things that happened today. */
export const formatTime = (ms: number): string => timeOnly.format(ms);

/** A running clock or a countdown: "1:45", "12:03", "1:02:09". Negative values read as 0:00. */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** True when two instants fall on the same local calendar day. */
export function isSameDay(a: number, b: number): boolean {
  const x = new Date(a);
  const y = new Date(b);
  return x.getFullYear() === y.getFullYear() && x.getMonth() === y.getMonth() && x.getDate() === y.getDate();
}

/** A date box's yyyy-mm-dd as the start of that day here, or the start of the next day. */
export const dayStart = (value: string, plusDays = 0): number | undefined => {
  if (!value) return undefined;
  const d = new Date(`${value}T00:00:00`);
  d.setDate(d.getDate() + plusDays);
  return Number.isNaN(d.getTime()) ? undefined : d.getTime();
};
