import type { CallView, CustomerCard } from '../../../shared/contract/calls';
import { useCustomerActions } from '../../state';
import { Badge } from '../../ui/Badge';
import { formatPhoneForReading } from '../../ui/phone';
import { DialButton } from './DialButton';
import { attachedLabel } from './callText';
import { FlagBereavement } from './FlagBereavement';
import './caller.css';

/** IVR or bot hand-off data, shown whatever the lookup found: the caller already told the IVR this. */
function AttachedData({ attached }: { attached: Record<string, string> }) {
  const entries = Object.entries(attached).filter(([, value]) => value.trim() !== '');
  if (entries.length === 0) return null;
  return (
    <div className="caller-section">
      <h4 className="caller-subheading">From the phone menu</h4>
      <dl className="caller-facts">
        {entries.map(([key, value]) => (
          <div key={key} className="caller-fact">
            <dt>{attachedLabel(key)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function KnownCustomer({ card, sensitive }: { card: CustomerCard; sensitive: boolean }) {
  const { customer } = card;
  const { flags } = customer;
  const { openProfile } = useCustomerActions();
  return (
    <>
      <div className="caller-head">
        <h3 className="caller-name">{customer.name}</h3>
        <button type="button" className="button button-quiet button-small" onClick={() => openProfile(customer.id)}>
          Profile
        </button>
        <ul className="caller-badges" aria-label="Flags">
          {flags.bereaved ? (
            <li>
              <Badge tone="calm">Bereaved</Badge>
            </li>
          ) : null}
          {flags.vulnerable ? (
            <li>
              <Badge tone={sensitive ? 'calm' : 'warning'}>Vulnerable</Badge>
            </li>
          ) : null}
          {flags.marketingSuppressed ? (
            <li>
              <Badge>Marketing suppressed</Badge>
            </li>
          ) : null}
        </ul>
      </div>
      <dl className="caller-facts">
        <div className="caller-fact">
          <dt>Membership number</dt>
          <dd>{customer.membershipNumber ?? <span className="muted">None</span>}</dd>
        </div>
        <div className="caller-fact">
          <dt>Phone</dt>
          <dd>
            {customer.phone ? (
              <>
                {formatPhoneForReading(customer.phone)} <DialButton number={customer.phone} />
              </>
            ) : (
              <span className="muted">None</span>
            )}
          </dd>
        </div>
        {customer.postcode ? (
          <div className="caller-fact">
            <dt>Postcode</dt>
            <dd>{customer.postcode}</dd>
          </div>
        ) : null}
        {flags.bereaved || customer.bereavementRef ? (
          <div className="caller-fact">
            <dt>Bereavement reference</dt>
            <dd>{customer.bereavementRef ?? <span className="muted">None recorded</span>}</dd>
          </div>
        ) : null}
      </dl>
      {flags.vulnerable && customer.vulnerabilityNote ? (
        <p className="caller-need">
          <span className="caller-need-label">Vulnerable:</span> {customer.vulnerabilityNote}
        </p>
      ) : null}
      {flags.bereaved ? null : <FlagBereavement customerId={customer.id} customerName={customer.name} />}

    </>
  );
}

/** Placeholder blocks while the hub looks the number up, so the card does not jump when it lands. */
function Skeleton() {
  return (
    <div className="caller-skeleton" aria-busy="true">
      <span className="visually-hidden">Looking up the caller…</span>
      <span className="skeleton skeleton-title" aria-hidden="true" />
      <span className="skeleton skeleton-line" aria-hidden="true" />
      <span className="skeleton skeleton-line skeleton-short" aria-hidden="true" />
      <span className="skeleton skeleton-block" aria-hidden="true" />
    </div>
  );
}

/** Who is calling, before the advisor answers: the card every site shares, so nobody asks twice. */
export function CallerCard({ view }: { view: CallView }) {
  const number = formatPhoneForReading(view.caller);
  const body = () => {
    switch (view.lookup) {
      case 'pending':
        return <Skeleton />;
      case 'failed':
        return (
          <div className="caller-problem" role="alert">
            <h3 className="caller-name">{number}</h3>
            <p>Customer lookup failed — the hub may be offline.</p>
          </div>
        );
      case 'unknown':
        return (
          <>
            <div className="caller-head">
              <h3 className="caller-name">New customer</h3>
            </div>
            <dl className="caller-facts">
              <div className="caller-fact">
                <dt>Phone</dt>
                <dd>{number}</dd>
              </div>
            </dl>
            <p className="muted caller-empty">No customer has this number. Ask how you can help before asking for details.</p>
          </>
        );
      case 'found':
        return view.card ? <KnownCustomer card={view.card} sensitive={view.sensitive} /> : <Skeleton />;
    }
  };
  return (
    <section className="caller" aria-label="Caller">
      {body()}
      <AttachedData attached={view.call.attached} />
    </section>
  );
}
