import type { Page } from '@playwright/test';

/** The saved search index's record as the page's IndexedDB holds it (cards kept there are a record without a cursor). */
export interface SavedIndexRecord {
  cursor: number;
  savedAt: number;
}

/** The saved index records of the signed-in desktop in `page`; none before the first save. */
export const savedIndexRecords = (page: Page): Promise<SavedIndexRecord[]> =>
  page.evaluate(async () => {
    // Opening a database that does not exist would make it, at version 1 with no store.
    if (!(await indexedDB.databases()).some((d) => d.name === 'rapport-search')) return [];
    return new Promise<{ cursor: number; savedAt: number }[]>((resolve) => {
      const req = indexedDB.open('rapport-search');
      req.onsuccess = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains('indexes')) return resolve([]);
        const all = db.transaction('indexes').objectStore('indexes').getAll();
        all.onsuccess = () =>
          resolve(
            (all.result as { cursor?: unknown; savedAt?: unknown }[]).flatMap((r) =>
              typeof r.cursor === 'number' ? [{ cursor: r.cursor, savedAt: typeof r.savedAt === 'number' ? r.savedAt : 0 }] : [],
            ),
          );
        all.onerror = () => resolve([]);
      };
      req.onerror = () => resolve([]);
    });
  });
