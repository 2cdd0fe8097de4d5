import { LINE_LABELS } from '../../../shared/roles';
import type { CallContext } from './protocol';

/**
 * IVR intents are terse machine words; these phrases say what a caller with that intent usually
 * needs, in the words the knowledge base uses.
 */
const INTENT_PHRASES: Record<string, string> = {
  funeralcare: 'funeral care arranging',
  funeral: 'funeral care arranging',
  funeralplan: 'funeral plan covered',
  plan: 'funeral plan covered',
  bereavement: 'bereaved death tell us once',
  death: 'death tell us once bereaved',
  ashes: 'collecting scattering ashes',
  membership: 'membership account member',
  points: 'missing points member',
  card: 'lost membership card',
  address: 'change member address',
  join: 'joining member',
  refund: 'refund receipt',
  delivery: 'late delivery order',
  order: 'online order',
  recall: 'product recall',
  complaint: 'complaint',
  allergen: 'allergen recall',
};

const MAX_NOTE_WORDS = 40;

function intentPhrase(intent: string): string {
  const raw = intent.toLowerCase();
  const joined = raw.replace(/[^a-z]/g, '');
  if (INTENT_PHRASES[joined]) return INTENT_PHRASES[joined];
  const parts = raw.split(/[^a-z]+/).filter(Boolean);
  return parts.map((p) => INTENT_PHRASES[p] ?? p).join(' ');
}

/**
 * One plain query from what is known about the call: the intent first, then the line and queue,
 * then the first words of the card's notes (the engine drops stop words and unknown words).
 */
export function suggestQuery(context: CallContext): string {
  const parts: string[] = [];
  if (context.intent) parts.push(intentPhrase(context.intent));
  if (context.line) parts.push(LINE_LABELS[context.line]);
  if (context.queue && context.queue !== context.line) parts.push(context.queue.replace(/[-_]+/g, ' '));
  if (context.bereaved) parts.push('bereaved');
  const noteWords = context.notes.join(' ').split(/\s+/).filter(Boolean).slice(0, MAX_NOTE_WORDS);
  if (noteWords.length) parts.push(noteWords.join(' '));
  return parts.join(' ');
}
