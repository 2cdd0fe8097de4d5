import { useEffect, useMemo, useRef, useState } from 'react';
import type { CatalogueItem } from '../../../shared/schemas/catalogue';
import { useCatalogueNotice, useCatalogueStore } from '../../state';
import { Card } from '../../ui/Card';
import { Loaded } from '../../ui/Loaded';
import { EmptyState } from '../../ui/States';
import { useRetryWhenOnline } from '../home/useRetryWhenOnline';
import { CatalogueTable } from './CatalogueTable';
import { ItemForm } from './ItemForm';
import { RetireDialog } from './RetireDialog';

type Showing = 'active' | 'retired' | 'all';
const SHOWING: { id: Showing; label: string }[] = [
  { id: 'active', label: 'Active' },
  { id: 'retired', label: 'Retired' },
  { id: 'all', label: 'All' },
];

/** The goodwill catalogue every site offers: add, edit and retire items. */
export function CatalogueCard() {
  const catalogue = useCatalogueStore((s) => s.catalogue);
  const load = useCatalogueStore((s) => s.loadCatalogue);
  const notice = useCatalogueNotice('catalogue');
  const dismiss = useCatalogueStore((s) => s.dismiss);
  const [showing, setShowing] = useState<Showing>('active');
  const [editing, setEditing] = useState<CatalogueItem | 'new' | null>(null);
  const [retiring, setRetiring] = useState<CatalogueItem | null>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  useEffect(() => void load(), [load]);
  useRetryWhenOnline(catalogue.status === 'error', load);

  const data = catalogue.status === 'idle' ? undefined : catalogue.data;
  const routes = useMemo(() => [...new Set((data?.items ?? []).map((i) => i.fulfilment))].sort(), [data]);
  const counts = {
    active: data?.items.filter((i) => !i.retired).length ?? 0,
    retired: data?.items.filter((i) => i.retired).length ?? 0,
    all: data?.items.length ?? 0,
  };

  // Whatever opened the form or the dialog gets focus back when it closes.
  const open = (next: CatalogueItem | 'new') => {
    returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dismiss('save');
    setEditing(next);
  };
  const closeForm = () => {
    setEditing(null);
    // "Add item" is hidden while the form is open, so it comes back as a new button: find it again.
    requestAnimationFrame(() => (returnTo.current?.isConnected ? returnTo.current : addRef.current)?.focus());
  };
  const askRetire = (item: CatalogueItem) => {
    returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dismiss('retire');
    setRetiring(item);
  };

  const addButton = editing ? null : (
    <button ref={addRef} type="button" className="button button-small" onClick={() => open('new')} disabled={!data}>
      Add item
    </button>
  );

  return (
    <Card title="Goodwill catalogue" actions={addButton} className="catalogue-card">
      <p className="publish-status" role="status">
        {notice ?? ''}
      </p>
      {editing && data ? (
        <ItemForm
          key={editing === 'new' ? 'new' : editing.id}
          editing={editing === 'new' ? null : editing}
          sites={data.sites}
          routes={routes}
          onClose={closeForm}
        />
      ) : null}
      <div className="catalogue-filter" role="radiogroup" aria-label="Show items">
        {SHOWING.map((s) => (
          <label key={s.id} className={showing === s.id ? 'pill pill-on' : 'pill'}>
            <input
              type="radio"
              name="catalogue-showing"
              value={s.id}
              checked={showing === s.id}
              onChange={() => setShowing(s.id)}
            />
            {s.label} <span className="pill-count">{counts[s.id]}</span>
          </label>
        ))}
      </div>
      <Loaded
        value={catalogue}
        loadingLabel="Loading the catalogue…"
        errorTitle="The catalogue could not be loaded."
        onRetry={() => void load()}
      >
        {({ items, sites }) => {
          const shown = items.filter((i) => showing === 'all' || (showing === 'retired') === i.retired);
          if (shown.length === 0) {
            return (
              <EmptyState>{showing === 'retired' ? 'No items have been retired' : 'No items yet: add the first one'}</EmptyState>
            );
          }
          return <CatalogueTable items={shown} sites={sites} onEdit={open} onRetire={askRetire} busy={editing !== null} />;
        }}
      </Loaded>
      {retiring ? (
        <RetireDialog
          item={retiring}
          onClose={() => {
            setRetiring(null);
            // A retired item leaves the Active list, and its button with it: land on the list's filter instead.
            requestAnimationFrame(() => {
              const back = returnTo.current?.isConnected
                ? returnTo.current
                : document.querySelector<HTMLElement>('.catalogue-filter input:checked');
              back?.focus();
            });
          }}
        />
      ) : null}
    </Card>
  );
}
