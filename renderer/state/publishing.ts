import { create } from 'zustand';
import type { BridgeError } from '../../shared/contract/envelope';
import type { PublishingChoices, PublishingInbox } from '../../shared/contract/publishing';
import type { RequestArgs, RequestName } from '../../shared/contract/requests';
import type { ArticleEntry, ArticleHistory, ArticleVersion, KnowledgeSettings } from '../../shared/schemas/knowledge';
import { bridge } from './bridgeRef';
import { fetchInto } from './fetchInto';
import { idle, type Loadable } from './loadable';

/** Steps that change an article and answer with its history. */
type Step = Extract<
  RequestName,
  | 'publishing.create'
  | 'publishing.save'
  | 'publishing.submit'
  | 'publishing.review'
  | 'publishing.discard'
  | 'publishing.restore'
  | 'publishing.retire'
  | 'publishing.cancelRetirement'
>;

interface PublishingStore {
  list: Loadable<ArticleEntry[]>;
  /** The article open on the right: an id, `new` for a blank one, or nothing. */
  selected: string | null;
  history: Loadable<ArticleHistory>;
  inbox: Loadable<PublishingInbox>;
  choices: PublishingChoices | null;
  settings: KnowledgeSettings | null;
  busy: Step | null;
  error: BridgeError | null;
  notice: string | null;
  loadList(): Promise<void>;
  loadInbox(): Promise<void>;
  loadChoices(): Promise<void>;
  select(id: string | null): void;
  /** One version in full (for the editor, the reader and the diff); null if it cannot be had now. */
  loadVersion(id: string, version: number): Promise<ArticleVersion | null>;
  run<N extends Step>(step: N, args: RequestArgs<N>, notice: string): Promise<boolean>;
  setFourEyes(on: boolean): Promise<void>;
  reply(feedbackId: string, reply: string): Promise<boolean>;
  resolve(feedbackId: string): Promise<boolean>;
  /** The hub said an article or the inbox changed: refresh what is on screen. */
  changed(articleId: string | null): void;
  clear(): void;
}

export const usePublishingStore = create<PublishingStore>()((set, get) => {
  const list = fetchInto(
    () => get().list,
    (v) => set({ list: v }),
    () => bridge().call('publishing.list', {}),
    (a) => a,
  );
  const inbox = fetchInto(
    () => get().inbox,
    (v) => set({ inbox: v }),
    () => bridge().call('publishing.inbox', { status: 'open' }),
    (a) => a,
  );
  let historyFor = '';
  const history = fetchInto(
    () => get().history,
    (v) => set({ history: v }),
    () => bridge().call('publishing.history', { id: historyFor }),
    (a) => a,
  );
  return {
    list: idle,
    selected: null,
    history: idle,
    inbox: idle,
    choices: null,
    settings: null,
    busy: null,
    error: null,
    notice: null,
    loadList: list.load,
    loadInbox: inbox.load,
    async loadChoices() {
      const [choices, settings] = await Promise.all([bridge().call('publishing.choices', {}), bridge().call('publishing.settings', {})]);
      set({ choices: choices.ok ? choices.value : get().choices, settings: settings.ok ? settings.value : get().settings });
    },
    select(id) {
      set({ selected: id, error: null, notice: null, history: idle });
      history.cancel();
      if (id && id !== 'new') {
        historyFor = id;
        void history.load();
      }
    },
    async loadVersion(id, version) {
      const result = await bridge().call('publishing.version', { id, version });
      return result.ok ? result.value : null;
    },
    async run(step, args, notice) {
      if (get().busy) return false;
      set({ busy: step, error: null, notice: null });
      const result = await bridge().call(step, args);
      if (!result.ok) {
        set({ busy: null, error: result.error });
        return false;
      }
      const h = result.value as ArticleHistory;
      historyFor = h.entry.id;
      set({ busy: null, selected: h.entry.id, history: { status: 'ready', data: h }, notice });
      void list.load();
      return true;
    },
    async setFourEyes(on) {
      const result = await bridge().call('publishing.saveSettings', { fourEyes: on });
      if (result.ok) set({ settings: result.value });
      else set({ error: result.error });
    },
    async reply(feedbackId, reply) {
      const result = await bridge().call('publishing.reply', { feedbackId, reply, resolve: true });
      if (!result.ok) set({ error: result.error });
      else void inbox.load();
      return result.ok;
    },
    async resolve(feedbackId) {
      const result = await bridge().call('publishing.resolve', { feedbackId });
      if (!result.ok) set({ error: result.error });
      else void inbox.load();
      return result.ok;
    },
    changed(articleId) {
      const s = get();
      if (s.list.status !== 'idle') void list.load();
      if (s.inbox.status !== 'idle') void inbox.load();
      if (articleId && s.selected === articleId && !s.busy) void history.load();
    },
    clear() {
      list.cancel();
      inbox.cancel();
      history.cancel();
      set({ list: idle, selected: null, history: idle, inbox: idle, choices: null, settings: null, busy: null, error: null, notice: null });
    },
  };
});
