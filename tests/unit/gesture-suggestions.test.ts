import { describe, expect, it } from 'vitest';
import { readCase, troubleFit } from '../../server/gestures/fit';
import { DEATH } from '../../server/gestures/sensitivity';
import { rankItems, type CaseSignals } from '../../server/gestures/suggestions';
import { loadSeedCatalogue } from '../../server/seed/content';
import { isSensitive } from '../../shared/gestures/policy';

const catalogue = loadSeedCatalogue();

const signals = (over: Partial<CaseSignals>): CaseSignals => ({
  line: 'food',
  text: '',
  sensitive: false,
  pastItemIds: [],
  pastKinds: [],
  advisorLimitPence: 2500,
  headroomPence: 10_000,
  ...over,
});

const rank = (over: Partial<CaseSignals>) => rankItems(catalogue, signals(over), 'site_mcr');
/** What an advisor sees on the list as it opens. */
const firstFew = (over: Partial<CaseSignals>) => rank(over).slice(0, 6);

describe('gesture suggestions are ordered by how well they fit what went wrong', () => {
  it('a food complaint does not start with a birthday cake voucher, nor show any celebration in the first few', () => {
    for (const text of ['Refund for a spoiled loaf', 'Foreign body found in a ready meal', 'Damaged eggs in a delivery', 'Mouldy bread bought on Saturday']) {
      const top = firstFew({ text });
      expect(top[0]!.itemId, text).not.toBe('birthday-cake-voucher');
      expect(top.map((s) => s.tone), text).not.toContain('celebratory');
      expect(top[0]!.why.join(' '), text).toMatch(/Fits a/);
    }
  });

  it('a late delivery starts with the delivery charge waiver', () => {
    const top = rank({ text: 'Delivery two hours late' });
    expect(top[0]!.itemId).toBe('delivery-charge-waiver');
    expect(top[0]!.why).toContain('Fits a delivery that went wrong');
  });

  it('points missing from a shop offers a points top-up before anything celebratory', () => {
    const list = rank({ line: 'membership', text: 'Points missing from last shop' });
    const points = list.findIndex((s) => s.itemId === 'member-points-top-up');
    const firstParty = list.findIndex((s) => s.tone === 'celebratory');
    expect(points).toBe(0);
    expect(firstParty).toBeGreaterThan(points);
  });

  it('a child upset by a product still gets the personal touch: the dressing-up box leads', () => {
    const top = rank({ text: 'Foreign body found in a ready meal\nHer son, aged 6, was upset by it. He loves dressing up as a pirate.' });
    expect(top[0]!.itemId).toBe('dressing-up-box-child');
    expect(top[0]!.why).toContain('A child is mentioned on the case');
  });

  it('a birthday cake that went wrong can be answered with a celebration', () => {
    const top = rank({ text: 'Birthday cake for her daughter’s party was squashed' });
    expect(top.slice(0, 3).map((s) => s.itemId)).toContain('birthday-cake-voucher');
  });

  it('the advisor’s limit is not the first sort key: a better fit above it comes before a weaker one within it', () => {
    const list = rank({ text: 'Wedding anniversary hamper never arrived', advisorLimitPence: 500, headroomPence: 30_000 });
    const luxury = list.findIndex((s) => s.itemId === 'celebration-hamper-luxury');
    const firstWithin = list.findIndex((s) => s.withinAdvisorLimit);
    expect(list[luxury]!.withinAdvisorLimit).toBe(false);
    expect(luxury).toBeLessThan(firstWithin);
    // Scores never rise down the list, whatever the limit says.
    for (let i = 1; i < list.length; i++) expect(list[i]!.score).toBeLessThanOrEqual(list[i - 1]!.score);
  });

  it('"within your limit" means the suggested amount, not the item’s lowest price', () => {
    for (const s of rank({ text: 'Refund for a spoiled loaf', advisorLimitPence: 1000 })) {
      expect(s.withinAdvisorLimit, s.itemId).toBe(s.suggestedAmountPence <= 1000);
    }
  });

  it('a case that says someone has died offers only bereavement-suitable items, never a new-baby box', () => {
    const text = 'Member has died: closing the account';
    expect(DEATH.test(text)).toBe(true);
    const sensitive = isSensitive({ line: 'membership', customerBereaved: false }) || DEATH.test(text);
    const list = rank({ line: 'membership', text, sensitive });
    expect(list.length).toBeGreaterThan(0);
    const byId = new Map(catalogue.map((i) => [i.id, i]));
    expect(list.every((s) => byId.get(s.itemId)!.bereavementSuitable)).toBe(true);
    expect(list.map((s) => s.itemId)).not.toContain('baby-welcome-box');
    expect(list[0]!.tone).toBe('condolence');
  });

  it('reads the troubles on a case, and only real deaths as deaths', () => {
    expect(readCase('Delivery two hours late').troubles).toContain('delivery');
    expect(readCase('Wrong price charged at the till').troubles).toContain('billing');
    expect(readCase('Change of address').troubles).toEqual([]);
    expect(DEATH.test('Her late husband’s account')).toBe(true);
    expect(DEATH.test('Delivery was late')).toBe(false);
    const cake = catalogue.find((i) => i.id === 'birthday-cake-voucher')!;
    expect(troubleFit(cake, readCase('Refund for a spoiled loaf')).score).toBeLessThan(0);
  });
});
