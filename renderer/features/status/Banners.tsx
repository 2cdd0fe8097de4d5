import { useEffect, useState } from 'react';
import { useLinkState, useSetupStatus, useSignedIn } from '../../state';
import '../../ui/ui.css';
import './status.css';

/** The hub could not confirm the session: say so quietly, the work can carry on. */
export function OfflineBanner() {
  const session = useSignedIn();
  if (!session?.offline) return null;
  return (
    <div className="banner banner-offline" aria-live="polite">
      Working offline: showing what was saved on this computer
    </div>
  );
}

/**
 * The hub was upgraded under a signed-in advisor and now serves only newer desktops (it answers
 * 426): what still works here keeps working, but say plainly that IT must update Rapport.
 */
export function UpdateNeededBanner() {
  const status = useSetupStatus();
  if (!status?.updateNeeded) return null;
  return (
    <div className="banner banner-update" role="alert">
      Update needed: your contact centre’s hub now works with Rapport {status.updateNeeded.minDesktop} or later, and this
      computer has {status.version}. Ask your IT team to update Rapport; until then the hub may refuse what you send.
    </div>
  );
}

const HINT_AFTER_MS = 6_000;

/** The page has lost its own desktop core (browser mode), which is different from the hub being away. */
export function LinkBanner() {
  const link = useLinkState();
  const [longDown, setLongDown] = useState(false);
  useEffect(() => {
    if (link !== 'reconnecting') return;
    const timer = setTimeout(() => setLongDown(true), HINT_AFTER_MS);
    return () => {
      clearTimeout(timer);
      setLongDown(false);
    };
  }, [link]);

  if (link !== 'reconnecting') return null;
  return (
    <div className="banner banner-link" role="alert">
      <span className="spinner" aria-hidden="true" />
      <span>
        Lost the connection to Rapport on this computer. Reconnecting…
        {/* A restarted host has a new token, so the old address can never reconnect. */}
        {longDown ? ' If Rapport was restarted, open the new address printed by npm start.' : null}
      </span>
    </div>
  );
}
