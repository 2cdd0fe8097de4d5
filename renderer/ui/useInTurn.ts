import { startTransition, useEffect, useState } from 'react';

/**
 * How many of `parts` to show: none at first, then one more each task, each in a transition React
 * can pause between components. Mounting the whole console in one go held the page's thread for
 * 56-125 ms just after sign-in (two long tasks every time), while the knowledge base was starting
 * to sync; a part at a time, no one part holds the thread as long.
 */
export function useInTurn(parts: number): number {
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (shown >= parts) return;
    const timer = setTimeout(() => startTransition(() => setShown((n) => n + 1)));
    return () => clearTimeout(timer);
  }, [shown, parts]);
  return shown;
}
