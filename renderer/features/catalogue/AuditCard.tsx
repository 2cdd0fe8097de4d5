import { useEffect } from 'react';
import type { AuditEntity } from '../../../shared/schemas/audit';
import { useCatalogueStore } from '../../state';
import { Card } from '../../ui/Card';
import { DateTime } from '../../ui/DateTime';
import { roleLabel } from '../../ui/format';
import { EmptyState, ErrorState, InlineError, LoadingState } from '../../ui/States';
import { useRetryWhenOnline } from '../home/useRetryWhenOnline';
import { auditWho, describeAudit } from './auditText';
import { ScrollBox } from '../../ui/ScrollBox';

const FILTERS: { value: AuditEntity | ''; label: string }[] = [
  { value: '', label: 'Everything' },
  { value: 'gesture_item', label: 'Catalogue items' },
  { value: 'gesture_settings', label: 'Limits and caps' },
  { value: 'budget', label: 'Budgets' },
  { value: 'gesture_request', label: 'Gesture requests' },
  { value: 'article', label: 'Knowledge articles' },
  { value: 'user', label: 'People and sign-ins' },
  { value: 'site', label: 'Sites' },
  { value: 'case', label: 'Cases' },
  { value: 'call', label: 'Calls' },
];

/** Who did what and when, newest first, across every site; a page at a time. */
export function AuditCard() {
  const audit = useCatalogueStore((s) => s.audit);
  const load = useCatalogueStore((s) => s.loadAudit);
  const more = useCatalogueStore((s) => s.loadMoreAudit);
  const reload = () => load(useCatalogueStore.getState().audit.entity);
  useEffect(() => void load(useCatalogueStore.getState().audit.entity), [load]);
  useRetryWhenOnline(audit.status === 'error', reload);

  const first = audit.entries.length === 0;
  const filter = (
    <div className="audit-tools">
      <label className="field-label" htmlFor="audit-filter">
        Show
      </label>
      <select
        id="audit-filter"
        className="input input-short"
        value={audit.entity ?? ''}
        onChange={(e) => void load((e.target.value || null) as AuditEntity | null)}
      >
        {FILTERS.map((f) => (
          <option key={f.value} value={f.value}>
            {f.label}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() => void reload()}
        disabled={audit.status === 'loading'}
      >
        Refresh
      </button>
    </div>
  );

  let body;
  if (first && audit.status === 'error' && audit.error)
    body = <ErrorState title="The audit log could not be loaded." error={audit.error} onRetry={() => void reload()} />;
  else if (first && audit.status !== 'ready') body = <LoadingState label="Loading the audit log…" />;
  else if (first) body = <EmptyState>Nothing recorded{audit.entity ? ' of this kind' : ''} yet</EmptyState>;
  else
    body = (
      <>
        <ScrollBox label="Audit log entries">
          <table className="table table-compact audit-table" aria-busy={audit.status === 'loading'}>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
              </tr>
            </thead>
            <tbody>
              {audit.entries.map((e) => (
                <tr key={e.id}>
                  <td className="nowrap audit-when">
                    <DateTime ms={e.at} />
                  </td>
                  <td>
                    {auditWho(e)}
                    {e.actorRole || e.siteName ? (
                      <span className="catalogue-sub">
                        {[e.actorRole ? roleLabel(e.actorRole) : null, e.siteName].filter(Boolean).join(' · ')}
                      </span>
                    ) : null}
                  </td>
                  <td>{describeAudit(e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
        {audit.status === 'error' && audit.error ? (
          <InlineError error={audit.error} lead={audit.failed === 'more' ? 'More could not be loaded' : 'Not refreshed'} />
        ) : null}
        <div className="audit-more">
          {audit.nextBefore !== null ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void more()}
              disabled={audit.status === 'loading'}
            >
              {audit.status === 'loading' ? 'Loading…' : 'Load more'}
            </button>
          ) : (
            <p className="muted">That is everything{audit.entity ? ' of this kind' : ''}.</p>
          )}
        </div>
      </>
    );

  return (
    <Card title="Audit log" actions={filter}>
      <p className="visually-hidden" aria-live="polite">
        {audit.status === 'ready' ? `${audit.entries.length} entries shown` : ''}
      </p>
      {body}
    </Card>
  );
}
