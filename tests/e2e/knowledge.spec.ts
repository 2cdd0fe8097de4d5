import { expect, test, type Page } from '@playwright/test';
import { results, searchKnowledge, signIn, signedInAs } from './support/app';
import { savedIndexRecords } from './support/saved-index';
import { stackPerTest } from './support/stack';
import { signInAs as hubSignIn } from '../support/client';
import { publishArticle } from '../support/knowledge';

const stack = stackPerTest();

/** Counts the bridge requests a page sends, by name, from the WebSocket frames themselves. */
function countRequests(page: Page): Map<string, number> {
  const counts = new Map<string, number>();
  page.on('websocket', (ws) =>
    ws.on('framesent', (f) => {
      try {
        const name = (JSON.parse(String(f.payload)) as { name?: string }).name;
        if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
      } catch {
        /* not a bridge frame */
      }
    }),
  );
  return counts;
}

test('article text with markup is shown as text, never run as HTML, in results and in the article', async ({ page }) => {
  const nasty = '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script>';
  const made = await publishArticle(stack().hub.url, {
    title: `Kettle descaling ${'<b>bold</b>'} guide`,
    summary: `Descaling kettle advice ${nasty}`,
    body: `# Descaling\n\nKettle descaling steps. ${nasty}\n\n<a href="javascript:alert(1)">click</a>`,
    line: 'food',
    category: 'Product quality',
    tags: ['kettle'],
  });
  expect(made.entry.liveVersion).toBe(1);

  const desktop = await stack().desktop('advisor');
  await signIn(page, desktop.url, 'advisor1.mcr');
  await signedInAs(page, 'Amira Hussain');
  await searchKnowledge(page, 'kettle descaling');
  const first = results(page).first();
  await expect(first).toContainText('<b>bold</b>');
  await expect(first).toContainText('<img src=x onerror=');
  await expect(first.locator('img, script, b')).toHaveCount(0);
  await expect(first.locator('mark').first()).toHaveText(/kettle|descaling/i);
  await first.click();
  const article = page.getByRole('region', { name: 'Article', exact: true });
  await expect(article.getByRole('heading', { level: 2 })).toContainText('Kettle descaling');
  await expect(article.locator('script, img[onerror], a[href^="javascript"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('a retired article leaves the advisor’s search while they watch', async ({ page }) => {
  const desktop = await stack().desktop('advisor');
  await signIn(page, desktop.url, 'advisor2.gla');
  await signedInAs(page, 'Jamie Reid');
  await searchKnowledge(page, 'mouldy bread');
  await expect(results(page).first()).toContainText('Mouldy bread');
  const admin = await hubSignIn(stack().hub.url, 'admin.mcr');
  expect((await admin.client.post('/api/knowledge/articles/mouldy-bread/retire')).status).toBe(200);
  await expect(results(page).filter({ hasText: 'Mouldy bread' })).toHaveCount(0);
});

test('a cold start imports the saved index instead of re-reading every article', async ({ page }) => {
  const desktop = await stack().desktop('advisor');
  await signIn(page, desktop.url, 'advisor3.gla');
  await signedInAs(page, 'Kirsty Boyle');
  await searchKnowledge(page, 'ashes');
  await expect(results(page).first()).toBeVisible();
  // The worker saves a few seconds after the last change: the record names the save, and the
  // numbers (postings, lengths) and the cards are files of their own in the origin's private file system.
  await expect
    .poll(() => page.evaluate(() => new Promise<number>((resolve) => {
      const req = indexedDB.open('rapport-search');
      req.onsuccess = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains('indexes')) return resolve(0);
        const count = db.transaction('indexes').objectStore('indexes').count();
        count.onsuccess = () => resolve(count.result);
      };
      req.onerror = () => resolve(0);
    })), { timeout: 15_000 })
    .toBe(1);
  const files = await savedFiles(page);
  expect(files.filter((f) => /^knowledge-.+\.index$/.test(f))).toHaveLength(1);
  expect(files.filter((f) => /^knowledge-.+\.cards$/.test(f))).toHaveLength(1);
  // The cards file: the save's time, the ids, then one JSON card a line, in the ids' order, each
  // line ending in a newline (the last too), so a cold start can parse only the cards it shows.
  const cardsFile = await savedCardsText(page);
  const lines = cardsFile.split('\n');
  expect(lines.at(-1)).toBe('');
  expect(JSON.parse(lines[0]!)).toEqual({ savedAt: await savedAt(page) });
  const ids = JSON.parse(lines[1]!) as string[];
  expect(ids.length).toBeGreaterThan(0);
  const cards = lines.slice(2, -1).map((l) => JSON.parse(l) as { id: string; title: string });
  expect(cards.map((c) => c.id)).toEqual(ids);
  expect(cards.some((c) => c.title.includes('Tell Us Once'))).toBe(true);

  const counts = countRequests(page);
  await page.reload();
  await signedInAs(page, 'Kirsty Boyle');
  await searchKnowledge(page, 'tell us once reference');
  await expect(results(page).first()).toContainText('Tell Us Once');
  expect(counts.get('knowledge.manifest')).toBe(1);
  expect(counts.get('knowledge.page') ?? 0).toBe(0);

  // An article published while the page was closed is caught up from the manifest.
  await page.close();
  await publishArticle(stack().hub.url, {
    title: 'Loch-side scattering permissions',
    summary: 'Scattering ashes by a loch: who to ask.',
    body: 'Ask the landowner before scattering ashes by a loch.',
    line: 'funeralcare',
    category: 'Arranging a funeral',
    tags: ['ashes'],
  });
  const again = await page.context().newPage();
  await again.goto(desktop.url);
  await signedInAs(again, 'Kirsty Boyle');
  await searchKnowledge(again, 'loch scattering');
  await expect(results(again).first()).toContainText('Loch-side scattering');

  // A damaged numbers file (ten bytes, cut short), then a damaged cards file (ten bytes, cut short
  // mid-card, a card's line not JSON, or one overwritten in place, so that the file is still the size
  // the numbers say and the damage is found only when that card is read, after the first answers)
  // only means indexing again: search still answers, and the next save writes whole files.
  const damages = [
    ['.index', 'ten bytes'],
    ['.index', 'cut short'],
    ['.cards', 'ten bytes'],
    ['.cards', 'cut short'],
    ['.cards', 'a card not JSON'],
    ['.cards', 'a card overwritten in place'],
  ] as const;
  for (const [suffix, damage] of damages) {
    await expect.poll(() => savedFileSizes(again).then((sizes) => Math.min(...sizes)), { timeout: 15_000 }).toBeGreaterThan(10);
    const before = await savedAt(again);
    await again.evaluate(
      async ([suffix, damage]) => {
        const dir = await navigator.storage.getDirectory();
        for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) {
          if (!name.endsWith(suffix)) continue;
          const handle = await dir.getFileHandle(name);
          const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
          const text = new TextDecoder().decode(bytes);
          const lines = text.split('\n');
          const last = lines[lines.length - 2]!;
          if (damage === 'a card not JSON') lines[lines.length - 2] = '{"id": not json}';
          // As many bytes as the line had, framed as a card still.
          else lines[lines.length - 2] = `{${'#'.repeat(new TextEncoder().encode(last).length - 2)}}`;
          const out = await handle.createWritable();
          if (damage === 'ten bytes') await out.write(new Uint8Array(10));
          else if (damage === 'cut short') await out.write(bytes.slice(0, Math.floor(bytes.length / 2)));
          else await out.write(lines.join('\n'));
          await out.close();
        }
      },
      [suffix, damage] as const,
    );
    const recounted = countRequests(again);
    await again.reload();
    await signedInAs(again, 'Kirsty Boyle');
    await searchKnowledge(again, 'tell us once reference');
    await expect(results(again).first()).toContainText('Tell Us Once');
    await expect.poll(() => recounted.get('knowledge.page') ?? 0, { message: `after ${suffix} damaged (${damage})`, timeout: 15_000 }).toBeGreaterThan(0);
    // Saved afresh before the next damage, so that damage is not written over.
    await expect.poll(() => savedAt(again), { timeout: 15_000 }).not.toBe(before);
  }
});

