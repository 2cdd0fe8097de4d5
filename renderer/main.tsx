import { startSearchWorkerEarly } from './features/knowledge/early-worker';

// The search worker starts before the app's code is fetched and run, so its start-up and its
// read of the saved index overlap the page's; the app takes this worker when it makes its index.
startSearchWorkerEarly();
void import('./app-main');
