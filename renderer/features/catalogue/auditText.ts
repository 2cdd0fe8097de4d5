import type { AuditEntryView } from '../../../shared/contract/catalogue';
import { formatPence, sentenceCase } from '../../ui/format';
import { monthLabel } from './labels';

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

/** What a settings change did, one clause per value that moved. */
function settingsChanges(detail: Record<string, unknown>): string[] {
  const before = obj(detail.before);
  const after = obj(detail.after);
  const money: [string, (s: Record<string, unknown>) => unknown][] = [
    ['the advisor limit', (s) => obj(s.limits).advisorPence],
    ['the supervisor limit', (s) => obj(s.limits).supervisorPence],
    ['the customer cap', (s) => s.customerCapPence],
    ['the in-house default budget', (s) => obj(s.budgetDefaults).inHousePence],
    ['the partner default budget', (s) => obj(s.budgetDefaults).partnerPence],
  ];
  const counts: [string, string, (s: Record<string, unknown>) => unknown][] = [
    ['the cap period', 'days', (s) => s.capWindowDays],
    ['the time before a waiting request expires', 'hours', (s) => s.pendingExpiryHours],
    ['the follow-up time', 'days', (s) => s.followUpDays],
  ];
  const out: string[] = [];
  for (const [what, read] of money) {
    const [a, b] = [num(read(before)), num(read(after))];
    if (a !== null && b !== null && a !== b) out.push(`${what} from ${formatPence(a)} to ${formatPence(b)}`);
  }
  for (const [what, unit, read] of counts) {
    const [a, b] = [num(read(before)), num(read(after))];
    if (a !== null && b !== null && a !== b) out.push(`${what} from ${a} to ${b} ${unit}`);
  }
  return out;
}

const quoted = (name: string | null) => (name ? `“${name}”` : 'an item');

/** One audit line in words: "Changed the advisor limit from £25.00 to £30.00". */
export function describeAudit(entry: AuditEntryView): string {
  const d = entry.detail;
  const subject = entry.subjectName;
  const amount = num(d.amountPence);
  switch (entry.action) {
    case 'catalogue.item_created':
      return `Added ${quoted(subject)} to the catalogue`;
    case 'catalogue.item_updated':
      return `Edited ${quoted(subject)} in the catalogue`;
    case 'catalogue.item_retired':
      return `Retired ${quoted(subject)} from the catalogue`;
    case 'gesture.settings_changed': {
      const changes = settingsChanges(d);
      return changes.length ? `Changed ${changes.join('; ')}` : 'Saved the gesture settings (nothing changed)';
    }
    case 'budget.set': {
      const [from, to, month] = [num(d.beforePence), num(d.afterPence), str(d.month)];
      const whose = subject ? `${subject}’s` : 'a site’s';
      const when = month ? ` for ${monthLabel(month)}` : '';
      return from !== null && to !== null
        ? `Set ${whose} budget${when} from ${formatPence(from)} to ${formatPence(to)}`
        : `Set ${whose} budget${when}`;
    }
    case 'gesture.requested':
      return amount !== null ? `Asked for a gesture of ${formatPence(amount)}` : 'Asked for a gesture';
    case 'gesture.approved':
      return d.automatic === true ? 'Gesture approved at once (within the advisor limit)' : 'Approved a gesture';
    case 'gesture.refused':
      return `The hub refused a gesture${str(d.code) ? ` (${sentenceCase(String(d.code))})` : ''}`;
    case 'hub.seeded':
      return 'Set up the demo organisation';
    case 'session.signed_in':
      return 'Signed in';
    case 'session.signed_out':
      return 'Signed out';
    case 'session.sign_in_failed':
      return `A sign-in failed${subject ? ` for ${subject}` : ''}`;
    case 'account.locked':
      return `${subject ?? 'An account'} was locked after repeated wrong passwords`;
    case 'user.created':
      return `Added ${str(d.username) ?? 'a user'}`;
    case 'user.updated':
      return `Changed ${subject ?? 'a user'}’s account`;
    case 'user.password_reset':
      return `Reset ${subject ?? 'a user'}’s password`;
    case 'article.published':
      return `Published ${quoted(subject)}`;
    case 'article.retired':
      return `Retired the article ${quoted(subject)}`;
    default: {
      const [area, verb] = entry.action.split('.');
      const what = sentenceCase(`${verb ?? ''}`).toLowerCase();
      return `${sentenceCase(area ?? entry.action)}: ${what}${subject ? ` (${subject})` : ''}`;
    }
  }
}

/**
 * Who did it. A sign-in happens before anyone is signed in, so it is the person signing in; a failed
 * attempt could be anyone, so it names nobody.
 */
export function auditWho(entry: AuditEntryView): string {
  if (entry.actorName) return entry.actorName;
  if (entry.action === 'session.signed_in' && entry.subjectName) return entry.subjectName;
  if (entry.actorId) return entry.actorId;
  return entry.action.startsWith('session.') || entry.action.startsWith('account.') ? 'Not signed in' : 'Rapport';
}
