import { z } from 'zod';
import type { RequestName, RequestResults } from '../contract/requests';
import { LINES } from '../roles';
import { siteView, teamView, userView } from '../schemas/accounts';
import { auditEntryView } from '../schemas/audit';
import { assigneeView, caseStatusChangeView, noteRevisionView, noteTemplateView, taskView, wrapupCodeView } from '../schemas/cases';
import { catalogueItem } from '../schemas/catalogue';
import { bereavementPrompt, caseNoteView, caseView, customerProfile, customerView } from '../schemas/customers';
import { erasureLogEntry, erasurePreview, privacySettings } from '../schemas/erasure';
import {
  approvalView,
  budgetReport,
  budgetView,
  customerGestureHistory,
  followUpView,
  gestureRequestView,
  gestureSettings,
  suggestionsView,
} from '../schemas/gestures';
import { articleEntry, articleHistory, articleVersion, feedbackView, knowledgeSettings, overdueArticle, unansweredSearch } from '../schemas/knowledge';
import { twoFactorEnrolment, twoFactorPolicy, twoFactorStatus } from '../schemas/two-factor';
import { queuesView } from '../contract/queues';
import { pbxStatus } from '../telephony/pbx-status';
import { callRecordView } from '../contract/telephony';
import { AGENT_STATES } from '../contract/calls';

const ok = z.object({ ok: z.literal(true) });
const recoveryCodes = z.object({ recoveryCodes: z.array(z.string().max(40)).max(20) });
const csv = z.object({ filename: z.string().max(200), csv: z.string() });
const pbxView = z.object({
  configured: z.boolean(),
  connected: z.boolean(),
  source: z.enum(['hub', 'environment']).nullable(),
  status: pbxStatus,
  name: z.string().optional(),
  host: z.string().optional(),
  port: z.number().optional(),
  username: z.string().optional(),
  hasSecret: z.boolean().optional(),
  interfaceTemplate: z.string().optional(),
  dialContext: z.string().optional(),
  enabled: z.boolean().optional(),
});

type Relayed = { [N in RequestName]?: z.ZodType<RequestResults[N]> };

/**
 * The hub's answers the core passes to the page as they came, parsed once by the core's router
 * (electron/core/router.ts) before they reach a screen. Like every hub answer these only ever
 * gain fields: unknown keys are stripped, so a newer hub's extras never trouble an older desktop,
 * and a malformed answer is an error the screen shows instead of a page that breaks. Each schema is
 * checked against the contract's result type, so the two cannot drift apart.
 */
