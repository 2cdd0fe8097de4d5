import type { SiteView } from '../../../shared/schemas/accounts';
import type { CatalogueItem } from '../../../shared/schemas/catalogue';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { amountRange, KIND_LABELS, linesText, sitesText, TONE_LABELS } from './labels';

const TONE_BADGE: Record<CatalogueItem['tone'], BadgeTone> = { celebratory: 'primary', neutral: 'neutral', condolence: 'calm' };

interface Props {
  items: CatalogueItem[];
  sites: SiteView[];
  onEdit(item: CatalogueItem): void;
  onRetire(item: CatalogueItem): void;
  /** The form is open: one edit at a time. */
  busy: boolean;
}

/** One row per item; the buttons name their item so a screen reader hears "Edit Picnic box". */
export function CatalogueTable({ items, sites, onEdit, onRetire, busy }: Props) {
  return (
    <div className="table-wrap admin-scroll catalogue-scroll">
      <table className="table table-compact catalogue-table">
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Kind</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col">Tone</th>
            <th scope="col">Bereavement</th>
            <th scope="col">Lines</th>
            <th scope="col">Sites</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} data-item={item.id}>
              <th scope="row" className="catalogue-name">
                {item.name}
                <span className="catalogue-sub mono">{item.id}</span>
              </th>
              <td>{KIND_LABELS[item.kind]}</td>
              <td className="nowrap num">{amountRange(item.minPence, item.maxPence)}</td>
              <td>
                <Badge tone={TONE_BADGE[item.tone]}>{TONE_LABELS[item.tone]}</Badge>
              </td>
              <td>
                {item.bereavementSuitable ? <Badge tone="calm">Suitable</Badge> : <span className="muted">Not suitable</span>}
              </td>
              <td>{linesText(item.lines)}</td>
              <td className={item.sites.length === 0 ? 'nowrap' : undefined}>{sitesText(item.sites, sites)}</td>
              <td>{item.retired ? <Badge tone="neutral">Retired</Badge> : <Badge tone="good">Active</Badge>}</td>
              <td className="catalogue-actions">
                <button
                  type="button"
                  className="button button-secondary button-small"
                  aria-label={`Edit ${item.name}`}
                  onClick={() => onEdit(item)}
                  disabled={busy}
                >
                  Edit
                </button>
                {item.retired ? null : (
                  <button
                    type="button"
                    className="button button-quiet button-small"
                    aria-label={`Retire ${item.name}`}
                    onClick={() => onRetire(item)}
                  >
                    Retire
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
