import type { ReactNode } from 'react';
import { useKnowledgeCollapsed } from '../../state';
import { useInTurn } from '../../ui/useInTurn';
import { CaseWorkspaceRegion } from './CaseWorkspaceRegion';
import { InteractionRegion } from './InteractionRegion';
import { KnowledgeRegion } from './KnowledgeRegion';
import './console.css';

/**
 * The console for people who take calls: the interaction on the left, the case workspace in tabs in
 * the centre, knowledge on the right. The page never scrolls; each region scrolls on its own.
 * `home` is what the centre shows when no case tab is open (the role's own lists). Knowledge comes
 * with the console itself, as a search is what an advisor opening Rapport wants first; the other
 * two regions mount one at a time when the page is idle, each in its own place from the start, so
 * nothing moves as they arrive.
 */
export function AdvisorConsole({ home }: { home: ReactNode }) {
  const collapsed = useKnowledgeCollapsed();
  const shown = useInTurn(3, 1);
  return (
    <div className={collapsed ? 'console console-knowledge-collapsed' : 'console'}>
      {shown >= 2 ? <InteractionRegion /> : <div className="console-region console-interaction" />}
      {shown >= 3 ? <CaseWorkspaceRegion home={home} /> : <div className="console-region console-workspace" />}
      {shown >= 1 ? <KnowledgeRegion /> : <div className="console-region console-knowledge" />}
    </div>
  );
}
