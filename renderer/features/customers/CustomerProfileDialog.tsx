import { useState } from 'react';
import type { CustomerView } from '../../../shared/schemas/customers';
import { changeCustomer, useCustomerActions, useCustomerProfile, useProfileId, useSignedIn, customerChanged } from '../../state';
import { Loaded } from '../../ui/Loaded';
import { formatPhoneForReading } from '../../ui/phone';
import { ModalDialog } from '../settings/ModalDialog';
import { ContactForm, contactValues, type ContactValues } from './ContactForm';
import { FlagBadges } from './FlagBadges';
import { FlagsSection } from './FlagsSection';
import { ProfileTimeline } from './ProfileTimeline';
import './customers.css';

/** Every box is sent: an emptied box clears that detail. */
const allDetails = (v: ContactValues) => Object.fromEntries(Object.entries(v).map(([k, value]) => [k, value.trim()]));

function Contact({ customer, canEdit }: { customer: CustomerView; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <ContactForm
        label="Contact details"
        submitLabel="Save details"
        initial={contactValues(customer)}
        onCancel={() => setEditing(false)}
        onSubmit={async (values) => {
          const done = await changeCustomer('customers.update', { customerId: customer.id, ...allDetails(values) });
          if (!done.ok) return done.error;
          setEditing(false);
          return null;
        }}
      />
    );
  }
  const facts: [string, string | null][] = [
    ['Phone', customer.phone ? formatPhoneForReading(customer.phone) : null],
    ['Other phone', customer.phoneAlt ? formatPhoneForReading(customer.phoneAlt) : null],
    ['Email', customer.email],
    ['Postcode', customer.postcode],
    ['Address', customer.address],
    ['Membership number', customer.membershipNumber],
  ];
  return (
    <section className="profile-section" aria-label="Contact details">
      <dl className="profile-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value ?? <span className="muted">None</span>}</dd>
          </div>
        ))}
      </dl>
      {canEdit ? (
        <button type="button" className="button button-secondary button-small" onClick={() => setEditing(true)}>
          Edit contact details
        </button>
      ) : null}
    </section>
  );
}

/** A customer's whole picture: details, the flags that follow them, and their timeline from every site. */
export function CustomerProfileDialog() {
  const customerId = useProfileId();
  const { closeProfile } = useCustomerActions();
  const profile = useCustomerProfile(customerId);
  const role = useSignedIn()?.user.role;
  const canEdit = role === 'advisor' || role === 'supervisor';
  const name = 'data' in profile ? profile.data?.customer.name : undefined;
  return (
    <ModalDialog
      title={name ? `Customer: ${name}` : 'Customer'}
      open={customerId !== null}
      onClose={closeProfile}
      className="customer-dialog customer-profile"
    >
      {customerId ? (
        <Loaded
          value={profile}
          loadingLabel="Loading the customer…"
          errorTitle="The customer could not be loaded."
          onRetry={customerChanged}
        >
          {({ customer, timeline }) => (
            <div className="profile-layout">
              <div className="profile-side">
                <p className="profile-badges">
                  <FlagBadges customer={customer} />
                </p>
                <Contact key={customer.id} customer={customer} canEdit={canEdit} />
                <FlagsSection customer={customer} canEdit={canEdit} />
              </div>
              <section className="profile-timeline" aria-label="Timeline">
                <h3 className="list-title">Timeline from every site and channel</h3>
                <ProfileTimeline entries={timeline} title={customer.name} onOpenCase={closeProfile} />
              </section>
            </div>
          )}
        </Loaded>
      ) : null}
    </ModalDialog>
  );
}
