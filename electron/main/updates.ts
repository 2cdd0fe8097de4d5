import type { DesktopPolicy } from '../../shared/schemas/deployment';

/**
 * Updates come only from the HTTPS feed IT names in the policy file (electron-updater's generic
 * provider: latest.yml and the installers in one folder; `stagingPercentage` in latest.yml rolls a
 * release out to part of the fleet). No policy feed, or a development build: no updates.
 */
export type UpdatePlan = { enabled: false; reason: string } | { enabled: true; feed: { provider: 'generic'; url: string } };

export function updatePlan(policy: DesktopPolicy | null, packaged: boolean): UpdatePlan {
  if (!packaged) return { enabled: false, reason: 'development build' };
  if (!policy?.updateFeed) return { enabled: false, reason: 'no updateFeed in the policy file' };
  return { enabled: true, feed: { provider: 'generic', url: policy.updateFeed } };
}
