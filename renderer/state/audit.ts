import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditFilters } from '../../shared/contract/audit';
import { ask } from './queries';

const PAGE = 50;

/**
 * The audit log under the admin's filters, a page at a time. Each set of filters is its own query,
 * so one filter's lines never sit under another's heading while it loads.
 */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) => ask('audit.list', { ...filters, limit: PAGE, before: pageParam }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => page.nextBefore ?? undefined,
    staleTime: 0,
  });
}

/** Every entry under these filters as a CSV file (people and sites by name, UK dates). */
export const exportAudit = (filters: AuditFilters) => ask('audit.export', filters);
