import { useRef, useState } from 'react';
import type { SignedIn } from '../../../shared/contract/requests';
import { useSessionActions, useSigningOut } from '../../state';
import { roleLabel } from '../../ui/format';
import { PhoneSystemIndicator } from '../calls/PhoneSystemIndicator';
import { AgentStatus } from '../calls/AgentStatus';
import { SettingsDialog } from '../settings/SettingsDialog';
import { siteLabel } from '../../../shared/site-label';
import '../../ui/controls.css';
import '../../ui/ui.css';
import './home.css';

/** Who is signed in, where, and the way out; always visible so a shared desk never hides a session. */
export function AppHeader({ session }: { session: SignedIn }) {
  const { signOut } = useSessionActions();
  const signingOut = useSigningOut();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const settingsButton = useRef<HTMLButtonElement>(null);
  const { user, site } = session;
  const takesCalls = user.role === 'advisor' || user.role === 'supervisor';
  const closeSettings = () => {
    setSettingsOpen(false);
    // After the dialog has gone from the page; focusing while it is still modal would not stick.
    setTimeout(() => settingsButton.current?.focus(), 0);
  };
  const siteName = siteLabel(site);
  return (
    <>
    <header className="app-header">
      <div className="app-brand">
        <span className="app-mark" aria-hidden="true">
          R
        </span>
        <span className="app-product">Rapport</span>
      </div>
      {takesCalls ? <AgentStatus /> : null}
      {takesCalls ? <PhoneSystemIndicator /> : null}
      <div className="app-user">
        <span className="app-user-name" data-testid="user-name">
          {user.displayName}
        </span>
        <span className="app-user-meta">
          <span data-testid="user-role">{roleLabel(user.role)}</span>
          <span aria-hidden="true"> · </span>
          <span data-testid="user-site">{siteName}</span>
        </span>
      </div>
      {takesCalls ? (
        <button
          ref={settingsButton}
          type="button"
          className="button button-secondary button-small app-header-button"
          aria-haspopup="dialog"
          onClick={() => setSettingsOpen(true)}
        >
          Settings
        </button>
      ) : null}
      <button
        type="button"
        className="button button-secondary button-small app-header-button app-signout"
        onClick={() => void signOut()}
        disabled={signingOut}
      >
        Sign out
      </button>
    </header>
    {/* Outside the header, so none of its white-on-teal styles leak into the dialog. */}
    {settingsOpen ? <SettingsDialog onClose={closeSettings} /> : null}
    </>
  );
}
