import { create } from 'zustand';

/** What the console itself owns: whether knowledge is folded away, and the shortcuts sheet. */
interface ConsoleStore {
  knowledgeCollapsed: boolean;
  shortcutsOpen: boolean;
  setKnowledgeCollapsed(collapsed: boolean): void;
  setShortcutsOpen(open: boolean): void;
}

const COLLAPSED_KEY = 'rapport.knowledgeCollapsed';

function savedCollapsed(): boolean {
  try {
    return localStorage.getItem(COLLAPSED_KEY) === '1';
  } catch {
    return false;
  }
}

export const useConsoleStore = create<ConsoleStore>()((set) => ({
  knowledgeCollapsed: savedCollapsed(),
  shortcutsOpen: false,
  setKnowledgeCollapsed(knowledgeCollapsed) {
    try {
      localStorage.setItem(COLLAPSED_KEY, knowledgeCollapsed ? '1' : '0');
    } catch {
      // Storage can be disabled; the choice still holds for this page.
    }
    set({ knowledgeCollapsed });
  },
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
}));

export const useKnowledgeCollapsed = () => useConsoleStore((s) => s.knowledgeCollapsed);
export const useShortcutsOpen = () => useConsoleStore((s) => s.shortcutsOpen);
export const useConsoleActions = () => {
  const s = useConsoleStore.getState();
  return { setKnowledgeCollapsed: s.setKnowledgeCollapsed, setShortcutsOpen: s.setShortcutsOpen };
};
