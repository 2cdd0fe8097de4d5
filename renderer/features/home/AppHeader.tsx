import type { SignedIn } from '../../../shared/contract/requests';
import { useSessionActions, useSigningOut } from '../../state';
import { roleLabel } from '../../ui/format';
import '../../ui/controls.css';
import '../../ui/ui.css';
import './home.css';

/** Who is signed in, where, and the way out; always visible so a shared desk never hides a session. */
export function AppHeader({ session }: { session: SignedIn }) {
  const { signOut } = useSessionActions();
  const signingOut = useSigningOut();
  const { user, site } = session;
  const siteName = site.kind === 'partner' && site.partnerName ? `${site.name} (${site.partnerName})` : site.name;
  return (
    <header className="app-header">
      <div className="app-brand">
        <span className="app-mark" aria-hidden="true">
          R
        </span>
        <span className="app-product">Rapport</span>
      </div>
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
      <button
        type="button"
        className="button button-secondary button-small app-signout"
        onClick={() => void signOut()}
        disabled={signingOut}
      >
        Sign out
      </button>
    </header>
  );
}
