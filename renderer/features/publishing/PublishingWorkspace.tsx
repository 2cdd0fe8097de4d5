import { useEffect, useState } from 'react';
import { usePublishingStore, useSignedIn } from '../../state';
import { Card } from '../../ui/Card';
import { Loaded } from '../../ui/Loaded';
import { EmptyState } from '../../ui/States';
import { ArticleDetail } from './ArticleDetail';
import { ArticleEditor } from './ArticleEditor';
import { ArticleList } from './ArticleList';
import { blankForm } from './draftForm';
import { FeedbackInbox } from './FeedbackInbox';
import './publishing.css';

/** The knowledge team's desk: articles on the left, the one open on the right; the inbox one tab away. */
export function PublishingWorkspace() {
  const [view, setView] = useState<'articles' | 'inbox'>('articles');
  const selected = usePublishingStore((s) => s.selected);
  const history = usePublishingStore((s) => s.history);
  const notice = usePublishingStore((s) => s.notice);
  const settings = usePublishingStore((s) => s.settings);
  const { loadList, loadInbox, loadChoices, select, setFourEyes } = usePublishingStore.getState();
  const me = useSignedIn()?.user.id ?? '';
  useEffect(() => {
    void loadList();
    void loadChoices();
  }, [loadList, loadChoices]);
  useEffect(() => {
    if (view === 'inbox') void loadInbox();
  }, [view, loadInbox]);

  const actions = (
    <div className="pub-head-actions">
      <div className="pub-tabs" role="group" aria-label="Knowledge view">
        <button type="button" className="button button-small button-secondary" aria-pressed={view === 'articles'} onClick={() => setView('articles')}>Articles</button>
        <button type="button" className="button button-small button-secondary" aria-pressed={view === 'inbox'} onClick={() => setView('inbox')}>Feedback inbox</button>
      </div>
      {settings ? (
        <label className="pub-check">
          <input type="checkbox" checked={settings.fourEyes} onChange={(e) => void setFourEyes(e.target.checked)} /> Second approval needed to publish
        </label>
      ) : null}
      <button type="button" className="button button-small" onClick={() => { setView('articles'); select('new'); }}>New article</button>
    </div>
  );
  return (
    <Card title="Knowledge" actions={actions} className="pub-card">
      <p className="pub-notice" role="status">{notice ?? ''}</p>
      {view === 'inbox' ? <FeedbackInbox /> : (
        <div className="pub-layout">
          <ArticleList />
          <div className="pub-pane">
            {selected === 'new' ? (
              <ArticleEditor id={null} initial={blankForm(me)} onDone={() => { if (usePublishingStore.getState().selected === 'new') select(null); }} />
            ) : selected ? (
              <Loaded value={history} loadingLabel="Loading the article…" errorTitle="The article could not be loaded." onRetry={() => select(selected)}>
                {(h) => <ArticleDetail key={h.entry.id} history={h} />}
              </Loaded>
            ) : (
              <EmptyState>Choose an article, or write a new one</EmptyState>
            )}
          </div>
        </div>
      )}
    </Card>
  );
}