export const relayedReplies: Relayed = {
  'cases.update': z.object({ case: caseView }),
  'cases.reviseNote': z.object({ notes: z.array(caseNoteView) }),
  'cases.noteRevisions': z.object({ revisions: z.array(noteRevisionView) }),
  'cases.tasks': z.object({ tasks: z.array(taskView) }),
  'cases.addTask': z.object({ tasks: z.array(taskView) }),
  'cases.taskDone': z.object({ task: taskView }),
  'cases.due': z.object({ tasks: z.array(taskView), now: z.number() }),
  'cases.assignees': z.object({ assignees: z.array(assigneeView) }),
  'cases.wrapupCodes': z.object({ codes: z.array(wrapupCodeView) }),
  'cases.saveWrapupCodes': z.object({ codes: z.array(wrapupCodeView) }),
  'cases.noteTemplates': z.object({ templates: z.array(noteTemplateView) }),
  'cases.saveNoteTemplates': z.object({ templates: z.array(noteTemplateView) }),
  'cases.open': z.object({ case: caseView }),
  'cases.get': z.object({ case: caseView, notes: z.array(caseNoteView), changes: z.array(caseStatusChangeView) }),
  'cases.bereavementPrompt': z.object({ prompt: bereavementPrompt.nullable() }),
  'cases.linkCustomer': z.object({ case: caseView }),
  'customers.profile': customerProfile,
  'customers.create': z.object({ customer: customerView }),
  'customers.update': z.object({ customer: customerView }),
  'customers.setVulnerability': z.object({ customer: customerView }),
  'customers.setSuppressions': z.object({ customer: customerView }),
  'customers.recordBereavement': z.object({ customer: customerView }),
  'customers.dismissBereavementPrompt': z.object({ customer: customerView }),
  'customers.search': z.object({ customers: z.array(customerView) }),
  'gestures.suggestions': suggestionsView,
  'gestures.forCase': z.object({ gestures: z.array(gestureRequestView) }),
  'gestures.forCustomer': customerGestureHistory,
  'gestures.mine': z.object({ gestures: z.array(gestureRequestView) }),
  'gestures.withdraw': z.object({ request: gestureRequestView }),
  'gestures.approvals': z.object({ approvals: z.array(approvalView) }),
  'gestures.decide': z.object({ request: gestureRequestView }),
  'gestures.fulfilment': z.object({ request: gestureRequestView }),
  'gestures.fulfilmentQueue': z.object({ gestures: z.array(gestureRequestView) }),
  'gestures.decided': z.object({ gestures: z.array(gestureRequestView) }),
  'gestures.followUps': z.object({ followUps: z.array(followUpView) }),
  'gestures.followUpDone': z.object({ followUps: z.array(followUpView) }),
  'gestures.budgets': z.looseObject({ budgets: z.array(budgetView) }),
  'gestures.report': z.object({ report: budgetReport }),
  'gestures.reportCsv': csv,
  'gestures.settings': z.object({ settings: gestureSettings }),
  'gestures.updateSettings': z.object({ settings: gestureSettings }),
  'gestures.setBudget': z.object({ budget: budgetView }),
  'catalogue.list': z.object({ items: z.array(catalogueItem), sites: z.array(siteView) }),
  'catalogue.save': z.object({ item: catalogueItem }),
  'catalogue.retire': z.object({ item: catalogueItem }),
  'people.list': z.object({ users: z.array(userView), sites: z.array(siteView), teams: z.array(teamView) }),
  'people.create': z.object({ user: userView }),
  'people.update': z.object({ user: userView }),
  'people.resetPassword': ok,
  'privacy.preview': erasurePreview,
  'privacy.erase': z.object({
    reference: z.string(),
    counts: z.object({ cases: z.number(), notes: z.number(), gestures: z.number(), auditEntries: z.number() }),
  }),
  'privacy.log': z.array(erasureLogEntry),
  'privacy.settings': privacySettings,
  'privacy.saveSettings': privacySettings,
  'publishing.list': z.array(articleEntry),
  'publishing.history': articleHistory,
  'publishing.version': articleVersion,
  'publishing.create': articleHistory,
  'publishing.save': articleHistory,
  'publishing.submit': articleHistory,
  'publishing.review': articleHistory,
  'publishing.discard': articleHistory,
  'publishing.restore': articleHistory,
  'publishing.retire': articleHistory,
  'publishing.cancelRetirement': articleHistory,
  'publishing.choices': z.object({
    authors: z.array(z.object({ id: z.string(), displayName: z.string() })),
    sites: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(['in_house', 'partner']) })),
  }),
  'publishing.settings': knowledgeSettings,
  'publishing.saveSettings': knowledgeSettings,
  'publishing.inbox': z.object({ feedback: z.array(feedbackView), unanswered: z.array(unansweredSearch), overdue: z.array(overdueArticle) }),
  'publishing.reply': ok,
  'publishing.resolve': ok,
  'knowledge.myFeedback': z.array(feedbackView),
  'telephony.status': pbxStatus,
  'telephony.directory': z.object({
    advisors: z.array(z.object({ name: z.string(), extension: z.string(), state: z.enum(AGENT_STATES), siteName: z.string() })),
    queues: z.array(z.object({ id: z.string(), name: z.string(), line: z.enum(LINES) })),
  }),
  'telephony.pbx': pbxView,
  'telephony.savePbx': pbxView,
  'telephony.testPbx': z.object({ ok: z.boolean(), message: z.string(), milliseconds: z.number() }),
  'telephony.queues': queuesView,
  'telephony.callRecords': z.object({ records: z.array(callRecordView) }),
  'twoFactor.status': twoFactorStatus,
  'twoFactor.start': twoFactorEnrolment,
  'twoFactor.confirm': recoveryCodes,
  'twoFactor.renewCodes': recoveryCodes,
  'twoFactor.disable': twoFactorStatus,
  'twoFactor.policy': twoFactorPolicy,
  'twoFactor.setPolicy': twoFactorPolicy,
  'twoFactor.reset': ok,
  'session.enrolApp': twoFactorEnrolment,
  'audit.list': z.object({ entries: z.array(auditEntryView), nextBefore: z.number().nullable() }),
  'audit.export': csv,
};
