import { useEffect } from 'react';
import { useAdminHome, useSignedIn } from '../../state';
import { Card } from '../../ui/Card';
import { Loaded } from '../../ui/Loaded';
import { Stat } from '../../ui/Stat';
import { useNow } from '../../ui/useNow';
import { AdminSections } from '../catalogue/AdminSections';
import { CaseListsCard } from './CaseListsCard';
import { DataProtection } from './DataProtection';
import { useRetryWhenOnline } from '../home/useRetryWhenOnline';
import { FlaggedArticles } from './FlaggedArticles';
import { NotReadyReasonsCard } from './NotReadyReasonsCard';
import { PbxCard } from './PbxCard';
import { PeopleCard } from './PeopleCard';
import { TwoFactorPolicyCard } from './TwoFactorPolicyCard';
import { PublishingWorkspace } from '../publishing/PublishingWorkspace';
import '../../ui/controls.css';
import './admin.css';

export function AdminHome() {
  const { home, load } = useAdminHome();
  const now = useNow();
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
        caseLists={orgAdmin ? <CaseListsCard /> : null}
        privacy={orgAdmin ? <DataProtection /> : null}
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
            <PeopleCard />
            <TwoFactorPolicyCard />
            <NotReadyReasonsCard />
            {orgAdmin ? <PbxCard /> : null}
          </>
        }
      />
    </div>
  );
}
