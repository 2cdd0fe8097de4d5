import { describe, expect, it } from 'vitest';
import type { SearchMiss } from '../../shared/schemas/knowledge';
import { SearchMissTracker } from '../../renderer/state/searchMisses';

function tracker() {
  const reported: SearchMiss[] = [];
  return { reported, t: new SearchMissTracker((m) => reported.push(m)) };
}

/** Types a search one keystroke at a time, each answered as the panel would answer it. */
function type(t: SearchMissTracker, query: string, resultCount: number) {
  for (let i = 1; i <= query.length; i++) {
    t.typed(query.slice(0, i));
    t.answered(query.slice(0, i), resultCount);
  }
}

describe('searches that opened nothing', () => {
  it('reports a cleared search once, in its last wording with its result count, not each keystroke', () => {
    const { reported, t } = tracker();
    type(t, 'Kilt hire', 0);
    t.typed('');
    t.finish();
    expect(reported).toEqual([{ query: 'kilt hire', resultCount: 0 }]);
  });

  it('does not report a search an article was opened from', () => {
    const { reported, t } = tracker();
    type(t, 'refund parcel', 7);
    t.opened();
    t.typed('');
    expect(reported).toEqual([]);
  });

  it('reports the first of two different searches when the second replaces it', () => {
    const { reported, t } = tracker();
    type(t, 'ashes', 3);
    t.typed('');
    type(t, 'bread', 5);
    t.opened();
    t.typed('');
    expect(reported).toEqual([{ query: 'ashes', resultCount: 3 }]);
  });

  it('treats deleting back and typing on as the same search, and a new contact as its end', () => {
    const { reported, t } = tracker();
    type(t, 'late  delivery van', 4);
    t.typed('late delivery');
    t.answered('late delivery', 9);
    t.finish(); // a new contact
    expect(reported).toEqual([{ query: 'late delivery', resultCount: 9 }]);
  });

  it('starts afresh after an opened search, and never reports a search whose results never came', () => {
    const { reported, t } = tracker();
    type(t, 'coupon', 2);
    t.opened();
    t.typed('coupon expiry'); // refined after reading: a new search
    t.answered('coupon expiry', 0);
    t.typed('x');
    t.typed('hamper'); // replaced before any answer
    t.forget(); // signed out
    t.finish();
    expect(reported).toEqual([{ query: 'coupon expiry', resultCount: 0 }]);
  });
});
