import type { ReactNode } from 'react';
import { useCaseTabs } from '../../state';
import { CaseTabPanel } from '../cases/CaseTabPanel';
import { CaseTabStrip } from '../cases/CaseTabStrip';

/**
 * Centre: one tab per case. Every tab stays mounted while it is open (only the chosen one shows),
 * so a half-written gesture or note in one caller's tab is still there when the advisor comes back.
 */
export function CaseWorkspaceRegion({ home }: { home: ReactNode }) {
  const { tabs, active, currentCallId } = useCaseTabs();
  return (
    <section className="console-region console-workspace" aria-label="Case workspace">
      <CaseTabStrip tabs={tabs} active={active} currentCallId={currentCallId} />
      <div className="console-scroll console-workspace-body">
        <div className="console-home" hidden={active !== null} data-testid="workspace-home" data-shortcut="home" tabIndex={-1}>
          {home}
        </div>
        {tabs.map((tab) => (
          <CaseTabPanel key={tab.key} tab={tab} shown={tab.key === active} current={tab.callId !== null && tab.callId === currentCallId} />
        ))}
      </div>
    </section>
  );
}
