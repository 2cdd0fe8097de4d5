import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  amountProblems,
  approvedAtOnce,
  budgetLeft,
  capVerdict,
  DEFAULT_LIMITS,
  formatPence,
  isSensitive,
  isVerdict,
  mayDecide,
  minimumBudget,
  monthOf,
  moveBudget,
  nextFulfilment,
  personalisationProblems,
  renderTemplate,
  requiredLevel,
  sensitiveWordingProblems,
  suitability,
  type BudgetState,
  type PendingRequest,
} from '../../shared/gestures/policy';

const pending = (over: Partial<PendingRequest> = {}): PendingRequest => ({
  requestedBy: 'usr_advisor',
  siteId: 'site_mcr',
  level: 'supervisor',
  status: 'pending',
  ...over,
});

describe('approval levels', () => {
  it('approves up to the advisor limit at once, then a supervisor, then a head of service', () => {
    expect(requiredLevel(0, DEFAULT_LIMITS)).toBe('advisor');
    expect(requiredLevel(2500, DEFAULT_LIMITS)).toBe('advisor');
    expect(requiredLevel(2501, DEFAULT_LIMITS)).toBe('supervisor');
    expect(requiredLevel(15000, DEFAULT_LIMITS)).toBe('supervisor');
    expect(requiredLevel(15001, DEFAULT_LIMITS)).toBe('head');
    expect(approvedAtOnce(2500, DEFAULT_LIMITS)).toBe(true);
    expect(approvedAtOnce(2501, DEFAULT_LIMITS)).toBe(false);
  });

  it('follows the limits it is given', () => {
    expect(requiredLevel(3000, { advisorPence: 3000, supervisorPence: 20000 })).toBe('advisor');
  });
});

describe('who may decide', () => {
  it('never lets anyone approve their own request', () => {
    const own = mayDecide({ userId: 'usr_sup', role: 'supervisor', siteId: 'site_mcr' }, pending({ requestedBy: 'usr_sup' }));
    expect(own).toMatchObject({ ok: false, code: 'own_request' });
    const head = mayDecide({ userId: 'usr_head', role: 'org_admin', siteId: 'site_mcr' }, pending({ requestedBy: 'usr_head', level: 'head' }));
    expect(head).toMatchObject({ ok: false, code: 'own_request' });
  });

  it('sends a supervisor’s own request to another supervisor of the site or a head of service', () => {
    const req = pending({ requestedBy: 'usr_sup1' });
    expect(mayDecide({ userId: 'usr_sup2', role: 'supervisor', siteId: 'site_mcr' }, req).ok).toBe(true);
    expect(mayDecide({ userId: 'usr_head', role: 'org_admin', siteId: 'site_gla' }, req).ok).toBe(true);
    expect(mayDecide({ userId: 'usr_sup3', role: 'supervisor', siteId: 'site_lds' }, req)).toMatchObject({ ok: false, code: 'other_site' });
  });

  it('keeps head-of-service amounts from supervisors and advisors from deciding at all', () => {
    expect(mayDecide({ userId: 'usr_sup', role: 'supervisor', siteId: 'site_mcr' }, pending({ level: 'head' }))).toMatchObject({ code: 'above_limit' });
    expect(mayDecide({ userId: 'usr_adv2', role: 'advisor', siteId: 'site_mcr' }, pending())).toMatchObject({ code: 'not_an_approver' });
  });

  it('lets a head of service (organisation admin) decide any amount at any site, and a site admin none', () => {
    expect(mayDecide({ userId: 'usr_head', role: 'org_admin', siteId: 'site_mcr' }, pending({ level: 'head', siteId: 'site_gla' })).ok).toBe(true);
    for (const level of ['supervisor', 'head'] as const) {
      for (const siteId of ['site_mcr', 'site_lds']) {
        const verdict = mayDecide({ userId: 'usr_site_admin', role: 'site_admin', siteId: 'site_lds' }, pending({ level, siteId }));
        expect(verdict, `${level} at ${siteId}`).toMatchObject({ ok: false, code: 'not_an_approver' });
      }
    }
  });

  it('refuses to decide twice', () => {
    expect(mayDecide({ userId: 'usr_sup', role: 'supervisor', siteId: 'site_mcr' }, pending({ status: 'approved' }))).toMatchObject({ code: 'not_pending' });
  });
});

describe('sensitive mode', () => {
  it('is on for funeral care or a bereaved customer', () => {
    expect(isSensitive({ line: 'funeralcare', customerBereaved: false })).toBe(true);
    expect(isSensitive({ line: 'food', customerBereaved: true })).toBe(true);
    expect(isSensitive({ line: 'membership', customerBereaved: false })).toBe(false);
  });

  it('refuses celebratory and unsuitable items, allows suitable ones', () => {
    expect(suitability({ tone: 'celebratory', bereavementSuitable: true }, true)).toMatchObject({ ok: false, code: 'unsuitable_item' });
    expect(suitability({ tone: 'neutral', bereavementSuitable: false }, true)).toMatchObject({ ok: false });
    expect(suitability({ tone: 'condolence', bereavementSuitable: true }, true).ok).toBe(true);
    expect(suitability({ tone: 'celebratory', bereavementSuitable: false }, false).ok).toBe(true);
  });

  it('addresses nothing to the deceased and keeps celebration and offers out of the message', () => {
    const toDeceased = sensitiveWordingProblems({ recipientName: 'margaret  TAYLOR', deceasedNames: ['Margaret Taylor'], message: 'With sympathy.' });
    expect(toDeceased.map((p) => p.path)).toEqual(['personalisation.recipientName']);
    const cheerful = sensitiveWordingProblems({ recipientName: 'Sam', deceasedNames: ['Margaret'], message: 'Congratulations! Use this discount code.' });
    expect(cheerful.map((p) => p.path)).toEqual(['message']);
    expect(sensitiveWordingProblems({ recipientName: 'Sam', deceasedNames: [], message: 'We are thinking of you.' })).toEqual([]);
  });
});

