import { isSensitive, monthOf, SENSITIVE_SUPPRESSIONS, suitability } from '../../shared/gestures/policy';
import type { Line } from '../../shared/roles';
import type { SuggestionView, SuggestionsView } from '../../shared/schemas/gestures';
import type { Db } from '../db/types';
import { notFound } from '../http/errors';
import type { Actor } from '../http/router';
import { activeItems, type Item } from './catalogue';
import { customerSpend, ensureMonthlyBudgets, loadSettings, readBudget } from './store';

const CHILD = /\b(child|children|son|daughter|kids?|toddler|baby|grandson|granddaughter|little (boy|girl|one)|aged \d{1,2})\b/i;
const DEATH = /\b(died|passed away|death|funeral|bereave\w*|deceased|late (husband|wife|mother|father|mum|dad|partner))\b/i;
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
  sensitive: boolean;
  pastItemIds: readonly string[];
  pastKinds: readonly string[];
  advisorLimitPence: number;
  /** The most that can still be spent for this customer and site right now. */
  headroomPence: number;
}

/**
 * Ranks the catalogue for one case: what went wrong (line, wrap-up, subject and notes), who the
 * customer is (a child mentioned, a bereavement, what they had before). Items an advisor can give
 * at once come first, so the common case needs no approval.
 */
export function rankItems(items: readonly Item[], s: CaseSignals, siteId: string): SuggestionView[] {
  const caseTerms = terms(s.text);
  const child = CHILD.test(s.text);
  const death = DEATH.test(s.text);
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
    if (child && item.tags.some((t) => FAMILY_TAGS.has(t))) {
      score += 4;
      why.push('A child is mentioned on the case');
    }
    if (s.sensitive || death) {
      if (item.tone === 'condolence') {
        score += 3;
        why.push('Considerate after a bereavement');
      }
      if (death && !s.sensitive && item.tone === 'celebratory') score -= 5;
    } else if (item.tone === 'condolence') {
      score -= 3;
    }
    if (s.pastItemIds.includes(item.id)) {
      score -= 4;
      why.push('Already given to this customer');
    } else if (s.pastKinds.includes(item.kind)) {
      score -= 1;
    }
    const ceiling = Math.min(item.maxPence, s.headroomPence, Math.max(s.advisorLimitPence, item.minPence));
    ranked.push({
      itemId: item.id,
      name: item.name,
      kind: item.kind,
      tone: item.tone,
      minPence: item.minPence,
      maxPence: item.maxPence,
      suggestedAmountPence: Math.max(item.minPence, ceiling),
      withinAdvisorLimit: item.minPence <= s.advisorLimitPence,
      score,
      why,
      templates: item.templates,
      description: item.description,
      fields: item.fields,
    });
  }
  return ranked.sort((a, b) => Number(b.withinAdvisorLimit) - Number(a.withinAdvisorLimit) || b.score - a.score || a.name.localeCompare(b.name));
}

export async function suggestionsForCase(db: Db, actor: Actor, caseId: string): Promise<SuggestionsView> {
  const c = await db.get<{ id: string; line: Line; subject: string; customer_id: string | null; bereaved: number | null; label: string | null }>(
    `SELECT c.id, c.line, c.subject, c.customer_id, cu.bereaved, w.label FROM cases c
     LEFT JOIN customers cu ON cu.id = c.customer_id LEFT JOIN wrapup_codes w ON w.id = c.wrapup_code WHERE c.id = ?`,
    [caseId],
  );
  if (!c) throw notFound('That case');
  const month = monthOf(Date.now());
  await ensureMonthlyBudgets(db, month);
  const settings = await loadSettings(db);
  const notes = await db.all<{ body: string }>('SELECT body FROM case_notes WHERE case_id = ? ORDER BY created_at DESC LIMIT 20', [c.id]);
  const past = c.customer_id
    ? await db.all<{ item_id: string; item_kind: string }>(
        "SELECT item_id, item_kind FROM gesture_requests WHERE customer_id = ? AND status IN ('pending', 'approved')",
        [c.customer_id],
      )
    : [];
  const used = c.customer_id ? await customerSpend(db, c.customer_id, settings.capWindowDays) : 0;
  const capLeft = Math.max(0, settings.customerCapPence - used);
  const budget = (await readBudget(db, actor.siteId, month))!;
  const sensitive = isSensitive({ line: c.line, customerBereaved: Boolean(Number(c.bereaved ?? 0)) });
  const text = [c.subject, c.label ?? '', ...notes.map((n) => n.body)].join('\n');
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
    caseId: c.id,
    sensitive,
    suppress: sensitive ? { ...SENSITIVE_SUPPRESSIONS } : { marketing: false, surveys: false, upsell: false },
    childMentioned: CHILD.test(text),
    advisorLimitPence: settings.limits.advisorPence,
    supervisorLimitPence: settings.limits.supervisorPence,
    customerCap: c.customer_id ? { capPence: settings.customerCapPence, usedPence: used, leftPence: capLeft } : null,
    budget,
    // Every item that fits, best first: the desktop shows the top few and the rest on request.
    suggestions: suggestions.slice(0, 60),
  };
}
