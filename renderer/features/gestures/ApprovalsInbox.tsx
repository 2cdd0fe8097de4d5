import { useEffect } from 'react';
import { useApprovalActions, useApprovals } from '../../state';
import { Card } from '../../ui/Card';
import { Loaded } from '../../ui/Loaded';
import { EmptyState } from '../../ui/States';
import { useRetryWhenOnline } from '../home/useRetryWhenOnline';
import { ApprovalItem } from './ApprovalItem';
import './gestures.css';

/** Requests waiting for this supervisor (or head of service), oldest first; it updates live. */
export function ApprovalsInbox() {
  const { inbox } = useApprovals();
  const { loadInbox } = useApprovalActions();
  useEffect(() => void loadInbox(), [loadInbox]);
  useRetryWhenOnline(inbox.status === 'error', loadInbox);
  const count = 'data' in inbox && inbox.data ? inbox.data.length : null;

  return (
    <Card title="Approvals" headingId="approvals-heading" actions={count ? <span className="count-pill">{count} waiting</span> : null}>
      <Loaded value={inbox} loadingLabel="Loading requests waiting for you…" errorTitle="Approvals could not be loaded." onRetry={() => void loadInbox()}>
        {(approvals) =>
          approvals.length === 0 ? (
            <EmptyState>Nothing is waiting for approval</EmptyState>
          ) : (
            <ul className="approvals" aria-label="Requests waiting for approval">
              {approvals.map((a) => (
                <ApprovalItem key={a.request.id} approval={a} />
              ))}
            </ul>
          )
        }
      </Loaded>
    </Card>
  );
}
