import { useId, useState, type FormEvent } from 'react';
import type { BridgeError } from '../../../shared/contract/envelope';
import { COMMON_NEEDS, type CustomerView } from '../../../shared/schemas/customers';
import { changeCustomer } from '../../state';
import { DateTime } from '../../ui/DateTime';
import { InlineError } from '../../ui/States';
import { BereavementForm } from './BereavementForm';
import { SERVICE_LABELS, ukDate } from './labels';

function Bereavement({ customer, canEdit }: { customer: CustomerView; canEdit: boolean }) {
  const [recording, setRecording] = useState(false);
  if (customer.flags.bereaved) {
    const parts = [
      customer.bereavementService ? SERVICE_LABELS[customer.bereavementService] : null,
      customer.bereavementRef ? `reference ${customer.bereavementRef}` : 'no reference given',
      customer.bereavementDate ? `died ${ukDate(customer.bereavementDate)}` : null,
    ].filter(Boolean);
    return (
      <p className="profile-flag">
        <strong>Bereaved.</strong> {parts.join(', ')}.{' '}
        {customer.bereavedAt ? (
          <span className="muted">
            Recorded <DateTime ms={customer.bereavedAt} />.
          </span>
        ) : null}
      </p>
    );
  }
  if (recording)
    return (
      <BereavementForm
        customerId={customer.id}
        customerName={customer.name}
        onDone={() => setRecording(false)}
        onCancel={() => setRecording(false)}
      />
    );
  return (
    <p className="profile-flag">
      No bereavement recorded.{' '}
      {canEdit ? (
        <button type="button" className="button button-secondary button-small" onClick={() => setRecording(true)}>
          Record a bereavement
        </button>
      ) : null}
    </p>
  );
}

/** Needs recorded once, so the customer never has to say them again. */
function Vulnerability({ customer, canEdit }: { customer: CustomerView; canEdit: boolean }) {
  const id = useId();
  const [vulnerable, setVulnerable] = useState(customer.flags.vulnerable);
  const [needs, setNeeds] = useState<string[]>(customer.vulnerabilityNeeds);
  const [note, setNote] = useState(customer.vulnerabilityNote ?? '');
  const [error, setError] = useState<BridgeError | null>(null);
  const [saved, setSaved] = useState(false);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const done = await changeCustomer('customers.setVulnerability', {
      customerId: customer.id,
      vulnerable,
      needs,
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    setError(done.ok ? null : done.error);
    setSaved(done.ok);
  };
  return (
    <form className="profile-needs" aria-label="Vulnerability and needs" onSubmit={(e) => void save(e)}>
      <label className="check">
        <input type="checkbox" checked={vulnerable} disabled={!canEdit} onChange={(e) => setVulnerable(e.target.checked)} />{' '}
        Vulnerable
      </label>
      {vulnerable ? (
        <fieldset className="profile-needs-list">
          <legend className="field-label">Needs</legend>
          {COMMON_NEEDS.map((need) => (
            <label key={need} className="check">
              <input
                type="checkbox"
                disabled={!canEdit}
                checked={needs.includes(need)}
                onChange={(e) => setNeeds(e.target.checked ? [...needs, need] : needs.filter((n) => n !== need))}
              />{' '}
              {need}
            </label>
          ))}
          <label className="field-label" htmlFor={`${id}-note`}>
            In their words <span className="field-optional">(optional)</span>
          </label>
          <input
            id={`${id}-note`}
            className="input"
            maxLength={500}
            disabled={!canEdit}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </fieldset>
      ) : null}
      {error ? <InlineError error={error} lead="Not saved" /> : null}
      {canEdit ? (
        <button type="submit" className="button button-secondary button-small">
          Save needs
        </button>
      ) : null}
      {saved ? (
        <span role="status" className="muted">
          {' '}
          Saved for every site.
        </span>
      ) : null}
    </form>
  );
}

function Suppressions({ customer, canEdit }: { customer: CustomerView; canEdit: boolean }) {
  const [error, setError] = useState<BridgeError | null>(null);
  const locked = customer.flags.bereaved;
  const set = async (marketing: boolean, surveys: boolean) => {
    const done = await changeCustomer('customers.setSuppressions', { customerId: customer.id, marketing, surveys });
    setError(done.ok ? null : done.error);
  };
  const { marketingSuppressed: marketing, surveysSuppressed: surveys } = customer.flags;
  return (
    <div className="profile-suppressions">
      <label className="check">
        <input
          type="checkbox"
          checked={marketing}
          disabled={!canEdit || locked}
          onChange={(e) => void set(e.target.checked, surveys)}
        />{' '}
        No marketing
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={surveys}
          disabled={!canEdit || locked}
          onChange={(e) => void set(marketing, e.target.checked)}
        />{' '}
        No satisfaction surveys
      </label>
      {locked ? <span className="muted"> Always off after a bereavement.</span> : null}
      {error ? <InlineError error={error} lead="Not saved" /> : null}
    </div>
  );
}

/** The flags that follow the person to every site and line. */
export function FlagsSection({ customer, canEdit }: { customer: CustomerView; canEdit: boolean }) {
  return (
    <section className="profile-section" aria-label="Flags">
      <h3 className="list-title">Flags that follow them</h3>
      <Bereavement customer={customer} canEdit={canEdit} />
      <Vulnerability
        key={`${customer.id}-${customer.vulnerabilityNeeds.join('|')}-${String(customer.flags.vulnerable)}`}
        customer={customer}
        canEdit={canEdit}
      />
      <Suppressions customer={customer} canEdit={canEdit} />
    </section>
  );
}
