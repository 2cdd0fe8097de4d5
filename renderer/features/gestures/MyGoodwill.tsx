import { useEffect } from 'react';
import { useGoodwillActions, useGoodwillLists, useGoodwillStore } from '../../state';
import { Card } from '../../ui/Card';
import { Loaded } from '../../ui/Loaded';
import { EmptyState } from '../../ui/States';
import { useNow } from '../../ui/useNow';
import { useRetryWhenOnline } from '../home/useRetryWhenOnline';
import { FollowUps } from './FollowUps';
import { OutboxList } from './OutboxList';
import { RequestRow } from './RequestRow';
import './gestures.css';

/** The advisor's own gestures: what waits to be sent, what was decided, and who to ring back. */
const reloadLists = async () => {
  const { loadMine, loadFollowUps } = useGoodwillStore.getState();
  await Promise.all([loadMine(), loadFollowUps()]);
};

export function MyGoodwill() {
  const { mine, followUps, outbox } = useGoodwillLists();
  const { loadMine, loadFollowUps, loadOutbox } = useGoodwillActions();
  const now = useNow(60_000);
  useEffect(() => {
    void loadMine();
    void loadFollowUps();
    void loadOutbox();
  }, [loadMine, loadFollowUps, loadOutbox]);
  useRetryWhenOnline(mine.status === 'error' || followUps.status === 'error', reloadLists);

  return (
    <Card title="My gestures">
      <OutboxList entries={outbox} />
      <h3 className="list-title">Follow-ups</h3>
      <Loaded value={followUps} loadingLabel="Loading follow-ups…" errorTitle="Follow-ups could not be loaded." onRetry={() => void loadFollowUps()}>
        {(list) => (list.length === 0 ? <EmptyState>No follow-ups waiting</EmptyState> : <FollowUps followUps={list} now={now} />)}
      </Loaded>
      <h3 className="list-title">Recent requests</h3>
      <Loaded value={mine} loadingLabel="Loading your requests…" errorTitle="Your requests could not be loaded." onRetry={() => void loadMine()}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState>You have not offered any gestures yet</EmptyState>
          ) : (
            <ul className="requests" aria-label="My recent requests">
              {list.slice(0, 8).map((r) => (
                <RequestRow key={r.id} request={r} showCase />
              ))}
            </ul>
          )
        }
      </Loaded>
    </Card>
  );
}
