import { RouteTable, type Route } from '../http/router';
import { agentReasonRoutes } from './agent-reasons';
import { auditRoutes } from './audit';
import { caseListRoutes } from './case-lists';
import { caseTaskRoutes } from './case-tasks';
import { caseRoutes } from './cases';
import { customerEditRoutes } from './customer-edits';
import { customerRoutes, screenPopRoutes } from './customers';
import { erasureRoutes } from './erasure';
import { gestureRoutes } from './gestures';
import { knowledgeRoutes } from './knowledge';
import { knowledgeAuthoringRoutes } from './knowledge-authoring';
import { knowledgeFeedbackRoutes } from './knowledge-feedback';
import { knowledgeSearchRoutes } from './knowledge-searches';
import { organisationRoutes } from './organisation';
import { overviewRoutes } from './overview';
import { referenceRoutes } from './reference';
import { sessionRoutes } from './session';
import { floorRoutes } from './floor';
import { telephonyRoutes } from './telephony';
import { twoFactorRoutes } from './two-factor';
import { userRoutes } from './users';

/** The hub's whole HTTP surface; the role-matrix test is generated from this list. */
export const routes: readonly Route<any, any>[] = [
  ...sessionRoutes,
  ...userRoutes,
  ...twoFactorRoutes,
  ...organisationRoutes,
  ...auditRoutes,
  ...referenceRoutes,
  ...customerRoutes,
  ...customerEditRoutes,
  ...screenPopRoutes,
  ...caseRoutes,
  ...caseTaskRoutes,
  ...caseListRoutes,
  ...knowledgeRoutes,
  ...knowledgeAuthoringRoutes,
  ...knowledgeFeedbackRoutes,
  ...knowledgeSearchRoutes,
  ...overviewRoutes,
  ...telephonyRoutes,
  ...floorRoutes,
  ...agentReasonRoutes,
  ...gestureRoutes,
  ...erasureRoutes,
];

export const routeTable = () => new RouteTable(routes);
