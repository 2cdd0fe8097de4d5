/**
 * The console's keyboard commands as small declarative objects (Excalidraw's way): what the keys
 * are, what the sheet says, and which part of the console they take the caret to.
 */
export type ShortcutTarget = 'search' | 'customer' | 'note' | 'gesture' | 'wrapUp' | 'home' | 'sheet';

export interface Shortcut {
  target: ShortcutTarget;
  /** As shown on the sheet. */
  keys: string;
  description: string;
  /** Only for people who take calls. */
  calls?: boolean;
  matches(event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean;
}

const alt = (code: string) => (e: Pick<KeyboardEvent, 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>) =>
  e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.code === code;

export const SHORTCUTS: readonly Shortcut[] = [
  {
    target: 'search',
    keys: 'Ctrl K',
    description: 'Search knowledge (the results show beside the call)',
    matches: (e) => e.key.toLowerCase() === 'k' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey,
  },
  {
    target: 'customer',
    keys: 'Alt C',
    description: 'Find a customer by name, phone, postcode, membership number or case reference',
    matches: alt('KeyC'),
  },
  { target: 'note', keys: 'Alt N', description: 'Write a note on the current call’s case', calls: true, matches: alt('KeyN') },
  { target: 'gesture', keys: 'Alt G', description: 'Offer a gesture of goodwill on the case on screen', calls: true, matches: alt('KeyG') },
  { target: 'wrapUp', keys: 'Alt W', description: 'Go to wrap-up (code and last note)', calls: true, matches: alt('KeyW') },
  { target: 'home', keys: 'Alt H', description: 'Home: recent cases, calls and follow-ups', calls: true, matches: alt('KeyH') },
  {
    target: 'sheet',
    keys: '?',
    description: 'Show these shortcuts',
    matches: (e) => e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey,
  },
];

/** Typing in a box: a bare `?` is a question mark there, not a command. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function shortcutFor(event: KeyboardEvent, takesCalls: boolean): Shortcut | null {
  const found = SHORTCUTS.find((s) => s.matches(event) && (takesCalls || !s.calls));
  if (!found) return null;
  if (found.target === 'sheet' && isTyping(event.target)) return null;
  return found;
}
