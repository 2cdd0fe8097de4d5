import type { BridgeError } from '../../../shared/contract/envelope';
import { Badge } from '../../ui/Badge';
import { Card } from '../../ui/Card';
import { formatTime } from '../../ui/format';
import { Loaded } from '../../ui/Loaded';
import { isConnectionProblem } from '../../ui/States';
import { AdvisorsByState } from './AdvisorsByState';
import { QueueFigures } from './QueueFigures';
import { useFloorView } from './useFloorView';
import '../home/home.css';
import './queues.css';

/** Why the view on screen may be out of date, in the supervisor's words, with a way to ask again. */
function StaleNotice({
  offline,
  error,
  at,
  onRetry,
}: {
  offline: boolean;
  error: BridgeError | null;
  at: number;
  onRetry: () => void;
}) {
  if (!offline && !error) return null;
  const why =
    offline || (error && isConnectionProblem(error))
      ? 'The hub cannot be reached'
      : `This could not be refreshed (${error?.message ?? 'unknown error'})`;
  return (
    <p className="queues-offline" role="status">
      {why}: this is how things stood at {formatTime(at)}.{' '}
      {offline ? (
        'It updates again when the hub is back.'
      ) : (
        <button type="button" className="button button-small button-secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </p>
  );
}

/** The supervisor's live floor: calls waiting in each queue, and their advisors by state. */
export function QueuesPanel() {
  const { floor, figuresAt, updatedAt, load, offline } = useFloorView();
  const data = 'data' in floor ? floor.data : undefined;
  // A failed refresh keeps the last view on screen, marked as such, rather than blanking the panel.
  const shown = floor.status === 'error' && data ? { status: 'ready' as const, data } : floor;
  const error = floor.status === 'error' ? floor.error : null;
  const retry = () => void load();
  // Away from the hub, nobody knows whether the phone system is up: better no badge than a stale one.
  const link =
    data && !offline ? (
      <Badge tone={data.connected ? 'good' : 'warning'}>
        {data.connected ? 'Phone system connected' : 'Phone system not connected'}
      </Badge>
    ) : null;

  return (
    <Card title="Queues and team" actions={link} className="queues-panel">
      <Loaded value={shown} loadingLabel="Loading the queues…" errorTitle="The queues could not be loaded." onRetry={retry}>
        {(view) => (
          <>
            <StaleNotice offline={offline} error={error} at={updatedAt} onRetry={retry} />
            <h3 className="queues-heading">Calls waiting</h3>
            <QueueFigures connected={view.connected} queues={view.queues} figuresAt={figuresAt} live={!offline && !error} />
            <h3 className="queues-heading">Advisors</h3>
            <AdvisorsByState advisors={view.advisors} />
          </>
        )}
      </Loaded>
    </Card>
  );
}
