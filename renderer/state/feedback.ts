import { create } from 'zustand';
import type { BridgeError } from '../../shared/contract/envelope';
import type { ArticleFeedback, FeedbackView } from '../../shared/schemas/knowledge';
import { bridge } from './bridgeRef';
import { fetchInto } from './fetchInto';
import { idle, type Loadable } from './loadable';

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
  /** What I told the knowledge team (flags and "not helpful"), with their replies. */
  mine: Loadable<FeedbackView[]>;
  loadMine(): Promise<void>;
  /** The article whose feedback the knowledge team has just replied to (said once, on screen). */
  newReplyFor: string | null;
  /** The hub pushed a reply to me: the list follows and says which. */
  replied(articleId: string | null): Promise<void>;
  dismissReply(): void;
  clear(): void;
}

export const useFeedbackStore = create<FeedbackStore>()((set, get) => {
  const patch = (articleId: string, change: Partial<ArticleFeedbackState>) =>
    set({ byArticle: { ...get().byArticle, [articleId]: { ...(get().byArticle[articleId] ?? blank), ...change } } });

  const mine = fetchInto(
    () => get().mine,
    (v) => set({ mine: v }),
    () => bridge().call('knowledge.myFeedback', {}),
    (list) => list,
  );

  return {
    byArticle: {},
    mine: idle,
    newReplyFor: null,
    loadMine: mine.load,

    async replied(articleId) {
      await mine.load();
      if (articleId) set({ newReplyFor: articleId });
    },

    dismissReply: () => set({ newReplyFor: null }),

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
      if (feedback.kind !== 'helpful' && get().mine.status !== 'idle') void mine.load();
      return true;
    },

    clear() {
      mine.cancel();
      set({ byArticle: {}, mine: idle, newReplyFor: null });
    },
  };
});

export const useArticleFeedback = (articleId: string) => {
  const state = useFeedbackStore((s) => s.byArticle[articleId] ?? blank);
  const send = useFeedbackStore((s) => s.send);
  return { ...state, send: (feedback: ArticleFeedback) => send(articleId, feedback) };
};

export const useMyFeedback = () => {
  const list = useFeedbackStore((s) => s.mine);
  const newReplyFor = useFeedbackStore((s) => s.newReplyFor);
  const load = useFeedbackStore((s) => s.loadMine);
  const dismissReply = useFeedbackStore((s) => s.dismissReply);
  return { list, newReplyFor, load, dismissReply };
};
