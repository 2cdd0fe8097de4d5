import type { SpendCsv } from '../../state';

/**
 * Hands the CSV to the browser's (or Electron's) download handling through a blob: address. A
 * download is not a fetch or a navigation, so the window's content security policy allows it.
 * The byte-order mark lets Excel read names such as "St Ann’s" as UTF-8.
 */
export function saveCsv({ filename, csv }: SpendCsv): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the download reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
