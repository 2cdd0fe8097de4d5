import type { AuditEntryView } from '../../shared/schemas/audit';
import { csv } from '../http/csv';

const when = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The log as a spreadsheet reads it: UK dates, people and places by name, the sentence as written. */
export function auditCsv(entries: AuditEntryView[]): string {
  return csv([
    ['When (UK time)', 'Who', 'Role', 'Site', 'What happened', 'Customer', 'Case', 'Kind', 'Action'],
    ...entries.map((e) => [
      when.format(e.at).replace(',', ''),
      e.actorName ?? (e.actorId ? null : 'Rapport'),
      e.actorRole ? e.actorRole.replace('_', ' ') : null,
      e.siteName,
      e.sentence,
      e.customerName,
      e.caseReference,
      e.entity.replace(/_/g, ' '),
      e.action,
    ]),
  ]);
}
