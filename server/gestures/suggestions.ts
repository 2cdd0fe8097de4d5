import { monthOf, SENSITIVE_SUPPRESSIONS, suitability } from '../../shared/gestures/policy';
import type { Line } from '../../shared/roles';
import type { SuggestionView, SuggestionsView } from '../../shared/schemas/gestures';
import type { Db } from '../db/types';
import type { Actor } from '../http/router';
import { activeItems, type Item } from './catalogue';
import { readCase, troubleFit } from './fit';
import { caseSensitivity } from './sensitivity';
import { customerSpend, ensureMonthlyBudgets, loadSettings, readBudget } from './store';

const CHILD = /\b(child|children|son|daughter|kids?|toddler|baby|grandson|granddaughter|little (boy|girl|one)|aged \d{1,2})\b/i;
const FAMILY_TAGS = new Set(['child', 'kids', 'children', 'family', 'baby']);
const STOP = new Set(['the', 'and', 'for', 'with', 'was', 'were', 'has', 'had', 'not', 'but', 'our', 'her', 'his', 'their', 'they', 'this',
  'that', 'from', 'about', 'what', 'when', 'will', 'would', 'into', 'customer', 'asked', 'said', 'call', 'case']);

/** Crude but stable: lower case, words of three letters or more, a trailing plural `s` dropped. */
export function terms(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().split(/[^a-z]+/)) {
    if (w.length < 3 || STOP.has(w)) continue;
    out.add(w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);
  }
  return out;
}

export interface CaseSignals {
  line: Line;
  text: string;
  /** Bereaved customer, funeral care, or a case that says someone has died: bereavement-suitable items only. */
  sensitive: boolean;
  pastItemIds: readonly string[];
  pastKinds: readonly string[];
  advisorLimitPence: number;
  /** The most that can still be spent for this customer and site right now. */
  headroomPence: number;
}

/**
 * Ranks the catalogue for one case by how well each item fits: what went wrong (line, wrap-up,
 * subject and notes), who the customer is (a child mentioned, a bereavement, what they had
 * before). The advisor's limit does not decide the order: each item says whether its suggested
 * amount is within it, and ties go to the one that needs nobody's approval.
 */
export function rankItems(items: readonly Item[], s: CaseSignals, siteId: string): SuggestionView[] {
  const caseTerms = terms(s.text);
  const child = CHILD.test(s.text);
  const fit = readCase(s.text);
  const ranked: SuggestionView[] = [];
  for (const item of items) {
    if (!item.lines.includes(s.line) || (item.sites.length && !item.sites.includes(siteId))) continue;
    if (!suitability(item, s.sensitive).ok) continue;
    if (item.minPence > s.headroomPence) continue;
    const why: string[] = [];
    let score = 0;
    const matched = [...terms([...item.tags, item.name].join(' '))].filter((t) => caseTerms.has(t));
    if (matched.length) {
      score += 2 * matched.length;
      why.push(`Matches the case: ${matched.slice(0, 4).join(', ')}`);
    }
    const forTheChild = child && item.tags.some((t) => FAMILY_TAGS.has(t));
    if (forTheChild) {
      score += 6;
      why.push('A child is mentioned on the case');
    }
    if (s.sensitive) {
      if (item.tone === 'condolence') {
        score += 3;
        why.push('Considerate after a bereavement');
      }
    } else {
      const trouble = troubleFit(item, fit, forTheChild);
      score += trouble.score;
      why.push(...trouble.why);
      if (item.tone === 'condolence') score -= 3;
    }
    if (s.pastItemIds.includes(item.id)) {
      score -= 4;
      why.push('Already given to this customer');
    } else if (s.pastKinds.includes(item.kind)) {
      score -= 1;
    }
    const ceiling = Math.min(item.maxPence, s.headroomPence, Math.max(s.advisorLimitPence, item.minPence));
    const suggestedAmountPence = Math.max(item.minPence, ceiling);
    ranked.push({
      itemId: item.id,
      name: item.name,
      kind: item.kind,
      tone: item.tone,
      minPence: item.minPence,
      maxPence: item.maxPence,
      suggestedAmountPence,
      withinAdvisorLimit: suggestedAmountPence <= s.advisorLimitPence,
      score,
      why,
      templates: item.templates,
      description: item.description,
      fields: item.fields,
    });
  }
  return ranked.sort((a, b) => b.score - a.score || Number(b.withinAdvisorLimit) - Number(a.withinAdvisorLimit) || a.name.localeCompare(b.name));
}

export async function suggestionsForCase(db: Db, actor: Actor, caseId: string): Promise<SuggestionsView> {
  const c = await caseSensitivity(db, caseId);
  const month = monthOf(Date.now());
  await ensureMonthlyBudgets(db, month);
  const settings = await loadSettings(db);
  const past = c.customerId
    ? await db.all<{ item_id: string; item_kind: string }>(
        "SELECT item_id, item_kind FROM gesture_requests WHERE customer_id = ? AND status IN ('pending', 'approved')",
        [c.customerId],
      )
    : [];
  const used = c.customerId ? await customerSpend(db, c.customerId, settings.capWindowDays) : 0;
  const capLeft = Math.max(0, settings.customerCapPence - used);
  const budget = (await readBudget(db, actor.siteId, month))!;
  const { sensitive, text } = c;
  const suggestions = rankItems(
    await activeItems(db),
    {
      line: c.line,
      text,
      sensitive,
      pastItemIds: past.map((p) => p.item_id),
      pastKinds: past.map((p) => p.item_kind),
      advisorLimitPence: settings.limits.advisorPence,
      headroomPence: Math.min(capLeft, Math.max(0, budget.leftPence)),
    },
    actor.siteId,
  );
  return {
    caseId: c.caseId,
    sensitive,
    deathOnCase: c.deathOnCase,
    suppress: sensitive ? { ...SENSITIVE_SUPPRESSIONS } : { marketing: false, surveys: false, upsell: false },
    childMentioned: CHILD.test(text),
    advisorLimitPence: settings.limits.advisorPence,
    supervisorLimitPence: settings.limits.supervisorPence,
    customerCap: c.customerId ? { capPence: settings.customerCapPence, usedPence: used, leftPence: capLeft } : null,
    budget,
    // Every item that fits, best first: the desktop shows the top few and the rest on request.
    suggestions: suggestions.slice(0, 60),
  };
}
