import { useId } from 'react';
import { LineOptions } from '../../ui/LineOptions';
import type { Line } from '../../../shared/roles';
import { useKnowledgeCategories, useKnowledgeFilters, useSetKnowledgeFilters } from '../../state';

/** Narrow the search to one line of business (articles for every line stay in) or one category. */
export function KnowledgeFilters() {
  const id = useId();
  const filters = useKnowledgeFilters();
  const categories = useKnowledgeCategories();
  const setFilters = useSetKnowledgeFilters();
  return (
    <div className="knowledge-filters">
      <div className="knowledge-filter">
        <label htmlFor={`${id}-line`}>Filter by line</label>
        <select
          id={`${id}-line`}
          className="input"
          value={filters.line ?? ''}
          onChange={(e) => setFilters({ ...filters, line: (e.target.value || undefined) as Line | undefined })}
        >
          <option value="">All lines</option>
          <LineOptions />
        </select>
      </div>
      <div className="knowledge-filter">
        <label htmlFor={`${id}-category`}>Filter by category</label>
        <select
          id={`${id}-category`}
          className="input"
          value={filters.category ?? ''}
          onChange={(e) => setFilters({ ...filters, category: e.target.value || undefined })}
        >
          <option value="">All categories</option>
          {categories.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
