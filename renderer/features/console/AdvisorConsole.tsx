import type { ReactNode } from 'react';
import { useKnowledgeCollapsed } from '../../state';
import { CaseWorkspaceRegion } from './CaseWorkspaceRegion';
import { InteractionRegion } from './InteractionRegion';
import { KnowledgeRegion } from './KnowledgeRegion';
import './console.css';

/**
 * The console for people who take calls: the interaction on the left, the case workspace in tabs in
 * the centre, knowledge on the right. The page never scrolls; each region scrolls on its own.
 * `home` is what the centre shows when no case tab is open (the role's own lists).
 */
export function AdvisorConsole({ home }: { home: ReactNode }) {
  const collapsed = useKnowledgeCollapsed();
  return (
    <div className={collapsed ? 'console console-knowledge-collapsed' : 'console'}>
      <InteractionRegion />
      <CaseWorkspaceRegion home={home} />
      <KnowledgeRegion />
    </div>
  );
}
