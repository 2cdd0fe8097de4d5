/**
 * Not-ready reasons the desktop sets by itself when the screen locks or the computer sleeps. They
 * are not the admin's to remove from the list, so the hub always accepts them.
 */
export const AWAY_REASONS = { 'lock-screen': 'Screen locked', suspend: 'Computer asleep' } as const;

export const isAwayReason = (reason: string): boolean =>
  Object.values(AWAY_REASONS).some((r) => r.toLowerCase() === reason.trim().toLowerCase());
