// The app itself: one classic script, run once the page is parsed. The search worker was started
// before it by the page's early script (features/knowledge/early-start.ts).
// Tokens and resets first, so every component's styles build on them.
import './ui/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, NoToken } from './App';
import { createSearchIndex } from './features/knowledge/searchIndex';
import { connectBridge } from './platform/bridge';
import { startState } from './state';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');
const root = createRoot(container);

const connection = connectBridge();
if (connection.kind === 'no-token') {
  root.render(<NoToken />);
} else {
  // Listeners go on before the first frame can arrive, so the host's opening pushes are not missed.
  startState(connection.bridge, createSearchIndex(connection.bridge.knowledgeLink));
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
