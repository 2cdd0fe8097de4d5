import { useEffect, useRef } from 'react';
import { useConnectionStatus, useQueues } from '../../state';

/**
 * Loads the floor view while it is on screen. It stays live through the hub's pushes (an advisor's
 * state, callers joining or leaving a queue, the PBX coming or going), so there is no poll; what the
 * hub pushed while this desktop was away from it is lost, so the view is asked for again as soon as
 * the hub is back.
 */
export function useFloorView() {
  const { floor, figuresAt, updatedAt, load } = useQueues();
  const state = useConnectionStatus()?.state;
  const wasOffline = useRef(false);

  useEffect(() => void load(), [load]);
  useEffect(() => {
    if (state === 'offline') wasOffline.current = true;
    else if (state && wasOffline.current) {
      wasOffline.current = false;
      void load();
    }
  }, [state, load]);

  return { floor, figuresAt, updatedAt, load, offline: state === 'offline' };
}
