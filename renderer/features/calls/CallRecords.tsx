import { useState } from 'react';
import type { CallRecordOutcome, CallRecordView } from '../../../shared/contract/telephony';
import { reloadCallRecords, useCallRecords, useSignedIn, useTelephonyDirectory } from '../../state';
import { todayIso } from '../../ui/ukDate';
import { UkDateBox } from '../admin/UkDateBox';
import { Card } from '../../ui/Card';
import { DateTime } from '../../ui/DateTime';
import { dayStart, formatClock } from '../../ui/format';
import { Loaded } from '../../ui/Loaded';
import { maskPhoneForList } from '../../ui/phone';
import { ScrollBox } from '../../ui/ScrollBox';
import { EmptyState } from '../../ui/States';
import '../../ui/controls.css';
import '../admin/people.css';
import './call-records.css';

const OUTCOMES: { value: CallRecordOutcome | ''; label: string }[] = [
  { value: '', label: 'Every outcome' },
  { value: 'answered', label: 'Answered' },
  { value: 'missed', label: 'Missed' },
  { value: 'abandoned', label: 'Caller hung up' },
  { value: 'transferred', label: 'Transferred' },
  { value: 'outbound', label: 'Outbound' },
];

const weekAgoIso = () => {
  const d = new Date();
  d.setDate(d.getDate() - 6);
  return todayIso(d);
};

function RecordRow({ record, queueName, showSite }: { record: CallRecordView; queueName: string | null; showSite: boolean }) {
  return (
    <tr>
      <td>
        <DateTime ms={record.offeredAt} />
      </td>
      <td>
        <span className="muted">{record.direction === 'out' ? 'To ' : 'From '}</span>
        <span className="nowrap">{maskPhoneForList(record.customerNumber)}</span>
      </td>
      <td>
        {record.advisor.name}
        {showSite ? <span className="muted"> · {record.siteName}</span> : null}
        <span className="call-records-queue muted">{queueName ?? 'No queue'}</span>
      </td>
      <td>{record.outcome}</td>
      <td className="nowrap num">{record.durationSeconds === null ? <span className="muted">—</span> : formatClock(record.durationSeconds)}</td>
    </tr>
  );
}

/** Every call the hub kept for the supervisor's site (every site for an organisation admin), newest first. */
export function CallRecords() {
  const session = useSignedIn();
  const [fromDay, setFromDay] = useState(weekAgoIso);
  const [toDay, setToDay] = useState(() => todayIso());
  const [outcome, setOutcome] = useState<CallRecordOutcome | ''>('');
  const filters = { from: dayStart(fromDay), to: dayStart(toDay, 1), outcome: outcome || undefined };
  const records = useCallRecords(filters);
  const directory = useTelephonyDirectory();
  const queueNames = new Map(('data' in directory && directory.data ? directory.data.queues : []).map((q) => [q.id, q.name]));
  const showSite = session?.user.role === 'org_admin';

  return (
    <Card title="Call records" className="call-records">
      <form className="people-filters" aria-label="Call records filters" onSubmit={(e) => e.preventDefault()}>
        <UkDateBox id="call-records-from" label="From" value={fromDay} onChange={setFromDay} />
        <UkDateBox id="call-records-to" label="To" value={toDay} onChange={setToDay} />
        <label className="field-label" htmlFor="call-records-outcome">
          Outcome
        </label>
        <select id="call-records-outcome" className="input" value={outcome} onChange={(e) => setOutcome(e.target.value as CallRecordOutcome | '')}>
          {OUTCOMES.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </form>
      <Loaded value={records} loadingLabel="Loading call records…" errorTitle="Call records could not be loaded." onRetry={reloadCallRecords}>
        {({ records: rows }) =>
          rows.length === 0 ? (
            <EmptyState>No calls between these dates{outcome ? ' with that outcome' : ''}</EmptyState>
          ) : (
            <ScrollBox label="Call records" className="table-wrap call-records-table">
              <table className="table table-compact">
                <caption className="visually-hidden">Call records, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Time</th>
                    <th scope="col">Number</th>
                    <th scope="col">
                      Advisor<span className="visually-hidden"> and queue</span>
                    </th>
                    <th scope="col">Outcome</th>
                    <th scope="col">Length</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <RecordRow key={`${r.callId}|${r.advisor.id}`} record={r} queueName={r.queue ? (queueNames.get(r.queue) ?? r.queue) : null} showSite={showSite} />
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          )
        }
      </Loaded>
    </Card>
  );
}
