import type { AuditEntryView } from '../../shared/schemas/audit';

type Entry = Omit<AuditEntryView, 'sentence'>;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

/** "£60" for whole pounds, "£12.50" otherwise: how people say amounts. */
export function pounds(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(pence);
  const whole = Math.floor(abs / 100).toLocaleString('en-GB');
  return abs % 100 === 0 ? `${sign}£${whole}` : `${sign}£${whole}.${String(abs % 100).padStart(2, '0')}`;
}

const monthLabel = (m: string) => new Date(`${m}-15T12:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** An item's name inside a sentence: "a £60 luxury hamper", keeping capitals that are names ("RNLI"). */
const itemWords = (name: string) => (/^[A-Z][a-z]/.test(name) ? name[0]!.toLowerCase() + name.slice(1) : name);

const STATES: Record<string, string> = {
  ready: 'Ready',
  not_ready: 'Not ready',
  break: 'Break',
  after_call_work: 'After-call work',
  protected_pause: 'Protected pause',
};

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
    if (a !== null && b !== null && a !== b) out.push(`${what} from ${pounds(a)} to ${pounds(b)}`);
  }
  for (const [what, unit, read] of counts) {
    const [a, b] = [num(read(before)), num(read(after))];
    if (a !== null && b !== null && a !== b) out.push(`${what} from ${a} to ${b} ${unit}`);
  }
  return out;
}

/** What a change to an account did: "disabled", "role now supervisor". */
function accountChanges(detail: Record<string, unknown>): string[] {
  const c = obj(detail.changes);
  const parts: string[] = [];
  if (c.disabled === true) parts.push('disabled');
  if (c.disabled === false) parts.push('enabled');
  if (str(c.role)) parts.push(`role now ${String(c.role).replace('_', ' ')}`);
  if (str(c.siteId)) parts.push('moved to another site');
  if (c.teamId !== undefined) parts.push(c.teamId ? 'team changed' : 'no team');
  if (str(c.displayName)) parts.push('name changed');
  if (c.extension !== undefined) parts.push('extension changed');
  return parts;
}

/** The gesture, its amount and for whom: "a £60 luxury hamper for Olivia Young (RP-100012)". */
function gesture(e: Entry): string {
  const amount = num(e.detail.amountPence);
  const what = e.subjectName ? `${amount !== null ? `a ${pounds(amount)} ` : 'a '}${itemWords(e.subjectName)}` : amount !== null ? `a gesture of ${pounds(amount)}` : 'a gesture';
  const who = e.customerName ? ` for ${e.customerName}` : '';
  const ref = e.caseReference ? ` (${e.caseReference})` : '';
  return `${what}${who}${ref}`;
}

function withReason(sentence: string, reason: unknown): string {
  return str(reason) ? `${sentence}: “${String(reason)}”` : sentence;
}

/** What happened, without who: "approved a £60 hamper for Olivia Young (RP-100012)". */
function what(e: Entry): string {
  const d = e.detail;
  const subject = e.subjectName;
  const quoted = subject ? `“${subject}”` : 'an item';
  switch (e.action) {
    case 'catalogue.item_created':
      return `added ${quoted} to the catalogue`;
    case 'catalogue.item_updated':
      return `edited ${quoted} in the catalogue`;
    case 'catalogue.item_retired':
      return `retired ${quoted} from the catalogue`;
    case 'gesture.settings_changed': {
      const changes = settingsChanges(d);
      return changes.length ? `changed ${changes.join('; ')}` : 'saved the gesture settings (nothing changed)';
    }
    case 'budget.set': {
      const [from, to, month] = [num(d.beforePence), num(d.afterPence), str(d.month)];
      const whose = subject ? `${subject}’s` : 'a site’s';
      const when = month ? ` for ${monthLabel(month)}` : '';
      return from !== null && to !== null ? `set ${whose} budget${when} from ${pounds(from)} to ${pounds(to)}` : `set ${whose} budget${when}`;
    }
    case 'gesture.requested':
      return `asked for ${gesture(e)}`;
    case 'gesture.approved':
      return d.automatic === true ? `gave ${gesture(e)} (within the advisor limit)` : withReason(`approved ${gesture(e)}`, d.reason);
    case 'gesture.rejected':
      return withReason(`did not approve ${gesture(e)}`, d.reason);
    case 'gesture.withdrawn':
      return withReason(`withdrew the request for ${gesture(e)}`, d.reason);
    case 'gesture.expired':
      return `let the request for ${gesture(e)} expire undecided`;
    case 'gesture.refused':
      return `was refused a gesture${str(d.code) ? ` (${String(d.code).replace(/_/g, ' ')})` : ''}`;
    case 'gesture.fulfilment':
      return `recorded ${gesture(e)} as ${String(d.status ?? 'updated').replace(/_/g, ' ')}`;
    case 'gesture.follow_up_done':
      return 'followed up a gesture';
    case 'case.opened':
      return `opened case ${subject ?? ''}${e.customerName ? ` for ${e.customerName}` : ''}`.trim();
    case 'case.updated':
      return `updated case ${subject ?? ''}${e.customerName ? ` for ${e.customerName}` : ''}`.trim();
    case 'case.note_added':
      return `added a note to case ${subject ?? ''}${e.customerName ? ` for ${e.customerName}` : ''}`.trim();
    case 'customer.bereavement_flagged':
      return `recorded a bereavement for ${subject ?? 'a customer'}${str(d.reference) ? ` (reference ${String(d.reference)})` : ''}`;
    case 'hub.seeded':
      return 'set up the demo organisation';
    case 'session.signed_in':
      return 'signed in';
    case 'session.signed_out':
      return 'signed out';
    case 'session.sign_in_failed':
      return `tried a wrong password for ${subject ?? 'an account'}`;
    case 'account.locked':
      return `locked ${subject ?? 'an account'} after repeated wrong passwords`;
    case 'user.created':
      return `added ${str(d.displayName) ?? subject ?? str(d.username) ?? 'a person'}${str(d.role) ? ` as ${String(d.role).replace('_', ' ')}` : ''}`;
    case 'user.updated': {
      const parts = accountChanges(d);
      return `changed ${subject ?? 'a person'}’s account${parts.length ? ` (${parts.join(', ')})` : ''}`;
    }
    case 'user.password_reset':
      return `reset ${subject ?? 'a person'}’s password (and unlocked the account)`;
    case 'agent.state_changed': {
      const state = STATES[String(d.state)] ?? String(d.state);
      const reason = str(d.reason) ? ` (${String(d.reason)})` : '';
      return e.actorId && e.entityId === e.actorId ? `went ${state}${reason}` : `set ${subject ?? 'an advisor'} to ${state}${reason}`;
    }
    case 'agent.protected_pause_cut_short':
      return `ended ${subject ?? 'an advisor'}’s protected pause early (at the phone system)`;
    case 'agent.reasons_changed':
      return 'changed the not-ready reasons';
    case 'site.created':
      return `added the site ${subject ?? ''}`.trim();
    case 'site.updated':
      return `changed the site ${subject ?? ''}`.trim();
    case 'team.created':
      return `added the team ${subject ?? ''}`.trim();
    case 'pbx.configured':
      return 'configured the phone system';
    case 'pbx.tested':
      return 'tested the phone system';
    case 'call.dialled':
      return 'dialled out';
    default: {
      const [area, verb] = e.action.split('.');
      const title = e.entity === 'article' && subject ? ` “${subject}”` : subject ? ` (${subject})` : '';
      return `${area ?? e.action}: ${(verb ?? '').replace(/_/g, ' ')}${title}`;
    }
  }
}

/**
 * The whole entry as one sentence, the actor first. A sign-in happens before anyone is signed in, so
 * it is the person signing in; a wrong password could be anyone's; the hub acting itself is Rapport.
 */
export function describeEntry(e: Entry): string {
  if (e.action === 'session.signed_in' && !e.actorName) return `${e.subjectName ?? 'Someone'} signed in`;
  if (e.action === 'session.sign_in_failed') return `A wrong password was tried for ${e.subjectName ?? 'an account'}`;
  if (e.action === 'account.locked') return `${e.subjectName ?? 'An account'} was locked after repeated wrong passwords`;
  if (e.action === 'gesture.expired') return `The request for ${gesture(e)} expired undecided`;
  const who = e.actorName ?? (e.actorId ? 'Someone' : 'Rapport');
  return `${who} ${what(e)}`;
}
