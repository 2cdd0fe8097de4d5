import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startHub } from '../../server/hub';
import { insertMany } from '../../server/seed/seed';
import { chromiumArgs, chromiumPath } from '../e2e/support/browser';
import { savedIndexRecords } from '../e2e/support/saved-index';
import { spawnDesktop } from '../support/processes';
import { generateKnowledgeBase } from './generate-kb';
import { formatMs } from './stats';

/**
 * In Chromium, on the built app: 50,000 articles sync into a fresh desktop and its search index
 * while a long-task observer watches the page's main thread; then cold starts with the saved
 * index, timed from navigation to the first result on screen for a question typed the moment the
 * search box shows (typed in the page, not through Playwright): five reloads of the page, then five
 * new windows (a new renderer process, as launching the desktop is); the median of each is its figure.
 */
export interface BrowserKnowledgeFigures {
  articles: number;
  syncAndIndexMs: number;
  longTasksOver50: number;
  longestTaskMs: number;
  coldStartFirstResultMs: number;
  newWindowFirstResultMs: number;
}

/** Watches the page's main thread while syncing; not during the cold starts (the tab's flag is cleared), which it would slow. */
const LONG_TASKS = `
  if (sessionStorage.getItem('bench-watch')) {
  window.__longTasks = [];
  window.__longFrames = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
    .observe({ type: 'longtask', buffered: true });
  // What ran in each long frame (Chromium's long-animation-frame entries), to say what a long task was.
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.duration < 50) continue;
        const scripts = (e.scripts || []).map((s) => ({ ms: Math.round(s.duration), what: s.invoker + ' ' + (s.sourceFunctionName || '') + ' ' + (s.sourceURL || '').split('/').pop() }));
        window.__longFrames.push({ at: Math.round(e.startTime), ms: Math.round(e.duration), render: Math.round(e.duration - (e.renderStart ? e.renderStart - e.startTime : e.duration)), scripts });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
  }
`;

const ANSWERED = '[bench] first answer ';

/**
 * The moment the first answer to a typed search is on screen, taken in the page itself (not through
 * Playwright's polling, whose intervals and round trips would be counted too): when the results'
 * live region says how many articles were found, after that frame has been painted. The question is
 * typed in the page the moment the search box shows (typing through Playwright added 150-250 ms of
 * its own round trips), and the figures leave the page as a console message: a Playwright locator
 * would inject its own script, some 330 kB, into the starting page (110-150 ms of its main thread
 * in a CPU profile, counted in the cold start until 7 December).
 */
const firstAnswer = (question: string) => `
  window.__firstAnswerAt = 0;
  window.__boxAt = 0;
  window.__typedAt = 0;
  document.addEventListener('input', () => { if (!window.__typedAt) window.__typedAt = performance.now(); }, true);
  new MutationObserver(() => {
    const box = document.querySelector('[role="searchbox"]');
    if (!window.__boxAt && box) {
      window.__boxAt = performance.now();
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(box, ${JSON.stringify(question)});
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }
    if (window.__firstAnswerAt) return;
    const live = [...document.querySelectorAll('[aria-live="polite"]')].find((e) => /articles? found/.test(e.textContent || ''));
    if (!live || !/^[1-9]/.test(live.textContent || '')) return;
    window.__firstAnswerAt = -1;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        window.__firstAnswerAt = performance.now();
        console.log('${ANSWERED}' + JSON.stringify({ box: window.__boxAt, typed: window.__typedAt, answer: window.__firstAnswerAt }));
      };
      channel.port2.postMessage(null);
    });
  }).observe(document, { subtree: true, childList: true, characterData: true });
`;
interface ColdStart {
  box: number;
  typed: number;
  answer: number;
}

