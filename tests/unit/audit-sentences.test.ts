import { describe, expect, it } from 'vitest';
import { describeEntry, pounds } from '../../server/audit-log/sentences';

type Entry = Parameters<typeof describeEntry>[0];
const entry = (e: Partial<Entry>): Entry => ({
  id: 1,
  at: 0,
  actorId: 'usr_admin_mcr',
  actorRole: 'org_admin',
  action: 'hub.seeded',
  entity: 'hub',
  entityId: null,
  siteId: null,
  detail: {},
  actorName: 'Tom Fletcher',
  subjectName: null,
  siteName: null,
  customerName: null,
  caseReference: null,
  ...e,
});

const settings = (advisorPence: number, capPence: number, followUpDays: number) => ({
  limits: { advisorPence, supervisorPence: 15000 },
  customerCapPence: capPence,
  capWindowDays: 365,
  pendingExpiryHours: 120,
  followUpDays,
  budgetDefaults: { inHousePence: 200000, partnerPence: 150000 },
});

describe('the audit log in words', () => {
  it('says amounts as people do', () => {
    expect([pounds(6000), pounds(175050), pounds(5), pounds(-2500)]).toEqual(['£60', '£1,750.50', '£0.05', '-£25']);
  });

  it('says who approved what for whom, with the case and the reason', () => {
    const approval = entry({
      actorName: 'Priya Shah',
      action: 'gesture.approved',
      entity: 'gesture_request',
      subjectName: 'Hamper of local produce',
      customerName: 'Olivia Young',
      caseReference: 'RP-100012',
      detail: { amountPence: 6000, reason: 'Spoilt delivery' },
    });
    expect(describeEntry(approval)).toBe('Priya Shah approved a £60 hamper of local produce for Olivia Young (RP-100012): “Spoilt delivery”');
    expect(describeEntry({ ...approval, detail: { amountPence: 2000, automatic: true }, actorName: 'Amira Hussain' })).toBe(
      'Amira Hussain gave a £20 hamper of local produce for Olivia Young (RP-100012) (within the advisor limit)',
    );
    expect(describeEntry({ ...approval, action: 'gesture.expired', actorId: null, actorName: null })).toBe(
      'The request for a £60 hamper of local produce for Olivia Young (RP-100012) expired undecided',
    );
  });

  it('says which settings moved, from what to what, and only those', () => {
    const changed = entry({ action: 'gesture.settings_changed', detail: { before: settings(2500, 10000, 7), after: settings(3000, 10000, 14) } });
    expect(describeEntry(changed)).toBe('Tom Fletcher changed the advisor limit from £25 to £30; the follow-up time from 7 to 14 days');
    const same = entry({ action: 'gesture.settings_changed', detail: { before: settings(2500, 10000, 7), after: settings(2500, 10000, 7) } });
    expect(describeEntry(same)).toBe('Tom Fletcher saved the gesture settings (nothing changed)');
  });

  it('names the item, the site, the month and the person', () => {
    expect(describeEntry(entry({ action: 'catalogue.item_retired', subjectName: 'Picnic box' }))).toBe('Tom Fletcher retired “Picnic box” from the catalogue');
    const budget = entry({ action: 'budget.set', subjectName: 'Leeds', detail: { month: '2026-11', beforePence: 150000, afterPence: 175050 } });
    expect(describeEntry(budget)).toBe('Tom Fletcher set Leeds’s budget for November 2026 from £1,500 to £1,750.50');
    const disabled = entry({ action: 'user.updated', entity: 'user', subjectName: 'Ben Walsh', detail: { changes: { disabled: true, role: 'supervisor' } } });
    expect(describeEntry(disabled)).toBe('Tom Fletcher changed Ben Walsh’s account (disabled, role now supervisor)');
    const state = entry({ actorName: 'Priya Shah', actorId: 'usr_supervisor_mcr', action: 'agent.state_changed', entity: 'user', entityId: 'usr_advisor1_mcr', subjectName: 'Amira Hussain', detail: { state: 'not_ready', reason: 'Coaching' } });
    expect(describeEntry(state)).toBe('Priya Shah set Amira Hussain to Not ready (Coaching)');
    expect(describeEntry({ ...state, actorId: 'usr_advisor1_mcr', actorName: 'Amira Hussain' })).toBe('Amira Hussain went Not ready (Coaching)');
  });

  it('reads a detail that is not the expected shape without throwing', () => {
    expect(describeEntry(entry({ action: 'gesture.settings_changed', detail: { before: 'x', after: null } }))).toBe('Tom Fletcher saved the gesture settings (nothing changed)');
    expect(describeEntry(entry({ action: 'budget.set', detail: { month: 7 } }))).toBe('Tom Fletcher set a site’s budget');
    expect(describeEntry(entry({ action: 'article.mystery_step', entity: 'article', subjectName: 'Refunds' }))).toBe('Tom Fletcher article: mystery step “Refunds”');
  });

  it('says who: the person, the person signing in, nobody for a wrong password, Rapport for the hub itself', () => {
    const signIn = { actorId: null, actorName: null, actorRole: null, entity: 'user', subjectName: 'Amira Hussain' };
    expect(describeEntry(entry({ ...signIn, action: 'session.signed_in' }))).toBe('Amira Hussain signed in');
    expect(describeEntry(entry({ ...signIn, action: 'session.sign_in_failed' }))).toBe('A wrong password was tried for Amira Hussain');
    expect(describeEntry(entry({ actorId: null, actorName: null, action: 'hub.seeded' }))).toBe('Rapport set up the demo organisation');
  });
});
