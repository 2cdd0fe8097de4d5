import { useEffect, useMemo } from 'react';
import type { AdminHome as AdminHomeData } from '../../../shared/contract/requests';
import type { SiteView } from '../../../shared/schemas/accounts';
import { useAdminHome, useSignedIn } from '../../state';
import { Card } from '../../ui/Card';
import { Loaded } from '../../ui/Loaded';
import { Stat } from '../../ui/Stat';
import { EmptyState } from '../../ui/States';
import { useNow } from '../../ui/useNow';
import { AdminSections } from '../catalogue/AdminSections';
import { useRetryWhenOnline } from '../home/useRetryWhenOnline';
import { FlaggedArticles } from './FlaggedArticles';
import { NotReadyReasonsCard } from './NotReadyReasonsCard';
import { UsersTable } from './UsersTable';
import { PublishingWorkspace } from '../publishing/PublishingWorkspace';
import '../../ui/controls.css';
import './admin.css';

/**
 * `home.admin` names each user's site only by id; the signed-in admin's own site is known, and a
 * `sites` list is used if the core ever sends one.
 */
function useSiteNames(data: AdminHomeData | undefined): Map<string, SiteView> {
  const session = useSignedIn();
  return useMemo(() => {
    const sites = new Map<string, SiteView>();
    if (session) sites.set(session.site.id, session.site);
    const extra = (data as (AdminHomeData & { sites?: SiteView[] }) | undefined)?.sites ?? [];
    for (const site of extra) sites.set(site.id, site);
    return sites;
  }, [data, session]);
}

export function AdminHome() {
  const { home, load } = useAdminHome();
  const now = useNow();
  const sites = useSiteNames(home.status === 'idle' ? undefined : home.data);
  const orgAdmin = useSignedIn()?.user.role === 'org_admin';
  useEffect(() => void load(), [load]);
  useRetryWhenOnline(home.status === 'error', load);

  const retry = () => void load();

  return (
    <div className="admin">
      <Card title="Overview" className="admin-overview">
        <Loaded value={home} loadingLabel="Loading the overview…" errorTitle="The overview could not be loaded." onRetry={retry}>
          {({ counts }) => (
            <div className="stats stats-3">
              <Stat label="Users" value={counts.users} />
              <Stat label="Sites" value={counts.sites} />
              <Stat label="Published articles" value={counts.published} />
              <Stat label="Drafts" value={counts.drafts} />
              <Stat label="Retired articles" value={counts.retired} />
              <Stat label="Catalogue items" value={counts.catalogueItems} />
            </div>
          )}
        </Loaded>
      </Card>
      <AdminSections
        orgAdmin={orgAdmin}
        publishing={orgAdmin ? <PublishingWorkspace /> : null}
        knowledge={
          <>
            {orgAdmin ? (
              <>
                <Card title="Flagged articles" className="admin-flags">
                  <Loaded
                    value={home}
                    loadingLabel="Loading flagged articles…"
                    errorTitle="Flagged articles could not be loaded."
                    onRetry={retry}
                  >
                    {({ flags }) => <FlaggedArticles flags={flags.filter((f) => f.status === 'open')} now={now} />}
                  </Loaded>
                </Card>
              </>
            ) : null}
            <Card title="Users" className="admin-users">
              <Loaded value={home} loadingLabel="Loading users…" errorTitle="Users could not be loaded." onRetry={retry}>
                {({ users }) =>
                  users.length === 0 ? (
                    <EmptyState>No users yet</EmptyState>
                  ) : (
                    <UsersTable users={users} sites={sites} now={now} />
                  )
                }
              </Loaded>
            </Card>
            <NotReadyReasonsCard />
          </>
        }
      />
    </div>
  );
}
