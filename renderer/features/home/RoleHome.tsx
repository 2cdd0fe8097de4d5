import { lazy, Suspense, type ReactNode } from 'react';
import type { SignedIn } from '../../../shared/contract/requests';
import { LoadingState } from '../../ui/States';
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

/*
 * What only admins and supervisors use (an admin's tabs, the spend charts, the call records) is
 * loaded apart from the app, so an advisor's Rapport starts without compiling or running it.
 */
const AdminHome = lazy(() => import('../admin/AdminHome').then((m) => ({ default: m.AdminHome })));
const GoodwillSpend = lazy(() => import('../budgets/GoodwillSpend').then((m) => ({ default: m.GoodwillSpend })));
const CallRecords = lazy(() => import('../calls/CallRecords').then((m) => ({ default: m.CallRecords })));

const Loading = ({ children }: { children: ReactNode }) => <Suspense fallback={<LoadingState label="Loading…" />}>{children}</Suspense>;

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
          <Loading>
            <CallRecords />
          </Loading>
          <FulfilmentQueue />
          <DecidedRequests />
          <Loading>
            <GoodwillSpend />
          </Loading>
          <MyFeedback />
        </div>
      );
    case 'site_admin':
      return (
        <div className="home-grid home-grid-admin">
          <div className="home-column home-main">
            <Loading>
              <AdminHome />
            </Loading>
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
            <Loading>
              <AdminHome />
            </Loading>
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
