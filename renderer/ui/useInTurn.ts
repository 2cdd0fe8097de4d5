import { startTransition, useEffect, useState } from 'react';

/**
 * How many of `parts` to show: `first` at once, then one more each time the page's thread is idle,
 * each in a transition React can pause between components. Mounting the whole console in one go
 * held the page's thread for 56-125 ms just after sign-in (two long tasks every time), while the
 * knowledge base was starting to sync; a part at a time, no one part holds the thread as long, and
 * what the person is already doing (a search typed as the console opens) is answered first.
 */
export function useInTurn(parts: number, first = 0): number {
  const [shown, setShown] = useState(first);
  useEffect(() => {
    if (shown >= parts) return;
    const idle = requestIdleCallback(() => startTransition(() => setShown((n) => n + 1)), { timeout: IDLE_WAIT_MS });
    return () => cancelIdleCallback(idle);
  }, [shown, parts]);
  return shown;
}

/** The longest a part waits for an idle moment. */
const IDLE_WAIT_MS = 250;
