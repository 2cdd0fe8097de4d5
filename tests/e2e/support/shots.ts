import type { Page } from '@playwright/test';

/** With RAPPORT_SHOTS set, the page as its user sees it at 1280x720 and 1920x1080 (PNG files named `<name>-<width>.png`). */
export async function screenshots(page: Page, name: string): Promise<void> {
  const folder = process.env.RAPPORT_SHOTS;
  if (!folder) return;
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${folder}/${name}-${size.width}.png` });
  }
}
