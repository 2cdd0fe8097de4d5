import type { SignedIn } from '../../../shared/contract/requests';
import { AdminHome } from '../admin/AdminHome';
import { GoodwillSpend } from '../budgets/GoodwillSpend';
import { RecentCalls } from '../calls/RecentCalls';
import { ApprovalsInbox } from '../gestures/ApprovalsInbox';
import { FulfilmentQueue } from '../gestures/FulfilmentQueue';
import { MyGoodwill } from '../gestures/MyGoodwill';
import { KnowledgePanel } from '../knowledge/KnowledgePanel';
import { QueuesPanel } from '../queues/QueuesPanel';
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
            <MyGoodwill />
          </div>
        </div>
      );
    case 'supervisor':
      return (
        <div className="home-grid">
          <div className="home-column home-main">
            <KnowledgePanel />
            <RecentCases />
            <GoodwillSpend />
          </div>
          <div className="home-column home-side">
            <ApprovalsInbox />
            <QueuesPanel />
            <SupervisorPanels />
            <RecentCalls />
            <FulfilmentQueue />
          </div>
        </div>
      );
    case 'site_admin':
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
    case 'org_admin':
      return (
        <div className="home-grid home-grid-admin">
          <div className="home-column home-main">
            <AdminHome />
          </div>
          <div className="home-column home-side">
            <ApprovalsInbox />
            <FulfilmentQueue />
            <KnowledgePanel />
          </div>
        </div>
      );
  }
}
