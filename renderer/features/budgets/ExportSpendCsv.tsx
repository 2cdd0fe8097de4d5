import { useState, type FormEvent } from 'react';
import { useSpendExport, type SpendBreakdown } from '../../state';
import { InlineError } from '../../ui/States';
import { saveCsv } from './saveCsv';
import '../../ui/controls.css';

const BREAKDOWNS: { value: SpendBreakdown; label: string }[] = [
  { value: 'site', label: 'By site' },
  { value: 'line', label: 'By line' },
  { value: 'kind', label: 'By kind of gesture' },
  { value: 'reason', label: 'By reason' },
  { value: 'month', label: 'By month' },
  { value: 'request', label: 'Every request' },
];

/** The period on screen as a CSV file, broken down the way the supervisor chooses. */
export function ExportSpendCsv({ disabled }: { disabled: boolean }) {
  const { csvExport, exportCsv, markExported } = useSpendExport();
  const [by, setBy] = useState<SpendBreakdown>('site');
  const busy = csvExport.status === 'exporting';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const file = await exportCsv(by);
    if (!file) return;
    saveCsv(file);
    markExported(file.filename);
  };

  return (
    <div className="spend-export">
      <form className="spend-export-form" onSubmit={(e) => void submit(e)}>
        <label className="visually-hidden" htmlFor="spend-export-by">
          CSV breakdown
        </label>
        <select
          id="spend-export-by"
          className="input spend-export-select"
          value={by}
          onChange={(e) => setBy(e.target.value as SpendBreakdown)}
        >
          {BREAKDOWNS.map((b) => (
            <option key={b.value} value={b.value}>
              {b.label}
            </option>
          ))}
        </select>
        <button type="submit" className="button button-small" disabled={disabled || busy}>
          {busy ? 'Exporting…' : 'Export CSV'}
        </button>
      </form>
      <p className="spend-export-status" role="status">
        {csvExport.status === 'saved' ? `Downloaded ${csvExport.filename}` : ''}
      </p>
      {csvExport.status === 'error' ? <InlineError error={csvExport.error} lead="The CSV could not be exported" /> : null}
    </div>
  );
}
