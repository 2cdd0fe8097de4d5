import { describe, expect, it } from 'vitest';
import { catalogueItem } from '../../shared/schemas/catalogue';
import { describeProblems } from '../../shared/schemas/common';
import { problemsByField, withConflictOn } from '../../renderer/features/catalogue/fieldProblems';
import { draftFrom, itemFromDraft, keyFrom, newDraft, referenceFrom } from '../../renderer/features/catalogue/itemDraft';
import { amountRange, linesText, monthLabel } from '../../renderer/features/catalogue/labels';
import { parsePounds, parseWhole, penceToPounds } from '../../renderer/features/catalogue/pounds';

const pence = (typed: string) => {
  const r = parsePounds(typed);
  return r.ok ? r.pence : r.message;
};

describe('pounds typed by an admin become whole pence', () => {
  it('reads the ways people write money', () => {
    expect(pence('25')).toBe(2500);
    expect(pence('12.5')).toBe(1250);
    expect(pence('12.50')).toBe(1250);
    expect(pence('£150')).toBe(15000);
    expect(pence(' £ 1,000.05 ')).toBe(100005);
    expect(pence('0')).toBe(0);
    expect(pence('.5')).toMatch(/Enter an amount/);
  });

  it('never goes through floating point', () => {
    // 19.99 * 100 is 1998.9999999999998 in floating point.
    expect(pence('19.99')).toBe(1999);
    expect(pence('0.29')).toBe(29);
    expect(pence('1.15')).toBe(115);
  });

  it('refuses what is not an amount, with a reason', () => {
    expect(pence('')).toMatch(/Enter an amount/);
    expect(pence('abc')).toMatch(/Enter an amount/);
    expect(pence('-5')).toMatch(/negative/);
    expect(pence('12.345')).toMatch(/two decimal places/);
    expect(pence('1,00')).toMatch(/Enter an amount/);
    expect(pence('99999999')).toMatch(/too large/);
  });

  it('writes pence back as pounds an admin would type, and round-trips', () => {
    expect(penceToPounds(2500)).toBe('25');
    expect(penceToPounds(1250)).toBe('12.50');
    expect(penceToPounds(5)).toBe('0.05');
    for (const p of [0, 1, 99, 100, 1999, 2500, 123456]) expect(pence(penceToPounds(p))).toBe(p);
  });

  it('reads whole days and hours within bounds', () => {
    expect(parseWhole('365', 1, 3660)).toEqual({ ok: true, value: 365 });
    expect(parseWhole('0', 1, 10)).toMatchObject({ ok: false });
    expect(parseWhole('1.5', 1, 10)).toMatchObject({ ok: false, message: 'Enter a whole number.' });
  });
});

describe('an item in the admin’s form', () => {
  it('makes a reference from the name and a template key from a field label', () => {
    expect(referenceFrom('Garden centre voucher')).toBe('garden-centre-voucher');
    expect(referenceFrom('  Café & crème — 2 for 1! ')).toBe('cafe-creme-2-for-1');
    expect(keyFrom('Child’s age')).toBe('childsAge');
    expect(keyFrom('Interests (what they love)')).toBe('interestsWhatTheyLove');
    expect(keyFrom('2nd line')).toBe('ndLine');
  });

  it('turns a draft into an item the shared schema accepts, amounts in pence', () => {
    const draft = {
      ...newDraft(),
      id: 'dressing-up-box',
      name: 'Dressing-up box',
      kind: 'gift' as const,
      tone: 'celebratory' as const,
      minPounds: '15',
      maxPounds: '35.50',
      tags: 'child, costume, ',
      templates: [{ uid: 't', text: 'Dear {recipientName}, for {childAge}.' }],
      fulfilment: 'partner_gift_supplier',
    };
    draft.fields.push({ uid: 'f', key: 'childAge', label: 'Child’s age', kind: 'number', required: false, options: '' });
    const built = itemFromDraft(draft);
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    expect(built.item).toMatchObject({ minPence: 1500, maxPence: 3550, tags: ['child', 'costume'] });
    expect(catalogueItem.safeParse(built.item).success).toBe(true);
    expect(draftFrom(catalogueItem.parse(built.item))).toMatchObject({
      minPounds: '15',
      maxPounds: '35.50',
      tags: 'child, costume',
    });
  });

  it('stops before sending when the pounds, a choice, a key or a template cannot work', () => {
    const draft = newDraft();
    draft.minPounds = 'ten';
    draft.maxPounds = '20';
    draft.fields.push({ uid: 'a', key: 'colour', label: 'Colour', kind: 'choice', required: false, options: ' , ' });
    draft.fields.push({ uid: 'b', key: 'message', label: 'Again', kind: 'text', required: false, options: '' });
    draft.templates = [
      { uid: 't', text: 'Dear {recipientName}, happy {birthday}' },
      { uid: 'u', text: '  ' },
    ];
    const built = itemFromDraft(draft);
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.problems.map((p) => p.path)).toEqual([
      'minPence',
      'fields.2.options',
      'fields.3.key',
      'templates.0',
      'templates.1',
    ]);
    expect(built.problems[3]!.message).toContain('{birthday}');
  });
});

