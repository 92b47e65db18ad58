import type { ExportDialog, ExportDialogHost } from './export-dialog';

/**
 * Returns a function that opens the Export dialog, and opens it too when the host asks (File >
 * Export PDF… in the app) until `signal` aborts. The dialog's code loads on first use: presenting
 * never pays for it.
 */
export function exportDialogLauncher(host: ExportDialogHost, signal?: AbortSignal): () => void {
  let dialog: Promise<ExportDialog> | null = null;
  const open = (): void => {
    dialog ??= import('./export-dialog').then(({ ExportDialog }) => new ExportDialog(host));
    void dialog.then((shown) => shown.open());
  };
  const unsubscribe = host.api.onExportRequested(open);
  signal?.addEventListener('abort', unsubscribe, { once: true });
  return open;
}
