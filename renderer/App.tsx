import { Workspace } from './features/home/Workspace';
import { SignIn } from './features/signin/SignIn';
import { HubAddress, PolicyProblem } from './features/setup/HubAddress';
import { LinkBanner } from './features/status/Banners';
import { QueryClientProvider } from '@tanstack/react-query';
import { queryClient, useSessionActions, useSessionPhase, useSessionStatusError, useSetupStatus, useSignedIn } from './state';
import { ErrorState, LoadingState } from './ui/States';
import './app.css';

function Screen() {
  const phase = useSessionPhase();
  const session = useSignedIn();
  const statusError = useSessionStatusError();
  const { loadStatus } = useSessionActions();
  const setup = useSetupStatus();

  if (phase === 'signed-in' && session) return <Workspace session={session} />;
  if (phase === 'signed-out' && setup?.policyProblem) return <PolicyProblem problem={setup.policyProblem} />;
  if (phase === 'signed-out' && setup && !setup.hubUrl) return <HubAddress />;
  if (phase === 'signed-out') return <SignIn />;
  if (phase === 'error' && statusError) {
    return (
      <main className="app-centre">
        <div className="app-centre-card">
          <ErrorState title="Rapport could not start." error={statusError} onRetry={() => void loadStatus()} />
        </div>
      </main>
    );
  }
  return (
    <main className="app-centre">
      <LoadingState label="Starting Rapport…" />
    </main>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <LinkBanner />
      <Screen />
    </QueryClientProvider>
  );
}

/** Browser mode opened without the per-run address: nothing can work, so say how to fix it. */
export function NoToken() {
  return (
    <main className="app-centre">
      <div className="app-centre-card" role="alert">
        <h1 className="app-centre-title">Rapport</h1>
        <p>
          Open Rapport from the address printed by <code className="nowrap">npm start</code>.
        </p>
        <p className="app-centre-hint">It looks like http://127.0.0.1:5780/#token=… and works only while npm start is running.</p>
      </div>
    </main>
  );
}