describe('personalisation', () => {
  const fields = [
    { key: 'recipientName', label: 'Recipient’s name', required: true },
    { key: 'colour', label: 'Colour', required: false },
  ];
  it('fills templates and leaves unknown blanks visible', () => {
    expect(renderTemplate('Dear {recipientName}, {colour} flowers', { recipientName: 'Jo' })).toBe('Dear Jo, {colour} flowers');
  });
  it('reports every missing required field and every unfilled blank', () => {
    const problems = personalisationProblems(fields, {}, 'Dear {recipientName}');
    expect(problems.map((p) => p.path)).toEqual(['personalisation.recipientName', 'message']);
    expect(personalisationProblems(fields, { recipientName: 'Jo' }, 'Dear Jo')).toEqual([]);
    expect(personalisationProblems(fields, { recipientName: 'Jo' }, '  ').map((p) => p.path)).toEqual(['message']);
  });
  it('keeps amounts inside the item’s range', () => {
    expect(amountProblems(1500, { minPence: 1500, maxPence: 3000 })).toBeNull();
    expect(amountProblems(3001, { minPence: 1500, maxPence: 3000 })).toMatch(/£15\.00 and £30\.00/);
    expect(amountProblems(10.5, { minPence: 0, maxPence: 3000 })).toMatch(/whole pence/);
  });
});

describe('customer cap', () => {
  it('allows up to the cap and says what is left', () => {
    expect(capVerdict(6000, 4000, 10000).ok).toBe(true);
    const over = capVerdict(6000, 4001, 10000);
    expect(over).toMatchObject({ ok: false, code: 'customer_cap_reached' });
    expect(!over.ok && over.message).toMatch(/£40\.00 is left/);
  });
});

describe('budget arithmetic', () => {
  const b: BudgetState = { budgetPence: 10000, reservedPence: 2000, committedPence: 3000 };
  it('reserves, commits and releases without losing a penny', () => {
    const reserved = moveBudget(b, 'reserve', 4000);
    expect(reserved).toEqual({ budgetPence: 10000, reservedPence: 6000, committedPence: 3000 });
    const committed = moveBudget(reserved as BudgetState, 'commit_reserved', 4000);
    expect(committed).toEqual({ budgetPence: 10000, reservedPence: 2000, committedPence: 7000 });
    expect(moveBudget(b, 'release', 2000)).toEqual({ budgetPence: 10000, reservedPence: 0, committedPence: 3000 });
    expect(moveBudget(b, 'commit_direct', 5000)).toEqual({ budgetPence: 10000, reservedPence: 2000, committedPence: 8000 });
  });
  it('never overspends and never releases more than was reserved', () => {
    expect(moveBudget(b, 'reserve', 5001)).toMatchObject({ ok: false, code: 'budget_exhausted' });
    expect(moveBudget(b, 'release', 2001)).toMatchObject({ ok: false, code: 'budget_mismatch' });
    expect(minimumBudget(b)).toBe(5000);
  });
  it('keeps spend within the budget over any sequence of moves', () => {
    const step = fc.record({ move: fc.constantFrom('reserve', 'commit_direct', 'release', 'commit_reserved' as const), amount: fc.integer({ min: 0, max: 5000 }) });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50000 }), fc.array(step, { maxLength: 60 }), (budgetPence, steps) => {
        let s: BudgetState = { budgetPence, reservedPence: 0, committedPence: 0 };
        for (const { move, amount } of steps) {
          const next = moveBudget(s, move, amount);
          if (!isVerdict(next)) s = next;
          if (s.reservedPence < 0 || budgetLeft(s) < 0) return false;
        }
        return true;
      }),
    );
  });
});

describe('months, money and fulfilment', () => {
  it('counts by the UK calendar month', () => {
    expect(monthOf(Date.UTC(2026, 4, 31, 23, 30))).toBe('2026-06'); // 00:30 BST on 1 June
    expect(monthOf(Date.UTC(2026, 0, 31, 23, 30))).toBe('2026-01'); // GMT in winter
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });
  it('moves to the new month at the first moment of it, asked for one after another either side', () => {
    const minute = 60_000;
    for (const [start, before, after] of [
      [Date.UTC(2026, 4, 31, 23, 0), '2026-05', '2026-06'], // midnight BST
      [Date.UTC(2026, 1, 1, 0, 0), '2026-01', '2026-02'], // midnight GMT
    ] as const) {
      expect([start - minute, start - 1, start, start + 1, start + 59 * minute, start - 1].map(monthOf)).toEqual([before, before, after, after, after, before]);
    }
  });
  it('formats pence as pounds', () => {
    expect(formatPence(0)).toBe('£0.00');
    expect(formatPence(200000)).toBe('£2,000.00');
    expect(formatPence(1505)).toBe('£15.05');
  });
  it('orders, then delivers or confirms a donation', () => {
    expect(nextFulfilment('approved', 'gift')).toEqual(['ordered']);
    expect(nextFulfilment('ordered', 'gift')).toEqual(['delivered']);
    expect(nextFulfilment('ordered', 'charity_donation')).toEqual(['donation_confirmed']);
    expect(nextFulfilment('delivered', 'gift')).toEqual([]);
  });
});
