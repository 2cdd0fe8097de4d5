import { expect, type Locator, type Page } from '@playwright/test';

export const post = (url: string, body: Record<string, string>) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (r) => ({
    status: r.status,
    body: (await r.json()) as unknown,
  }));

/** A softphone call from `from`, rung and answered, waiting until its case is open in the console. */
export async function answeredCall(page: Page, cti: string, callId: string, from: string, queue = 'food'): Promise<void> {
  expect((await post(cti, { event: 'newCall', from, to: '08081570001', direction: 'in', callId, queue })).status).toBe(200);
  await expect(page.getByTestId('call-phase')).toHaveText('Ringing');
  expect((await post(cti, { event: 'answer', callId, direction: 'in' })).status).toBe(200);
  await expect(page.getByTestId('call-phase')).toHaveText('Connected');
  await expect(currentTab(page).getByRole('textbox', { name: 'Case note' })).toBeVisible();
}

export const callBar = (page: Page) => page.locator('.call-bar');
/** The tab panel on screen in the case workspace. */
export const currentTab = (page: Page) => page.getByTestId('case-tab-panel').and(page.locator(':not([hidden])'));
export const knowledgeResults = (page: Page) => page.getByRole('listbox', { name: 'Search results' }).getByRole('option');

/** Wholly inside the window: not cut by its edges, not scrolled out of its own region. */
export async function expectInViewport(page: Page, locator: Locator, what: string): Promise<void> {
  const box = await locator.boundingBox();
  const size = page.viewportSize()!;
  expect(box, `${what} has no box`).not.toBeNull();
  expect(box!.y, `${what} starts above the window`).toBeGreaterThanOrEqual(0);
  expect(box!.x, `${what} starts left of the window`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${what} ends below the window (${size.height}px)`).toBeLessThanOrEqual(size.height);
  expect(box!.x + box!.width, `${what} ends right of the window (${size.width}px)`).toBeLessThanOrEqual(size.width);
  // A region that scrolled it out of view clips it even when the box is inside the window.
  const visible = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + Math.min(8, r.width / 2), r.top + Math.min(8, r.height / 2));
    return hit !== null && (el === hit || el.contains(hit));
  });
  expect(visible, `${what} is covered or clipped`).toBe(true);
}

/** The page itself never scrolls: nothing taller or wider than the window. */
export async function expectNoPageScroll(page: Page): Promise<void> {
  const { scrollHeight, scrollWidth, innerHeight, innerWidth } = await page.evaluate(() => ({
    scrollHeight: document.documentElement.scrollHeight,
    scrollWidth: document.documentElement.scrollWidth,
    innerHeight: window.innerHeight,
    innerWidth: window.innerWidth,
  }));
  expect(scrollHeight, 'page height').toBeLessThanOrEqual(innerHeight);
  expect(scrollWidth, 'page width').toBeLessThanOrEqual(innerWidth);
}
