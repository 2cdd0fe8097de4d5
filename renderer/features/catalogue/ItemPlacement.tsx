import type { SiteView } from '../../../shared/schemas/accounts';
import { describedBy, Field } from '../../ui/Field';
import { ChoiceList } from './ChoiceList';
import type { ItemDraft } from './itemDraft';
import { LINE_CHOICES, routeLabel } from './labels';

interface Props {
  draft: ItemDraft;
  sites: SiteView[];
  routes: string[];
  problem(field: string): string | undefined;
  change(field: string, patch: Partial<ItemDraft>): void;
}

/** Where and how an item is offered: bereavement suitability, lines, sites, fulfilment and tags. */
export function ItemPlacement({ draft, sites, routes, problem, change }: Props) {
  return (
    <>
      <div className="field">
        <label className="check">
          <input
            type="checkbox"
            checked={draft.bereavementSuitable}
            onChange={(e) => change('bereavementSuitable', { bereavementSuitable: e.target.checked })}
            {...describedBy('item-bereavementSuitable', true, problem('bereavementSuitable'))}
          />
          Suitable after a bereavement
        </label>
        <span className="field-hint" id="item-bereavementSuitable-hint">
          Only suitable items are offered on funeral-care cases and to bereaved customers. A celebratory item never is.
        </span>
        {problem('bereavementSuitable') ? (
          <span className="field-problem" id="item-bereavementSuitable-problem">
            {problem('bereavementSuitable')}
          </span>
        ) : null}
      </div>
      <div className="publish-row item-row-where">
        <ChoiceList
          id="item-lines"
          legend="Lines"
          choices={LINE_CHOICES}
          chosen={draft.lines}
          problem={problem('lines')}
          onChange={(lines) => change('lines', { lines: lines as ItemDraft['lines'] })}
        />
        <ChoiceList
          id="item-sites"
          legend="Sites"
          hint="Tick none to offer it at every site."
          choices={sites.map((s) => ({ value: s.id, label: s.name }))}
          chosen={draft.sites}
          problem={problem('sites')}
          onChange={(chosen) => change('sites', { sites: chosen })}
        />
      </div>
      <div className="publish-row">
        <Field
          id="item-fulfilment"
          label="Fulfilment route"
          hint="Who sends it, for example partner_gift_supplier."
          problem={problem('fulfilment')}
        >
          <input
            className="input mono"
            list="item-routes"
            value={draft.fulfilment}
            onChange={(e) => change('fulfilment', { fulfilment: e.target.value })}
            {...describedBy('item-fulfilment', true, problem('fulfilment'))}
          />
          <datalist id="item-routes">
            {routes.map((r) => (
              <option key={r} value={r} label={routeLabel(r)} />
            ))}
          </datalist>
        </Field>
        <Field
          id="item-tags"
          label="Tags"
          hint="Words that help suggestions find it, separated by commas."
          problem={problem('tags')}
        >
          <input
            className="input"
            value={draft.tags}
            onChange={(e) => change('tags', { tags: e.target.value })}
            {...describedBy('item-tags', true, problem('tags'))}
          />
        </Field>
      </div>
    </>
  );
}
