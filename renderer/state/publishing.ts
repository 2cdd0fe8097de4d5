import { create } from 'zustand';
import type { BridgeError } from '../../shared/contract/envelope';
import type { ArticleDraft } from '../../shared/schemas/knowledge';
import { bridge } from './bridgeRef';
import { useHomesStore } from './homes';

interface PublishingStore {
  formOpen: boolean;
  publishing: boolean;
  error: BridgeError | null;
  /** Title of the article last published, for the confirmation message. */
  lastPublished: string | null;
  openForm(): void;
  closeForm(): void;
  publish(draft: ArticleDraft): Promise<boolean>;
  clear(): void;
}

export const usePublishingStore = create<PublishingStore>()((set, get) => ({
  formOpen: false,
  publishing: false,
  error: null,
  lastPublished: null,

  openForm: () => set({ formOpen: true, error: null, lastPublished: null }),
  closeForm: () => set({ formOpen: false, error: null }),

  async publish(draft) {
    if (get().publishing) return false;
    set({ publishing: true, error: null });
    // Publishing goes through review: the draft is written, then sent to a second organisation admin.
    const made = await bridge().call('publishing.create', draft);
    const result = made.ok ? await bridge().call('publishing.submit', { id: made.value.entry.id }) : made;
    if (!result.ok) {
      set({ publishing: false, error: result.error });
      return false;
    }
    set({ publishing: false, formOpen: false, lastPublished: result.value.entry.title });
    void useHomesStore.getState().loadAdmin();
    return true;
  },

  clear: () => set({ formOpen: false, publishing: false, error: null, lastPublished: null }),
}));

export const usePublishing = () => {
  const formOpen = usePublishingStore((s) => s.formOpen);
  const publishing = usePublishingStore((s) => s.publishing);
  const error = usePublishingStore((s) => s.error);
  const lastPublished = usePublishingStore((s) => s.lastPublished);
  const openForm = usePublishingStore((s) => s.openForm);
  const closeForm = usePublishingStore((s) => s.closeForm);
  const publish = usePublishingStore((s) => s.publish);
  return { formOpen, publishing, error, lastPublished, openForm, closeForm, publish };
};
