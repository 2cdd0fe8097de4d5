import { useState, type FormEvent } from 'react';
import type { AuditFilters } from '../../../shared/contract/audit';
import type { BridgeError } from '../../../shared/contract/envelope';
import type { AuditEntity } from '../../../shared/schemas/audit';
import { siteLabel } from '../../../shared/site-label';
import { BridgeFailure, exportAudit, useAuditLog, usePeople, useSignedIn } from '../../state';
import { Card } from '../../ui/Card';
import { DateTime } from '../../ui/DateTime';
import { dayStart } from '../../ui/format';
import { ScrollBox } from '../../ui/ScrollBox';
import { EmptyState, ErrorState, InlineError, LoadingState } from '../../ui/States';
import { saveCsv } from '../budgets/saveCsv';
import '../catalogue/catalogue.css';
import '../catalogue/limits.css';
import './people.css';
import { UkDateBox } from './UkDateBox';

const KINDS: { value: AuditEntity | ''; label: string }[] = [
  { value: '', label: 'Everything' },
  { value: 'gesture_request', label: 'Gesture requests' },
  { value: 'gesture_item', label: 'Catalogue items' },
  { value: 'gesture_settings', label: 'Limits and caps' },
  { value: 'budget', label: 'Budgets' },
  { value: 'user', label: 'People, sign-ins and states' },
  { value: 'case', label: 'Cases' },
  { value: 'customer', label: 'Customers' },
  { value: 'article', label: 'Knowledge articles' },
  { value: 'site', label: 'Sites' },
  { value: 'team', label: 'Teams' },
  { value: 'call', label: 'Calls' },
];

const errorOf = (e: unknown): BridgeError => (e instanceof BridgeFailure ? e.error : { code: 'failed', message: String(e) });

function Filters({ filters, onChange }: { filters: AuditFilters & { fromDay: string; toDay: string }; onChange(next: Partial<AuditFilters & { fromDay: string; toDay: string }>): void }) {
  const session = useSignedIn();
  const people = usePeople();
  const known = 'data' in people ? people.data : undefined;
  const [search, setSearch] = useState(filters.search ?? '');
  const orgAdmin = session?.user.role === 'org_admin';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ search: search.trim() || undefined });
  };
  return (
    <form className="people-filters audit-filters" role="search" aria-label="Audit log filters" onSubmit={submit}>
      <label className="field-label" htmlFor="audit-search">
        Search
      </label>
      <input id="audit-search" type="search" className="input" placeholder="Customer, person, case or item" value={search} onChange={(e) => setSearch(e.target.value)} />
      <button type="submit" className="button button-secondary button-small">
        Search
      </button>
      <label className="field-label" htmlFor="audit-person">
        Person
      </label>
      <select id="audit-person" className="input" value={filters.personId ?? ''} onChange={(e) => onChange({ personId: e.target.value || undefined })}>
        <option value="">Anyone</option>
        {(known?.users ?? []).map((u) => (
          <option key={u.id} value={u.id}>
            {u.displayName}
          </option>
        ))}
      </select>
      {orgAdmin ? (
        <>
          <label className="field-label" htmlFor="audit-site">
            Site
          </label>
          <select id="audit-site" className="input" value={filters.siteId ?? ''} onChange={(e) => onChange({ siteId: e.target.value || undefined })}>
            <option value="">Every site</option>
            {(known?.sites ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {siteLabel(s)}
              </option>
            ))}
          </select>
        </>
      ) : null}
      <label className="field-label" htmlFor="audit-kind">
        Kind
      </label>
      <select id="audit-kind" className="input" value={filters.entity ?? ''} onChange={(e) => onChange({ entity: (e.target.value || undefined) as AuditEntity | undefined })}>
        {KINDS.map((k) => (
          <option key={k.value} value={k.value}>
            {k.label}
          </option>
        ))}
      </select>
      <UkDateBox id="audit-from" label="From" value={filters.fromDay} onChange={(fromDay) => onChange({ fromDay })} />
      <UkDateBox id="audit-to" label="To" value={filters.toDay} onChange={(toDay) => onChange({ toDay })} />
    </form>
  );
}

/** Who did what and when, in sentences, newest first; a site admin reads their own site's. */
export function AuditLog() {
  const [state, setState] = useState<AuditFilters & { fromDay: string; toDay: string }>({ fromDay: '', toDay: '' });
  const { fromDay, toDay, ...rest } = state;
  const filters: AuditFilters = { ...rest, from: dayStart(fromDay), to: dayStart(toDay, 1) };
  const log = useAuditLog(filters);
  const [exported, setExported] = useState('');
  const [exportError, setExportError] = useState<BridgeError | null>(null);
  const [exporting, setExporting] = useState(false);
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];
  const narrowed = Object.values(filters).some((v) => v !== undefined);

  const download = async () => {
    setExporting(true);
    setExportError(null);
    setExported('');
    try {
      const file = await exportAudit(filters);
      saveCsv(file);
      setExported(`Downloaded ${file.filename}`);
    } catch (e) {
      setExportError(errorOf(e));
    } finally {
      setExporting(false);
    }
  };

  const actions = (
    <div className="audit-tools">
      <span role="status" className="muted">
        {exported}
      </span>
      <button type="button" className="button button-small" onClick={() => void download()} disabled={exporting || entries.length === 0}>
        {exporting ? 'Exporting…' : 'Export CSV'}
      </button>
    </div>
  );

  let body;
  if (log.isError && entries.length === 0) body = <ErrorState title="The audit log could not be loaded." error={errorOf(log.error)} onRetry={() => void log.refetch()} />;
  else if (log.isPending) body = <LoadingState label="Loading the audit log…" />;
  else if (entries.length === 0) body = <EmptyState>{narrowed ? 'Nothing matches these filters' : 'Nothing recorded yet'}</EmptyState>;
  else
    body = (
      <>
        <ScrollBox label="Audit log entries">
          <table className="table table-compact audit-table" aria-busy={log.isFetching}>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What happened</th>
                <th scope="col">Site</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td className="nowrap audit-when">
                    <DateTime ms={e.at} />
                  </td>
                  <td>{e.sentence}</td>
                  <td>{e.siteName ?? <span className="muted">Organisation</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
        {log.isFetchNextPageError ? <InlineError error={errorOf(log.error)} lead="More could not be loaded" /> : null}
        <div className="audit-more">
          {log.hasNextPage ? (
            <button type="button" className="button button-secondary" onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
              {log.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          ) : (
            <p className="muted">That is everything{narrowed ? ' that matches' : ''}.</p>
          )}
        </div>
      </>
    );

  return (
    <Card title="Audit log" actions={actions}>
      <Filters filters={state} onChange={(next) => setState((s) => ({ ...s, ...next }))} />
      {exportError ? <InlineError error={exportError} lead="The CSV could not be exported" /> : null}
      <p className="visually-hidden" aria-live="polite">
        {log.isSuccess ? `${entries.length} entries shown` : ''}
      </p>
      {body}
    </Card>
  );
}
