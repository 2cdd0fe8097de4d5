import type { SignedIn } from '../../../shared/contract/requests';
import { CallsArea } from '../calls/CallsArea';
import { IncomingCallToast } from '../calls/IncomingCallToast';
import { ApprovalAlert } from '../gestures/ApprovalAlert';
import { CaseWorkspace } from '../gestures/CaseWorkspace';
import { useSearchShortcut } from '../knowledge/useSearchShortcut';
import { OfflineBanner } from '../status/Banners';
import { StatusBar } from '../status/StatusBar';
import { AppHeader } from './AppHeader';
import { RoleHome } from './RoleHome';
import './home.css';

/** The signed-in frame: who and where at the top, the role's home, connection state at the bottom. */
export function Workspace({ session }: { session: SignedIn }) {
  useSearchShortcut();
  const takesCalls = session.user.role === 'advisor' || session.user.role === 'supervisor';
  return (
    <div className="workspace">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <AppHeader session={session} />
      <OfflineBanner />
      <main id="main" className="workspace-main" tabIndex={-1}>
        <h1 className="visually-hidden">Rapport home</h1>
        {takesCalls ? <CallsArea /> : null}
        {takesCalls ? <CaseWorkspace /> : null}
        <RoleHome session={session} />
      </main>
      <StatusBar />
      {takesCalls ? <IncomingCallToast /> : null}
      {session.user.role === 'supervisor' || session.user.role === 'org_admin' ? <ApprovalAlert /> : null}
    </div>
  );
}
