import type { Bridge } from '../platform/bridge';

/**
 * Slices reach the core through the one bridge chosen at start-up; tests can hand in a fake one.
 */
let current: Bridge | null = null;

export function setStateBridge(bridge: Bridge): void {
  current = bridge;
}

export function bridge(): Bridge {
  if (!current) throw new Error('The bridge was not set before the state was used.');
  return current;
}