test('a save made by an earlier engine is not imported: the index is built again and saved anew', async ({ page }) => {
  // An earlier engine made its terms from the text another way (a word it kept whole may now be
  // read as another word), so its save would answer differently from an index built now.
  const desktop = await stack().desktop('advisor');
  await signIn(page, desktop.url, 'advisor3.gla');
  await signedInAs(page, 'Kirsty Boyle');
  await expect.poll(() => savedAt(page), { timeout: 15_000 }).toBeGreaterThan(0);
  const before = await savedAt(page);
  const older = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('rapport-search');
        req.onsuccess = () => {
          const store = req.result.transaction('indexes', 'readwrite').objectStore('indexes');
          const all = store.getAll();
          all.onsuccess = () => {
            const saved = (all.result as { cursor?: unknown; format: number }[]).find((r) => typeof r.cursor === 'number')!;
            saved.format -= 1;
            store.put(saved).onsuccess = () => resolve(saved.format);
          };
        };
        req.onerror = () => reject(new Error('no search database'));
      }),
  );
  const counts = countRequests(page);
  await page.reload();
  await signedInAs(page, 'Kirsty Boyle');
  await searchKnowledge(page, 'tell us once reference');
  await expect(results(page).first()).toContainText('Tell Us Once');
  await expect.poll(() => counts.get('knowledge.page') ?? 0, { message: `a save of format ${older}` }).toBeGreaterThan(0);
  await expect.poll(() => savedAt(page), { timeout: 15_000 }).not.toBe(before);
});

