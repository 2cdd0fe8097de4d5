import { useEffect, useRef } from 'react';
import { useConnectionStatus } from '../../state';

/** A panel that failed while the hub was away tries once more as soon as the core is back online. */
export function useRetryWhenOnline(failed: boolean, retry: () => Promise<void>): void {
  const state = useConnectionStatus()?.state;
  const previous = useRef(state);
  useEffect(() => {
    const cameBack = previous.current !== 'online' && state === 'online';
    previous.current = state;
    if (cameBack && failed) void retry();
  }, [state, failed, retry]);
}
