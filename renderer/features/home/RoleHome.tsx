import type { SignedIn } from '../../../shared/contract/requests';
import { AdminHome } from '../admin/AdminHome';
import { RecentCalls } from '../calls/RecentCalls';
import { KnowledgePanel } from '../knowledge/KnowledgePanel';
import { RecentCases } from './RecentCases';
import { SupervisorPanels } from './SupervisorPanels';
import './home.css';

/**
 * What each role sees first. Knowledge search is on every home: advisors live in it, supervisors
 * answer floor questions from it, admins check what they published.
 */
export function RoleHome({ session }: { session: SignedIn }) {
  switch (session.user.role) {
    case 'advisor':
      return (
        <div className="home-grid home-grid-advisor">
          <div className="home-column home-main">
            <KnowledgePanel />
          </div>
          <div className="home-column home-side">
            <RecentCalls />
            <RecentCases />
          </div>
        </div>
      );
    case 'supervisor':
      return (
        <div className="home-grid">
          <div className="home-column home-main">
            <KnowledgePanel />
          </div>
          <div className="home-column home-side">
            <SupervisorPanels />
            <RecentCalls />
          </div>
        </div>
      );
    case 'admin':
      return (
        <div className="home-grid home-grid-admin">
          <div className="home-column home-main">
            <AdminHome />
          </div>
          <div className="home-column home-side">
            <KnowledgePanel />
          </div>
        </div>
      );
  }
}