test('a search database left without its store is repaired, and the index is saved in it', async ({ page }) => {
  const desktop = await stack().desktop('advisor');
  // Made by another script of this origin (or left by an upgrade cut short) before the app opened it:
  // version 1, the app's own version, with no store. Done on a page of the origin that runs no app.
  await page.goto(new URL('favicon-none.txt', desktop.url).href);
  const made = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const req = indexedDB.open('rapport-search', 1);
        req.onsuccess = () => {
          resolve(`${req.result.version}:${req.result.objectStoreNames.length}`);
          req.result.close();
        };
        req.onerror = () => resolve('failed');
      }),
  );
  expect(made).toBe('1:0');
  await signIn(page, desktop.url, 'advisor3.gla');
  await signedInAs(page, 'Kirsty Boyle');
  await searchKnowledge(page, 'ashes');
  await expect(results(page).first()).toBeVisible();
  await expect.poll(async () => (await savedIndexRecords(page)).length, { timeout: 15_000 }).toBe(1);
});

test('with the browser’s storage full, knowledge syncs, answers after a restart, and is saved once there is room', async ({ page }) => {
  const desktop = await stack().desktop('advisor');
  await page.goto(desktop.url);
  // The origin's quota set to a few bytes (Chromium's own quota override): every write to IndexedDB
  // and the private file system is refused as a full disk would refuse it.
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(desktop.url).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 16 });
  await signIn(page, desktop.url, 'advisor3.gla');
  await signedInAs(page, 'Kirsty Boyle');
  await searchKnowledge(page, 'ashes');
  await expect(results(page).first()).toBeVisible();

  // A restart with nothing saved reads every article again from the desktop's cache, and answers.
  const counts = countRequests(page);
  await page.reload();
  await signedInAs(page, 'Kirsty Boyle');
  await searchKnowledge(page, 'tell us once reference');
  await expect(results(page).first()).toContainText('Tell Us Once');
  expect(counts.get('knowledge.page') ?? 0).toBeGreaterThan(0);
  expect(await savedIndexRecords(page)).toEqual([]);

  // Room again: the next start saves the index.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await page.reload();
  await signedInAs(page, 'Kirsty Boyle');
  await expect.poll(async () => (await savedIndexRecords(page)).length, { timeout: 15_000 }).toBe(1);
  await searchKnowledge(page, 'ashes');
  await expect(results(page).first()).toBeVisible();
});

