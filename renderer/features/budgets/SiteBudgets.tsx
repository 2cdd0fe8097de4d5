import type { BudgetReport } from '../../../shared/schemas/gestures';
import { Badge } from '../../ui/Badge';
import { formatCount, formatPence } from '../../ui/format';

type SiteSpend = BudgetReport['sites'][number];

const percentOf = (part: number, whole: number) => (whole > 0 ? Math.min(100, Math.max(0, (part / whole) * 100)) : 0);

function describe(site: SiteSpend): string {
  const spend = `${formatPence(site.committedPence)} committed and ${formatPence(site.reservedPence)} reserved`;
  if (site.budgetPence <= 0) return `${site.siteName}: ${spend}; no budget set for this period`;
  const left = site.leftPence < 0 ? `over budget by ${formatPence(-site.leftPence)}` : `${formatPence(site.leftPence)} left`;
  return `${site.siteName}: ${spend} of ${formatPence(site.budgetPence)}; ${left}`;
}

function usedLine(site: SiteSpend): string {
  if (site.budgetPence <= 0) return 'No budget set for this period';
  const used = Math.round(((site.committedPence + site.reservedPence) / site.budgetPence) * 100);
  return `${used}% of budget used`;
}

/** "Partner · Northpoint Contact", unless the site's own name already says who the partner is. */
function partnerLabel(site: SiteSpend): string {
  return site.partnerName && !site.siteName.includes(site.partnerName) ? `Partner · ${site.partnerName}` : 'Partner';
}

function SiteBudget({ site }: { site: SiteSpend }) {
  const headingId = `site-budget-${site.siteId}`;
  const over = site.leftPence < 0;
  // Widths are shares of the site's own budget: how far through it the site is, whatever its size.
  const committed = percentOf(site.committedPence, site.budgetPence);
  const reserved = Math.min(percentOf(site.reservedPence, site.budgetPence), 100 - committed);
  return (
    <article className="site-budget" aria-labelledby={headingId} data-site={site.siteId}>
      <header className="site-budget-header">
        <h4 id={headingId} className="site-budget-name">
          {site.siteName}
        </h4>
        {site.siteKind === 'partner' ? <Badge tone="calm">{partnerLabel(site)}</Badge> : <Badge tone="primary">In-house</Badge>}
      </header>
      <div className="budget-bar" role="img" aria-label={describe(site)}>
        <span className="budget-bar-committed" style={{ width: `${committed}%` }} />
        <span className="budget-bar-reserved" style={{ width: `${reserved}%` }} />
      </div>
      <p className={over ? 'site-budget-used site-budget-over' : 'site-budget-used'}>{usedLine(site)}</p>
      <dl className="site-budget-figures">
        <div>
          <dt>Committed</dt>
          <dd>{formatPence(site.committedPence)}</dd>
        </div>
        <div>
          <dt>Reserved</dt>
          <dd>{formatPence(site.reservedPence)}</dd>
        </div>
        <div className={over ? 'site-budget-over' : undefined}>
          <dt>{over ? 'Over by' : 'Left'}</dt>
          <dd>{formatPence(Math.abs(site.leftPence))}</dd>
        </div>
        <div>
          <dt>Budget</dt>
          <dd>{formatPence(site.budgetPence)}</dd>
        </div>
      </dl>
      <p className="site-budget-requests">
        {formatCount(site.requests)} {site.requests === 1 ? 'request' : 'requests'}
      </p>
    </article>
  );
}

/** Every site's spend against its own budget, in-house first, partners beside it. */
export function SiteBudgets({ sites }: { sites: SiteSpend[] }) {
  return (
    <div className="site-budgets">
      {sites.map((site) => (
        <SiteBudget key={site.siteId} site={site} />
      ))}
    </div>
  );
}

/** What the bar colours mean, once for every site's bar. */
export function BudgetKey() {
  return (
    <ul className="budget-key" aria-hidden="true">
      <li>
        <span className="budget-swatch budget-bar-committed" /> Committed (approved)
      </li>
      <li>
        <span className="budget-swatch budget-bar-reserved" /> Reserved (awaiting approval)
      </li>
      <li>
        <span className="budget-swatch budget-swatch-left" /> Left
      </li>
    </ul>
  );
}
