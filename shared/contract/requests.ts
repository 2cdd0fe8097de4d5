import { z } from 'zod';
import { auditRequestArgs, type AuditRequestResults } from './audit';
import { callRequestArgs, type CallRequestResults } from './calls';
import { caseRequestArgs, type CaseRequestResults } from './cases';
import { catalogueRequestArgs, type CatalogueRequestResults } from './catalogue';
import { customerRequestArgs, type CustomerRequestResults } from './customers';
import { gestureRequestArgs, type GestureRequestResults } from './gestures';
import { noteRequestArgs, type NoteRequestResults } from './notes';
import { peopleRequestArgs, type PeopleRequestResults } from './people';
import { queueRequestArgs, type QueueRequestResults } from './queues';
import { setupRequestArgs, type SetupRequestResults } from './setup';
import { telephonyRequestArgs, type TelephonyRequestResults } from './telephony';
import { signInRequest, type SiteView, type UserView } from '../schemas/accounts';
import type { CaseView } from '../schemas/customers';
import { articleFeedback, type Article, type ArticleEntry, type FeedbackView } from '../schemas/knowledge';
import { twoFactorRequestArgs, type TwoFactorRequestResults } from './two-factor';
import { publishingRequestArgs, type PublishingRequestResults } from './publishing';
import { privacyRequestArgs, type PrivacyRequestResults } from './privacy';

/** What the renderer may ask its desktop core, by domain. Args are parsed from `unknown`. */
export const requestArgs = {
  'session.status': z.object({}),
  'session.signIn': signInRequest,
  'session.signOut': z.object({}),
  'knowledge.page': z.object({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(5000) }),
  'knowledge.get': z.object({ id: z.string().min(1).max(120) }),
  'knowledge.manifest': z.object({}),
  'knowledge.byIds': z.object({ ids: z.array(z.string().min(1).max(120)).max(1000) }),
  'knowledge.syncNow': z.object({}),
  'knowledge.feedback': z.object({ articleId: z.string().min(1).max(120), feedback: articleFeedback }),
  'home.advisor': z.object({}),
  'home.supervisor': z.object({}),
  'home.admin': z.object({}),
  ...callRequestArgs,
  ...customerRequestArgs,
  ...gestureRequestArgs,
  ...catalogueRequestArgs,
  ...queueRequestArgs,
  ...noteRequestArgs,
  ...caseRequestArgs,
  ...setupRequestArgs,
  ...publishingRequestArgs,
  ...peopleRequestArgs,
  ...auditRequestArgs,
  ...telephonyRequestArgs,
  ...twoFactorRequestArgs,
  ...privacyRequestArgs,
} as const;

export type RequestName = keyof typeof requestArgs;
export type RequestArgs<N extends RequestName> = z.input<(typeof requestArgs)[N]>;

export interface SignedIn {
  signedIn: true;
  user: UserView;
  site: SiteView;
  /** The hub could not confirm the session yet: working from the saved one. */
  offline: boolean;
}
/** The password was right and the hub waits for a code, or for the person to set up their app. */
export interface SecondStep {
  step: 'code' | 'enrol';
  username: string;
}
export type SessionState = { signedIn: false; secondStep?: SecondStep } | SignedIn;

export interface AdvisorHome {
  recentCases: CaseView[];
}
export interface SupervisorHome {
  members: UserView[];
  openCases: number;
  casesToday: number;
  pendingApprovals: number;
}
export interface AdminHome {
  users: UserView[];
  articles: ArticleEntry[];
  /** Open "flag for fix" reports from advisors. */
  flags: FeedbackView[];
  counts: { users: number; sites: number; published: number; drafts: number; retired: number; catalogueItems: number };
}

export interface RequestResults
  extends CallRequestResults, CustomerRequestResults, CaseRequestResults, GestureRequestResults, QueueRequestResults, CatalogueRequestResults, NoteRequestResults, SetupRequestResults,
    PublishingRequestResults,
    PeopleRequestResults,
    AuditRequestResults,
    TelephonyRequestResults,
    TwoFactorRequestResults,
    PrivacyRequestResults {
  'session.status': SessionState;
  'session.signIn': SessionState;
  'session.signOut': SessionState;
  /** Recovery codes come back once, when the step finished an enrolment. */
  'session.secondStep': { state: SessionState; recoveryCodes: string[] | null };
  'session.cancelSecondStep': SessionState;
  'knowledge.page': { articles: Article[]; total: number };
  'knowledge.get': Article;
  /** What the cache holds and at which change, so a saved search index can catch up. */
  'knowledge.manifest': { cursor: number; ids: string[]; seqs: number[] };
  'knowledge.byIds': Article[];
  'knowledge.syncNow': { cursor: number };
  'knowledge.feedback': { id: string };
  'home.advisor': AdvisorHome;
  'home.supervisor': SupervisorHome;
  'home.admin': AdminHome;
}