test('a search with many answers lists them all, the keyboard reaches the last, and focus comes back to it from its article', async ({ page }) => {
  const desktop = await stack().desktop('advisor');
  await signIn(page, desktop.url, 'advisor3.gla');
  await signedInAs(page, 'Kirsty Boyle');
  await searchKnowledge(page, 'customer');
  // All of them, as the count says (up to the thirty a search shows).
  const found = page.getByText(/^[1-9]\d* articles found$/);
  await expect(found).toBeVisible();
  const count = Math.min(30, Number((await found.textContent())!.split(' ')[0]));
  expect(count).toBeGreaterThan(10);
  await expect(results(page)).toHaveCount(count);

  await page.getByRole('searchbox', { name: 'Search knowledge' }).press('ArrowDown');
  await expect(results(page).first()).toBeFocused();
  await page.keyboard.press('End');
  const last = results(page).nth(count - 1);
  await expect(last).toBeFocused();
  const title = (await last.locator('.result-title').textContent())!;
  await page.keyboard.press('Enter');
  const article = page.getByRole('region', { name: 'Article', exact: true });
  await expect(article.getByRole('heading', { level: 2 })).toHaveText(title);
  await page.keyboard.press('Escape');
  await expect(results(page).nth(count - 1)).toBeFocused();
  await expect(results(page).nth(count - 1).locator('.result-title')).toHaveText(title);
});

/** The time of the saved index's record (its files carry the same). */
const savedAt = async (page: Page) => Math.max(0, ...(await savedIndexRecords(page)).map((r) => r.savedAt));

/** The saved cards file's text. */
const savedCardsText = (page: Page) =>
  page.evaluate(async () => {
    const dir = await navigator.storage.getDirectory();
    for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) {
      if (/^knowledge-.+\.cards$/.test(name)) return (await (await dir.getFileHandle(name)).getFile()).text();
    }
    return '';
  });

/** The names of the files in the origin's private file system. */
const savedFiles = (page: Page) =>
  page.evaluate(async () => {
    const names: string[] = [];
    const dir = (await navigator.storage.getDirectory()) as unknown as { keys(): AsyncIterable<string> };
    for await (const name of dir.keys()) names.push(name);
    return names;
  });

/** The sizes of the saved index's files (numbers and cards). */
const savedFileSizes = (page: Page) =>
  page.evaluate(async () => {
    const sizes: number[] = [];
    const dir = await navigator.storage.getDirectory();
    for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) {
      if (/^knowledge-.+\.(index|cards)$/.test(name)) sizes.push((await (await dir.getFileHandle(name)).getFile()).size);
    }
    return sizes.length === 2 ? sizes : [0];
  });

test('filters narrow the search to a line of business and a category', async ({ page }) => {
  const desktop = await stack().desktop('advisor');
  await signIn(page, desktop.url, 'advisor1.gla');
  await signedInAs(page, 'Iona MacLeod');
  await searchKnowledge(page, 'refund');
  await expect(results(page).first()).toBeVisible();
  await page.getByLabel('Filter by line').selectOption({ label: 'Funeral care' });
  await expect(results(page).first()).toBeVisible();
  const lines = await results(page).allTextContents();
  expect(lines.every((t) => /Funeral care|All lines/.test(t))).toBe(true);
  await page.getByLabel('Filter by line').selectOption({ label: 'All lines' });
  await page.getByLabel('Filter by category').selectOption('Refunds');
  await expect(results(page).first()).toBeVisible();
  await searchKnowledge(page, 'ashes cremation');
  await expect(page.getByText(/No articles match/)).toBeVisible();
});
