import { useRef, useState } from 'react';
import { BereavementForm } from '../customers/BereavementForm';
import '../../ui/controls.css';

/**
 * "Tell us once" from the call: the same form as the customer's profile (notification service,
 * reference and date), recorded for every site; marketing and surveys stop. Once recorded the card
 * shows the flag instead of this button.
 */
export function FlagBereavement({ customerId, customerName }: { customerId: string; customerName: string }) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    // The caret goes back to the button that opened the form (it is there again once closed).
    requestAnimationFrame(() => opener.current?.focus());
  };

  if (!open) {
    return (
      <button ref={opener} type="button" className="button button-secondary button-small caller-flag" onClick={() => setOpen(true)}>
        Flag bereavement
      </button>
    );
  }
  return <BereavementForm customerId={customerId} customerName={customerName} onDone={() => setOpen(false)} onCancel={close} />;
}
