import type { SignedIn } from '../../../shared/contract/requests';
import { IncomingCallToast } from '../calls/IncomingCallToast';
import { AdvisorConsole } from '../console/AdvisorConsole';
import { ShortcutsSheet } from '../console/ShortcutsSheet';
import { CustomerProfileDialog } from '../customers/CustomerProfileDialog';
import { CustomerSearchDialog } from '../customers/CustomerSearchDialog';
import { useConsoleShortcuts } from '../console/useConsoleShortcuts';
import { ApprovalAlert } from '../gestures/ApprovalAlert';
import { DecisionToast } from '../gestures/DecisionToast';
import { OfflineBanner, UpdateNeededBanner } from '../status/Banners';
import { StatusBar } from '../status/StatusBar';
import { AppHeader } from './AppHeader';
import { RoleHome } from './RoleHome';
import './home.css';

/**
 * The signed-in frame: who and where at the top, connection state at the bottom, and between them
 * the console (for people who take calls) or the admin's home. The frame fills the window and
 * never scrolls; what is inside scrolls region by region.
 */
export function Workspace({ session }: { session: SignedIn }) {
  useConsoleShortcuts();
  const takesCalls = session.user.role === 'advisor' || session.user.role === 'supervisor';
  return (
    <div className="workspace">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <AppHeader session={session} />
      <UpdateNeededBanner />
      <OfflineBanner />
      <main id="main" className={takesCalls ? 'workspace-main workspace-console' : 'workspace-main workspace-scroll'} tabIndex={-1}>
        <h1 className="visually-hidden">Rapport</h1>
        {takesCalls ? <AdvisorConsole home={<RoleHome session={session} />} /> : <RoleHome session={session} />}
      </main>
      <StatusBar />
      {takesCalls ? <IncomingCallToast /> : null}
      {session.user.role === 'advisor' ? <DecisionToast /> : null}
      {session.user.role === 'supervisor' || session.user.role === 'org_admin' ? <ApprovalAlert /> : null}
      <ShortcutsSheet takesCalls={takesCalls} />
      <CustomerSearchDialog />
      <CustomerProfileDialog />
    </div>
  );
}
