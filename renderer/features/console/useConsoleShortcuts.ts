import { useEffect } from 'react';
import { callTabKey, useCaseTabsStore, useConsoleStore, useCustomersStore, useKnowledgeStore, useSessionStore } from '../../state';
import { shortcutFor, type ShortcutTarget } from './shortcuts';

/** The element a shortcut puts the caret on, in the tab that is on screen. */
const SELECTORS: Partial<Record<ShortcutTarget, string>> = {
  note: '[data-shortcut="note"]',
  gesture: '[data-shortcut="gesture"]',
  wrapUp: '[data-shortcut="wrap-up"]',
};

function focusInShownTab(selector: string): void {
  // After React has shown the tab: one frame later the panel is no longer hidden.
  requestAnimationFrame(() => {
    const target = document.querySelector<HTMLElement>(`.case-tab-panel:not([hidden]) ${selector}`);
    target?.focus();
    target?.scrollIntoView({ block: 'nearest' });
  });
}

function run(target: ShortcutTarget): void {
  const tabs = useCaseTabsStore.getState();
  switch (target) {
    case 'search':
      return useKnowledgeStore.getState().requestSearchFocus();
    case 'customer':
      return useCustomersStore.getState().openSearch();
    case 'sheet':
      return useConsoleStore.getState().setShortcutsOpen(true);
    case 'home':
      tabs.activate(null);
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-shortcut="home"]')?.focus());
      return;
    default: {
      // Note and wrap-up belong to the call in hand; a gesture to whichever case is on screen.
      if (target !== 'gesture' || tabs.active === null) {
        if (tabs.currentCallId) tabs.activate(callTabKey(tabs.currentCallId));
      }
      const selector = SELECTORS[target];
      if (selector) focusInShownTab(selector);
    }
  }
}

/** One listener for every console shortcut (see shortcuts.ts and the sheet on `?`). */
export function useConsoleShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const role = useSessionStore.getState().session?.user.role;
      const shortcut = shortcutFor(event, role === 'advisor' || role === 'supervisor');
      if (!shortcut) return;
      event.preventDefault();
      run(shortcut.target);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
