import { useCallDesk, useCurrentCall } from '../../state';
import { ErrorState, LoadingState } from '../../ui/States';
import { CallBar } from '../calls/CallBar';
import { CallerCard } from '../calls/CallerCard';
import { SensitiveBanner } from '../calls/SensitiveBanner';
import { Waiting } from '../calls/Waiting';
import { CustomerTimeline } from '../cases/CustomerTimeline';

/** Left: the call bar (always in view), then the caller's card and their timeline, which scroll. */
export function InteractionRegion() {
  const { desk, load } = useCallDesk();
  const view = useCurrentCall();

  const top = () => {
    if (view) return <CallBar view={view} />;
    if (desk.status === 'error' && !desk.data) return <ErrorState title="Calls could not be loaded." error={desk.error} onRetry={() => void load()} />;
    if (desk.status === 'idle' || (desk.status === 'loading' && !desk.data)) return <LoadingState label="Loading your calls…" />;
    return <Waiting />;
  };

  return (
    <section className="console-region console-interaction" aria-label="Call and caller">
      <div className="console-fixed">{top()}</div>
      {view ? (
        <div className="console-scroll" tabIndex={-1} data-testid="interaction-scroll">
          {view.sensitive ? <SensitiveBanner /> : null}
          <CallerCard view={view} />
          {view.card ? <CustomerTimeline card={view.card} /> : null}
        </div>
      ) : null}
    </section>
  );
}
