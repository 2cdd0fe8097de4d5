import { useState } from 'react';
import { changeCustomer, useBereavementPrompt } from '../../state';
import { BereavementForm } from './BereavementForm';
import './customers.css';

/**
 * After a funeral-care call, or on a case that says someone has died: ask once whether to record
 * the bereavement on the customer. Answered either way, it does not come back for them anywhere.
 */
export function BereavementPrompt({ caseId, callInProgress }: { caseId: string; callInProgress: boolean }) {
  const found = useBereavementPrompt(caseId);
  const [recording, setRecording] = useState(false);
  const prompt = ('data' in found ? found.data?.prompt : null) ?? null;
  // After a funeral-care call: not while the caller is still talking about it.
  if (!prompt || (prompt.why === 'funeral_call' && callInProgress)) return null;
  return (
    <section className="bereavement-prompt" aria-label="Record a bereavement" role="region">
      {recording ? (
        <BereavementForm
          customerId={prompt.customerId}
          customerName={prompt.customerName}
          onDone={() => setRecording(false)}
          onCancel={() => setRecording(false)}
        />
      ) : (
        <>
          <p className="bereavement-prompt-text">
            {prompt.why === 'funeral_call' ? 'After this funeral-care call: ' : 'This case says someone has died. '}
            has {prompt.customerName} been bereaved? Record it once and no site will ask them again; until then this case offers
            only bereavement-suitable gestures.
          </p>
          <div className="inline-form-actions">
            <button type="button" className="button button-small" onClick={() => setRecording(true)}>
              Record bereavement
            </button>
            <button
              type="button"
              className="button button-quiet button-small"
              onClick={() => void changeCustomer('customers.dismissBereavementPrompt', { customerId: prompt.customerId })}
            >
              Not bereaved
            </button>
          </div>
        </>
      )}
    </section>
  );
}
