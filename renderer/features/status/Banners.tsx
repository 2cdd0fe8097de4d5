import { useLinkState, useSignedIn } from '../../state';
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

/** The page has lost its own desktop core (browser mode), which is different from the hub being away. */
export function LinkBanner() {
  const link = useLinkState();
  if (link !== 'reconnecting') return null;
  return (
    <div className="banner banner-link" role="alert">
      <span className="spinner" aria-hidden="true" />
      Lost the connection to Rapport on this computer. Reconnecting…
    </div>
  );
}
