import { useState } from 'react';
import { usePublishingStore } from '../../state';
import { Badge } from '../../ui/Badge';
import { Loaded } from '../../ui/Loaded';
import { EmptyState } from '../../ui/States';
import { formatDate, lineLabel } from '../../ui/format';
import { STANDING_LABEL, standing, VERSION_LABEL } from './labels';

type Filter = keyof typeof STANDING_LABEL | 'all';

/** Every article, newest work first, filtered by where it stands; the open one is marked. */
export function ArticleList() {
  const list = usePublishingStore((s) => s.list);
  const selected = usePublishingStore((s) => s.selected);
  const select = usePublishingStore((s) => s.select);
  const loadList = usePublishingStore((s) => s.loadList);
  const [filter, setFilter] = useState<Filter>('all');
  const [query, setQuery] = useState('');
  return (
    <nav className="pub-list" aria-label="Articles">
      <div className="pub-list-filters">
        <select className="input" aria-label="Show" value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
          <option value="all">All articles</option>
          {Object.entries(STANDING_LABEL).map(([k, label]) => (
            <option key={k} value={k}>{label}</option>
          ))}
        </select>
        <input className="input" type="search" aria-label="Find an article" placeholder="Find an article" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      <Loaded value={list} loadingLabel="Loading articles…" errorTitle="Articles could not be loaded." onRetry={() => void loadList()}>
        {(articles) => {
          const q = query.trim().toLowerCase();
          const shown = articles.filter((a) => (filter === 'all' || standing(a) === filter) && (!q || a.title.toLowerCase().includes(q)));
          if (shown.length === 0) return <EmptyState>No articles here</EmptyState>;
          return (
            <ul className="pub-items">
              {shown.map((a) => {
                const [label, tone] = a.open ? VERSION_LABEL[a.open.state] : a.status === 'retired' ? VERSION_LABEL.retired : VERSION_LABEL.published;
                return (
                  <li key={a.id}>
                    <button type="button" className="pub-item" aria-current={selected === a.id ? 'true' : undefined} onClick={() => select(a.id)}>
                      <span className="pub-item-title">{a.title}</span>
                      <span className="pub-item-meta">
                        <Badge tone={tone}>{a.open && a.liveVersion ? `${label} v${a.open.version}` : label}</Badge>
                        {a.open && a.liveVersion ? <Badge tone="good">Live v{a.liveVersion}</Badge> : null}
                        <span>{lineLabel(a.line)}</span>
                        <span>{formatDate(a.updatedAt)}</span>
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          );
        }}
      </Loaded>
    </nav>
  );
}
