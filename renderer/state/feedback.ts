import { create } from 'zustand';
import type { BridgeError } from '../../shared/contract/envelope';
import type { ArticleFeedback } from '../../shared/schemas/knowledge';
import { bridge } from './bridgeRef';

/** Where one article's feedback stands on this screen: what was last sent, and whether it worked. */
export interface ArticleFeedbackState {
  sending: ArticleFeedback['kind'] | null;
  sent: ArticleFeedback['kind'][];
  error: BridgeError | null;
}

const blank: ArticleFeedbackState = { sending: null, sent: [], error: null };

interface FeedbackStore {
  byArticle: Record<string, ArticleFeedbackState>;
  send(articleId: string, feedback: ArticleFeedback): Promise<boolean>;
  clear(): void;
}

export const useFeedbackStore = create<FeedbackStore>()((set, get) => {
  const patch = (articleId: string, change: Partial<ArticleFeedbackState>) =>
    set({ byArticle: { ...get().byArticle, [articleId]: { ...(get().byArticle[articleId] ?? blank), ...change } } });

  return {
    byArticle: {},

    async send(articleId, feedback) {
      if (get().byArticle[articleId]?.sending) return false;
      patch(articleId, { sending: feedback.kind, error: null });
      // Advisors improve the knowledge they use: this goes to the hub, so it needs it to be reachable.
      const result = await bridge().call('knowledge.feedback', { articleId, feedback });
      const sent = get().byArticle[articleId]?.sent ?? [];
      if (!result.ok) {
        patch(articleId, { sending: null, error: result.error });
        return false;
      }
      patch(articleId, { sending: null, error: null, sent: [...sent, feedback.kind] });
      return true;
    },

    clear: () => set({ byArticle: {} }),
  };
});

export const useArticleFeedback = (articleId: string) => {
  const state = useFeedbackStore((s) => s.byArticle[articleId] ?? blank);
  const send = useFeedbackStore((s) => s.send);
  return { ...state, send: (feedback: ArticleFeedback) => send(articleId, feedback) };
};