/** Starts `open` (a reload, or a new window's navigation) and waits for the page's own report of its first answer. */
async function coldStart(page: Page, open: () => Promise<unknown>): Promise<ColdStart> {
  const answered = page.waitForEvent('console', { predicate: (m) => m.text().startsWith(ANSWERED), timeout: 60_000 });
  await open();
  return JSON.parse((await answered).text().slice(ANSWERED.length)) as ColdStart;
}

const savedCursor = async (page: Page) => Math.max(-1, ...(await savedIndexRecords(page)).map((r) => r.cursor));

const COLD_STARTS = 5;

export async function benchKnowledgeBrowser(opts: { articles?: number } = {}): Promise<BrowserKnowledgeFigures> {
  const count = opts.articles ?? Number(process.env.BENCH_ARTICLES ?? 50_000);
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-kb-'));
  const hub = await startHub({ port: 0, sqlitePath: join(dir, 'hub.sqlite') });
  const log = (s: string) => console.log(`  · ${s}`);
  log(`generating and publishing ${count.toLocaleString('en-GB')} articles`);
  const articles = generateKnowledgeBase(count, 5782);
  // The generator's titles repeat: the last article gets one of its own, so finding it means it synced.
  const lastArticle = articles[articles.length - 1]!;
  lastArticle.title = `${lastArticle.title} quokkaberry`;
  const now = Date.now();
  await hub.context.db.tx(async (q) => {
    const base = Number((await q.get<{ value: number }>("SELECT value FROM counters WHERE name = 'knowledge'"))!.value);
    await insertMany(
      q,
      'knowledge_articles',
      [
        'id',
        'title',
        'summary',
        'body',
        'line',
        'category',
        'tags',
        'audience_roles',
        'audience_sites',
        'status',
        'created_at',
        'updated_at',
        'published_at',
        'change_seq',
      ],
      articles.map((a, i) => [
        a.id,
        a.title,
        a.summary,
        a.body,
        a.line,
        a.category,
        a.tags.join(','),
        '',
        '',
        'published',
        now,
        a.updatedAt,
        now,
        base + i + 1,
      ]),
    );
    await q.run("UPDATE counters SET value = ? WHERE name = 'knowledge'", [base + count]);
  });
  const desktop = await spawnDesktop({
    RAPPORT_DATA_DIR: join(dir, 'desk'),
    RAPPORT_PORT: '0',
    RAPPORT_CTI_PORT: '0',
    RAPPORT_HUB_URL: hub.url,
  });
  // A profile on disk, as the desktop's window has (Electron's default session keeps IndexedDB, the
  // private file system and the HTTP and code caches on disk); a browser context of Playwright's
  // own keeps them in memory and compiles no code cache.
  const context = await chromium.launchPersistentContext(join(dir, 'browser-profile'), {
    executablePath: chromiumPath(),
    args: chromiumArgs,
    viewport: { width: 1320, height: 840 },
    locale: 'en-GB',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(LONG_TASKS);
    await page.goto(desktop.url);
    await page.evaluate(() => sessionStorage.setItem('bench-watch', '1'));
    await page.reload();
    await page.getByLabel('Username').fill('advisor1.mcr');
    await page.getByLabel('Password').fill('rapport-demo-2026');
    // Only what happens from sign-in on counts: the app's own start-up is not the sync.
    await page.evaluate(() => {
      (window as unknown as { __longTasks: number[] }).__longTasks = [];
      (window as unknown as { __longFrames: unknown[] }).__longFrames = [];
    });
    const started = performance.now();
    await page.getByRole('button', { name: 'Sign in' }).click();
    const last = articles[articles.length - 1]!;
    const box = page.getByRole('searchbox', { name: 'Search knowledge' });
    await box.waitFor();
    const options = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
    // Done when the last article synced is findable by its own title.
    for (;;) {
      await box.fill(`${last.title} `);
      const found = await options
        .first()
        .textContent({ timeout: 2000 })
        .catch(() => '');
      if (found?.includes(last.title)) break;
      if (performance.now() - started > 20 * 60_000) throw new Error('sync and index did not finish in 20 minutes');
      await page.waitForTimeout(1000);
    }
    const syncAndIndexMs = performance.now() - started;
    const tasks = (await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks)) ?? [];
    if (process.env['BENCH_VERBOSE'])
      for (const frame of await page.evaluate(() => (window as unknown as { __longFrames: unknown[] }).__longFrames))
        log(`long frame: ${JSON.stringify(frame)}`);
    log(
      `synced and indexed in ${formatMs(syncAndIndexMs)}; long tasks over 50 ms: ${tasks.length}, longest ${formatMs(Math.max(0, ...tasks))}`,
    );

    const finalCursor = Number(
      (await hub.context.db.get<{ value: number }>("SELECT value FROM counters WHERE name = 'knowledge'"))!.value,
    );
    for (let i = 0; i < 120 && (await savedCursor(page)) < finalCursor; i++) await page.waitForTimeout(1000);
    log(`index saved at cursor ${await savedCursor(page)}`);

    // Several cold starts of each kind: one figure on a shared machine says little. The median is the figure.
    // Each begins with the machine at rest, as a person's would: the page before has finished the
    // background work of its own start (reading the rest of its files, the misspelling index).
    const atRest = () => new Promise((resolve) => setTimeout(resolve, 4000));
    await page.evaluate(() => sessionStorage.removeItem('bench-watch'));
    await page.context().addInitScript(firstAnswer('parcel never arrived'));
    const describe = (kind: string, runs: ColdStart[]) => {
      if (process.env['BENCH_VERBOSE'])
        runs.forEach((r, i) => log(`${kind} ${i + 1}: search box on the page at ${Math.round(r.box)} ms, typed into at ${Math.round(r.typed)} ms, first answer at ${Math.round(r.answer)} ms`));
      const median = [...runs.map((r) => r.answer)].sort((x, y) => x - y)[Math.floor(runs.length / 2)]!;
      log(`${kind}: median ${formatMs(median)} of ${runs.map((r) => formatMs(r.answer)).join(', ')}`);
      return median;
    };
    // Reloading the page: the browser's renderer process and its compiled code stay.
    const reloads: ColdStart[] = [];
    for (let i = 0; i < COLD_STARTS; i++) {
      await atRest();
      reloads.push(await coldStart(page, () => page.reload()));
    }
    const coldStartFirstResultMs = describe('cold start, page reloaded, to first result', reloads);
    // A new window: a new renderer process that compiles the app afresh, as launching the desktop does.
    const windows: ColdStart[] = [];
    let current = page;
    for (let i = 0; i < COLD_STARTS; i++) {
      await atRest();
      await current.close();
      current = await page.context().newPage();
      const opened = current;
      windows.push(await coldStart(opened, () => opened.goto(desktop.url)));
    }
    const newWindowFirstResultMs = describe('cold start, new window, to first result', windows);
    const figures = {
      articles: count,
      syncAndIndexMs,
      longTasksOver50: tasks.length,
      longestTaskMs: Math.max(0, ...tasks),
      coldStartFirstResultMs,
      newWindowFirstResultMs,
    };
    console.log(
      `\nTargets: no main-thread task over 50 ms while syncing: ${figures.longTasksOver50 === 0 ? 'met' : `MISSED (${figures.longTasksOver50} tasks, longest ${formatMs(figures.longestTaskMs)})`}` +
        `; first result within 500 ms of a cold start (median): reloaded ${coldStartFirstResultMs <= 500 ? 'met' : 'MISSED'} (${formatMs(coldStartFirstResultMs)}),` +
        ` new window ${newWindowFirstResultMs <= 500 ? 'met' : 'MISSED'} (${formatMs(newWindowFirstResultMs)})`,
    );
    return figures;
  } finally {
    await context.close();
    await desktop.stop();
    await hub.close();
    // The browser's profile alone holds the saved index twice over (some 100 MB).
    rmSync(dir, { recursive: true, force: true });
  }
}
