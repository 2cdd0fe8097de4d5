import { useId, useMemo, useState } from 'react';
import { LineField } from '../../ui/LineOptions';
import type { Line } from '../../../shared/roles';
import { caseWorkKeys, dataOf, queryClient, useNoteTemplates, useWrapupCodes } from '../../state';
import { Card } from '../../ui/Card';
import { Loaded } from '../../ui/Loaded';
import { NoteTemplatesForm } from './NoteTemplatesForm';
import { WrapupCodesForm } from './WrapupCodesForm';
import './case-lists.css';

/** The head of service keeps, per line and for every site, the wrap-up codes and the note templates advisors use. */
export function CaseListsCard() {
  const id = useId();
  const [line, setLine] = useState<Line>('food');
  const codes = useWrapupCodes(true);
  const templates = useNoteTemplates();
  // Memoised so a form resets to what is saved only when the hub's list (or the line) changes.
  const codeData = dataOf(codes);
  const templateData = dataOf(templates);
  const lineCodes = useMemo(() => (codeData ?? []).filter((c) => c.line === line), [codeData, line]);
  const lineTemplates = useMemo(() => (templateData ?? []).filter((t) => t.line === line), [templateData, line]);

  return (
    <Card
      title="Wrap-up codes and note templates"
      className="admin-case-lists"
      actions={<LineField id={`${id}-line`} line={line} onChange={setLine} className="case-lists-line" />}
    >
      <div className="case-lists">
        <Loaded
          value={codes}
          loadingLabel="Loading the wrap-up codes…"
          errorTitle="The wrap-up codes could not be loaded."
          onRetry={() => void queryClient.invalidateQueries({ queryKey: caseWorkKeys.wrapupCodes })}
        >
          {() => <WrapupCodesForm key={line} line={line} saved={lineCodes} />}
        </Loaded>
        <Loaded
          value={templates}
          loadingLabel="Loading the note templates…"
          errorTitle="The note templates could not be loaded."
          onRetry={() => void queryClient.invalidateQueries({ queryKey: caseWorkKeys.templates })}
        >
          {() => <NoteTemplatesForm key={line} line={line} saved={lineTemplates} />}
        </Loaded>
      </div>
    </Card>
  );
}
