import type { ReactNode } from 'react';
import { useKnowledgeCollapsed, useResumedSession } from '../../state';
import { useInTurn } from '../../ui/useInTurn';
import { CaseWorkspaceRegion } from './CaseWorkspaceRegion';
import { InteractionRegion } from './InteractionRegion';
import { KnowledgeRegion } from './KnowledgeRegion';
import './console.css';

/**
 * The console for people who take calls: the interaction on the left, the case workspace in tabs in
 * the centre, knowledge on the right. The page never scrolls; each region scrolls on its own.
 * `home` is what the centre shows when no case tab is open (the role's own lists). Opening Rapport
 * already signed in, knowledge comes with the console itself; the other regions mount one at a time
 * when the page is idle, knowledge first, each in its own place from the start, so nothing moves as
 * they arrive.
 */
export function AdvisorConsole({ home }: { home: ReactNode }) {
  const collapsed = useKnowledgeCollapsed();
  // Opening Rapport already signed in, the search box is what the advisor wants first; signing in
  // here, the knowledge base starts to sync, so knowledge too comes a moment after the console
  // (drawing all of it in the sign-in's own frame made a long task of it).
  const shown = useInTurn(3, useResumedSession() ? 1 : 0);
  return (
    <div className={collapsed ? 'console console-knowledge-collapsed' : 'console'}>
      {shown >= 2 ? <InteractionRegion /> : <div className="console-region console-interaction" />}
      {shown >= 3 ? <CaseWorkspaceRegion home={home} /> : <div className="console-region console-workspace" />}
      {shown >= 1 ? <KnowledgeRegion /> : <div className="console-region console-knowledge" />}
    </div>
  );
}
