/**
 * The article pane's "Copy to note" and "Link to case" put text into the note box on screen: the
 * current tab's, whether a call's or a case's. Each note box offers itself while it is mounted;
 * hidden tabs' boxes stay mounted, so the one that takes the text is the one that is shown.
 */
interface NoteTaker {
  shown(): boolean;
  take(text: string): void;
}

const takers = new Set<NoteTaker>();

export function offerNoteBox(taker: NoteTaker): () => void {
  takers.add(taker);
  return () => takers.delete(taker);
}

/** False when no note box is on screen (no case open, or the home lists are showing). */
export function addToShownNote(text: string): boolean {
  for (const t of takers) {
    if (!t.shown()) continue;
    t.take(text);
    return true;
  }
  return false;
}
