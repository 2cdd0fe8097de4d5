import type { PrivacyRequestResults } from '../../shared/contract/privacy';
import type { RequestName } from '../../shared/contract/requests';
import type { ErasureLogEntry, ErasurePreview, PrivacySettings } from '../../shared/schemas/erasure';
import type { DesktopCore } from './core';
import type { Handlers } from './router';

type PrivacyHandlers = Pick<Handlers, Extract<RequestName, keyof PrivacyRequestResults>>;

/** Erasure and the retention rules go straight to the hub, which lets only an organisation admin change them. */
export function privacyHandlers(core: DesktopCore): PrivacyHandlers {
  const hub = () => {
    core.requireSignedIn();
    return core.hub;
  };
  return {
    'privacy.preview': async ({ customerId }) =>
      (await hub().get<{ preview: ErasurePreview }>(`/api/erasures/preview?customerId=${encodeURIComponent(customerId)}`)).preview,
    'privacy.erase': async (request) => {
      const { erasure } = await hub().post<{ erasure: PrivacyRequestResults['privacy.erase'] }>('/api/erasures', request);
      // This desktop removes its own copies at once, as every other desktop does when the hub tells it.
      await core.syncErasures().catch(() => undefined);
      return { reference: erasure.reference, counts: erasure.counts };
    },
    'privacy.log': async () => (await hub().get<{ erasures: ErasureLogEntry[] }>('/api/erasures')).erasures,
    'privacy.settings': async () => (await hub().get<{ settings: PrivacySettings }>('/api/privacy/settings')).settings,
    'privacy.saveSettings': async (settings) => (await hub().put<{ settings: PrivacySettings }>('/api/privacy/settings', settings)).settings,
  };
}
