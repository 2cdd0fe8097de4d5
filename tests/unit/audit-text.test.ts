import { describe, expect, it } from 'vitest';
import type { AuditEntryView } from '../../shared/contract/catalogue';
import { auditWho, describeAudit } from '../../renderer/features/catalogue/auditText';

const entry = (e: Partial<AuditEntryView>): AuditEntryView => ({
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
  it('says which settings moved, from what to what, and only those', () => {
    const changed = entry({
      action: 'gesture.settings_changed',
      entity: 'gesture_settings',
      detail: { before: settings(2500, 10000, 7), after: settings(3000, 10000, 14) },
    });
    expect(describeAudit(changed)).toBe('Changed the advisor limit from £25.00 to £30.00; the follow-up time from 7 to 14 days');
    const same = entry({
      action: 'gesture.settings_changed',
      detail: { before: settings(2500, 10000, 7), after: settings(2500, 10000, 7) },
    });
    expect(describeAudit(same)).toBe('Saved the gesture settings (nothing changed)');
  });

  it('names the item, the site and the month', () => {
    expect(describeAudit(entry({ action: 'catalogue.item_retired', entity: 'gesture_item', subjectName: 'Picnic box' }))).toBe(
      'Retired “Picnic box” from the catalogue',
    );
    const budget = entry({
      action: 'budget.set',
      entity: 'budget',
      subjectName: 'Leeds',
      detail: { month: '2026-11', beforePence: 150000, afterPence: 175050 },
    });
    expect(describeAudit(budget)).toBe('Set Leeds’s budget for November 2026 from £1,500.00 to £1,750.50');
  });

  it('reads a detail that is not the expected shape without throwing', () => {
    expect(describeAudit(entry({ action: 'gesture.settings_changed', detail: { before: 'x', after: null } }))).toBe(
      'Saved the gesture settings (nothing changed)',
    );
    expect(describeAudit(entry({ action: 'budget.set', detail: { month: 7 } }))).toBe('Set a site’s budget');
    expect(describeAudit(entry({ action: 'case.note_added', entity: 'case' }))).toBe('Case: note added');
  });

  it('says who: the person, the person signing in, or nobody for a failed attempt', () => {
    expect(auditWho(entry({}))).toBe('Tom Fletcher');
    const signIn = { actorId: null, actorName: null, actorRole: null, entity: 'user', subjectName: 'Amira Hussain' };
    expect(auditWho(entry({ ...signIn, action: 'session.signed_in' }))).toBe('Amira Hussain');
    expect(auditWho(entry({ ...signIn, action: 'session.sign_in_failed' }))).toBe('Not signed in');
    expect(auditWho(entry({ actorId: null, actorName: null, action: 'hub.seeded' }))).toBe('Rapport');
  });
});
