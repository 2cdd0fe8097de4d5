import type { SignedIn } from '../../../shared/contract/requests';
import { AdminHome } from '../admin/AdminHome';
import { GoodwillSpend } from '../budgets/GoodwillSpend';
import { CallRecords } from '../calls/CallRecords';
import { RecentCalls } from '../calls/RecentCalls';
import { DueList } from '../cases/DueList';
import { RecentCases } from '../cases/RecentCases';
import { ApprovalsInbox } from '../gestures/ApprovalsInbox';
import { DecidedRequests } from '../gestures/DecidedRequests';
import { FulfilmentQueue } from '../gestures/FulfilmentQueue';
import { MyGoodwill } from '../gestures/MyGoodwill';
import { KnowledgePanel } from '../knowledge/KnowledgePanel';
import { MyFeedback } from '../knowledge/MyFeedback';
import { QueuesPanel } from '../queues/QueuesPanel';
import { SupervisorPanels } from './SupervisorPanels';
import './home.css';

/**
 * What each role sees when no case tab is open. Advisors and supervisors have knowledge in the
 * console's right-hand column; admins take no calls, so theirs sits beside their tabs.
 */
export function RoleHome({ session }: { session: SignedIn }) {
  switch (session.user.role) {
    case 'advisor':
      return (
        <div className="home-lists">
          <DueList />
          <RecentCases />
          <RecentCalls />
          <MyGoodwill />
          <MyFeedback />
        </div>
      );
    case 'supervisor':
      return (
        <div className="home-lists">
          <ApprovalsInbox />
          <QueuesPanel />
          <SupervisorPanels />
          <DueList />
          <RecentCases />
          <RecentCalls />
          <CallRecords />
          <FulfilmentQueue />
          <DecidedRequests />
          <GoodwillSpend />
          <MyFeedback />
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
            <DecidedRequests />
            <KnowledgePanel />
          </div>
        </div>
      );
  }
}
