/**
 * What went wrong on a case, read from its words (subject, wrap-up, notes), and which catalogue
 * tags answer it. A food complaint is answered by an apology, points or a food gift, not by a
 * celebration; a late delivery by a delivery waiver. Pure, so the ranking can be tested alone.
 */

export type Trouble = 'product' | 'delivery' | 'billing' | 'service';

interface TroubleRule {
  trouble: Trouble;
  words: RegExp;
  /** Catalogue tags (and name words) that fit this kind of trouble. */
  answers: readonly string[];
  label: string;
}

const RULES: readonly TroubleRule[] = [
  {
    trouble: 'product',
    words: /\b(spoil(ed|t)|mouldy|mould|stale|rotten|off|out of date|foreign body|damaged|squashed|crushed|broken|recall(ed)?|allergen|contaminat\w*|undercooked|loaf|bread|ready meal|eggs?|milk|meat|food|faulty|quality)\b/i,
    answers: ['apology', 'sorry', 'points', 'top-up', 'voucher', 'food gift', 'local produce', 'hamper', 'grocery', 'flowers'],
    label: 'Fits a problem with a product',
  },
  {
    trouble: 'delivery',
    words: /\b(deliver(y|ed|ies)?|arrived|late|driver|missing items?|substitut\w*|online order|not turned up)\b/i,
    answers: ['delivery', 'free delivery', 'charge', 'waiver', 'apology', 'grocery'],
    label: 'Fits a delivery that went wrong',
  },
  {
    trouble: 'billing',
    words: /\b(price[ds]?|charged|overcharged|refund|points missing|missing points|member prices|till|receipt|bill(ed|ing)?)\b/i,
    answers: ['points', 'top-up', 'rewards', 'member', 'apology', 'sorry'],
    label: 'Fits a charge or points problem',
  },
  {
    trouble: 'service',
    words: /\b(rude|unhelpful|ignored|waited|kept waiting|on hold|complain\w*|upset|let down|poor service|arriving late)\b/i,
    answers: ['apology', 'handwritten', 'sorry', 'flowers', 'bouquet'],
    label: 'Fits a service that let them down',
  },
];

const CELEBRATION = /\b(birthday|wedding|anniversary|celebrat\w*|christening|party|new baby|newborn|born|retire\w*|graduat\w*)\b/i;

export interface CaseFit {
  troubles: Trouble[];
  /** The case itself is about an occasion, so a celebratory item can fit. */
  celebration: boolean;
}

export function readCase(text: string): CaseFit {
  return { troubles: RULES.filter((r) => r.words.test(text)).map((r) => r.trouble), celebration: CELEBRATION.test(text) };
}

export interface FitItem {
  name: string;
  tags: readonly string[];
  tone: 'celebratory' | 'neutral' | 'condolence';
}

/**
 * Points for how well an item answers what went wrong, and why, in the advisor's words. One
 * answer is enough: an apology that fits two troubles is not twice as good. `forTheChild` says the
 * item is for a child the case mentions, which is the personal touch even after a complaint.
 */
export function troubleFit(item: FitItem, fit: CaseFit, forTheChild = false): { score: number; why: string[] } {
  const words = [...item.tags, ...item.name.toLowerCase().split(/\s+/)].map((t) => t.toLowerCase());
  let score = 0;
  const why: string[] = [];
  const answered = RULES.find((r) => fit.troubles.includes(r.trouble) && r.answers.some((a) => words.includes(a)));
  if (answered) {
    score += 5;
    why.push(answered.label);
  }
  // Something went wrong and nothing is being celebrated: a party item is the wrong note to strike.
  if (fit.troubles.length && !fit.celebration && !forTheChild && item.tone === 'celebratory') score -= 6;
  if (fit.celebration && item.tone === 'celebratory') {
    score += 3;
    why.push('The case mentions an occasion');
  }
  return { score, why };
}