describe('problems reported by the hub or the desktop land on their fields', () => {
  const known = [
    'name',
    'bereavementSuitable',
    'maxPence',
    'lines',
    'fields.0',
    'fields.1',
    'templates.0',
    'limits.advisorPence',
  ];

  it('places nested paths on their nearest field and rewrites schema wording', () => {
    const celebratory = catalogueItem.safeParse({
      ...itemFromDraftOk(),
      tone: 'celebratory',
      bereavementSuitable: true,
      name: 'x',
      lines: [],
    });
    if (celebratory.success) throw new Error('the schema should refuse this');
    const wrapped = describeProblems(celebratory.error).map((p) => ({ ...p, path: `item.${p.path}` }));
    const { byField, other } = problemsByField(wrapped, known, 'item.');
    expect(byField.bereavementSuitable).toBe('A celebratory item is never suitable after a bereavement');
    expect(byField.name).toBe('Enter at least 2 characters.');
    expect(byField.lines).toBe('Choose at least one.');
    expect(other).toEqual([]);
    expect(problemsByField([{ path: 'fields.1.key', message: 'bad' }], known).byField).toEqual({ 'fields.1': 'Bad' });
    expect(problemsByField([{ path: 'limits.advisorPence', message: 'above the supervisor limit' }], known).byField).toEqual({
      'limits.advisorPence': 'Above the supervisor limit',
    });
    expect(problemsByField([{ path: 'sites', message: 'unknown site x' }], known).other).toEqual([
      { path: 'sites', message: 'Unknown site x' },
    ]);
  });

  it('puts a duplicate-reference conflict on the reference field', () => {
    expect(withConflictOn({ code: 'conflict', message: 'A catalogue item with that id exists.' }, 'id')).toEqual([
      { path: 'id', message: 'A catalogue item with that id exists.' },
    ]);
    expect(withConflictOn({ code: 'hub_unreachable', message: 'x' }, 'id')).toBeUndefined();
  });
});

describe('labels in the catalogue table', () => {
  it('says amounts, lines and months in en-GB', () => {
    expect(amountRange(1500, 3000)).toBe('£15.00 to £30.00');
    expect(amountRange(2000, 2000)).toBe('£20.00');
    expect(amountRange(0, 0)).toBe('No charge');
    expect(linesText(['membership', 'food', 'funeralcare'])).toBe('All lines');
    expect(linesText(['membership', 'food'])).toBe('Food, Membership');
    expect(monthLabel('2026-11')).toBe('November 2026');
  });
});

function itemFromDraftOk() {
  const built = itemFromDraft({
    ...newDraft(),
    id: 'ok-item',
    name: 'OK item',
    minPounds: '1',
    maxPounds: '2',
    fulfilment: 'account_credit',
  });
  if (!built.ok) throw new Error('draft should build');
  return built.item;
}
