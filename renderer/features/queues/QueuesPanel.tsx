import { Badge } from '../../ui/Badge';
import { Card } from '../../ui/Card';
import { formatTime } from '../../ui/format';
import { Loaded } from '../../ui/Loaded';
import { AdvisorsByState } from './AdvisorsByState';
import { QueueFigures } from './QueueFigures';
import { useFloorView } from './useFloorView';
import '../home/home.css';
import './queues.css';

/** The supervisor's live floor: calls waiting in each queue, and their advisors by state. */
export function QueuesPanel() {
  const { floor, figuresAt, load, offline } = useFloorView();
  const data = 'data' in floor ? floor.data : undefined;
  const link = data ? (
    <Badge tone={data.connected ? 'good' : 'warning'}>{data.connected ? 'Phone system connected' : 'Phone system not connected'}</Badge>
  ) : null;

  return (
    <Card title="Queues and team" actions={link} className="queues-panel">
      <Loaded value={floor} loadingLabel="Loading the queues…" errorTitle="The queues could not be loaded." onRetry={() => void load()}>
        {(view) => (
          <>
            {offline ? (
              <p className="queues-offline" role="status">
                The hub cannot be reached: this is how things stood at {formatTime(figuresAt)}. It updates again when the hub is back.
              </p>
            ) : null}
            <h3 className="queues-heading">Calls waiting</h3>
            <QueueFigures connected={view.connected} queues={view.queues} figuresAt={figuresAt} />
            <h3 className="queues-heading">Advisors</h3>
            <AdvisorsByState advisors={view.advisors} />
          </>
        )}
      </Loaded>
    </Card>
  );
}
