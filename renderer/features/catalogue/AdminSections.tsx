import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { AuditLog } from '../admin/AuditLog';
import { GoodwillSpend } from '../budgets/GoodwillSpend';
import { BudgetsCard } from './BudgetsCard';
import { CatalogueCard } from './CatalogueCard';
import { LimitsCard } from './LimitsCard';
import './catalogue.css';
import './limits.css';

const ALL_SECTIONS = [
  { id: 'knowledge', label: 'People and flags' },
  { id: 'catalogue', label: 'Goodwill catalogue' },
  { id: 'publishing', label: 'Knowledge' },
  { id: 'cases', label: 'Wrap-up and templates' },
  { id: 'limits', label: 'Spend, limits and budgets' },
  { id: 'audit', label: 'Audit log' },
  { id: 'privacy', label: 'Data protection' },
] as const;
type SectionId = (typeof ALL_SECTIONS)[number]['id'];
/** A site admin runs their site's people, budget and audit; the catalogue and limits are the head of service's. */
const ORG_ONLY: readonly SectionId[] = ['catalogue', 'publishing', 'cases', 'privacy'];
const SITE_SECTIONS = ALL_SECTIONS.filter((s) => !ORG_ONLY.includes(s.id)).map((s) =>
  s.id === 'knowledge' ? { ...s, label: 'People' } : s,
);

/**
 * The admin's work in tabs, so no one screen is a long scroll. Arrow keys, Home and End move
 * between tabs (one Tab stop for the whole row), as the ARIA tabs pattern describes.
 */
export function AdminSections({
  knowledge,
  publishing,
  caseLists,
  privacy,
  orgAdmin,
}: {
  knowledge: ReactNode;
  publishing?: ReactNode;
  caseLists?: ReactNode;
  privacy?: ReactNode;
  orgAdmin: boolean;
}) {
  const SECTIONS = orgAdmin ? ALL_SECTIONS : SITE_SECTIONS;
  const [active, setActive] = useState<SectionId>('knowledge');
  const tabs = useRef<Partial<Record<SectionId, HTMLButtonElement | null>>>({});

  const go = (index: number) => {
    const next = SECTIONS[(index + SECTIONS.length) % SECTIONS.length]!.id;
    setActive(next);
    tabs.current[next]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = SECTIONS.findIndex((s) => s.id === active);
    const moves: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: SECTIONS.length - 1 };
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    go(to);
  };

  return (
    <div className="admin-sections" data-wide={active !== 'knowledge'}>
      <div className="admin-tabs" role="tablist" aria-label="Admin sections" onKeyDown={onKeyDown}>
        {SECTIONS.map((s) => (
          <button
            key={s.id}
            ref={(el) => {
              tabs.current[s.id] = el;
            }}
            type="button"
            role="tab"
            id={`admin-tab-${s.id}`}
            aria-selected={active === s.id}
            aria-controls={`admin-panel-${s.id}`}
            tabIndex={active === s.id ? 0 : -1}
            className="admin-tab"
            onClick={() => setActive(s.id)}
          >
            {s.label}
          </button>
        ))}
      </div>
      <div className="admin admin-panel" role="tabpanel" id={`admin-panel-${active}`} aria-labelledby={`admin-tab-${active}`}>
        {active === 'knowledge' ? knowledge : null}
        {active === 'publishing' ? publishing : null}
        {active === 'cases' ? caseLists : null}
        {active === 'catalogue' ? <CatalogueCard /> : null}
        {active === 'limits' ? (
          <>
            <GoodwillSpend />
            {orgAdmin ? <LimitsCard /> : null}
            <BudgetsCard />
          </>
        ) : null}
        {active === 'audit' ? <AuditLog /> : null}
        {active === 'privacy' ? privacy : null}
      </div>
    </div>
  );
}
