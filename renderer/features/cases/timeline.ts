import type { CustomerCard } from '../../../shared/contract/calls';
import type { GestureRequestView } from '../../../shared/schemas/gestures';

/** One thing that happened with a customer, at any site: a case opened, a note, a gesture. */
export type TimelineItem =
  | { kind: 'case'; at: number; key: string; case: CustomerCard['cases'][number] }
  | { kind: 'note'; at: number; key: string; note: CustomerCard['notes'][number]; caseId: string | null }
  | { kind: 'gesture'; at: number; key: string; gesture: GestureRequestView };

/** Cases, notes and gestures in one list, newest first. */
export function customerTimeline(card: CustomerCard, gestures: GestureRequestView[]): TimelineItem[] {
  const caseIds = new Map(card.cases.map((c) => [c.reference, c.id]));
  const items: TimelineItem[] = [
    ...card.cases.map((c): TimelineItem => ({ kind: 'case', at: c.openedAt, key: `c-${c.id}`, case: c })),
    ...card.notes.map(
      (n, i): TimelineItem => ({ kind: 'note', at: n.createdAt, key: `n-${n.caseReference}-${n.createdAt}-${i}`, note: n, caseId: caseIds.get(n.caseReference) ?? null }),
    ),
    ...gestures.map((g): TimelineItem => ({ kind: 'gesture', at: g.createdAt, key: `g-${g.id}`, gesture: g })),
  ];
  return items.sort((a, b) => b.at - a.at);
}
