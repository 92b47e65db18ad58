import { HTTP_ROUTES } from '../../shared/api';
import type { ExportApi } from '../../shared/export/export-api';
import { failureOf } from './http-failure';

const ROUTE = HTTP_ROUTES.exportPdf.replace(/^\//, '');

/**
 * Serve mode's side of ExportApi: the server exports with headless Chromium and answers with the
 * PDF, which the browser then downloads. It reports no steps (the answer is one response), and
 * there is no menu to ask for the dialog.
 */
export function createHttpExportApi(): ExportApi {
  return {
    async exportPdf(choices) {
      const response = await fetch(ROUTE, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(choices),
      });
      if (!response.ok) throw await failureOf(response);
      const pdf = await response.blob();
      const name = downloadName(response.headers.get('Content-Disposition')) ?? 'deck.pdf';
      download(name, pdf);
      return { path: name, bytes: pdf.size };
    },
    onExportProgress: () => () => undefined,
    onExportRequested: () => () => undefined,
  };
}

/** The file name of `attachment; filename="…"; filename*=UTF-8''…`, preferring the UTF-8 one. */
function downloadName(header: string | null): string | null {
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '');
  if (utf8?.[1]) return decodeURIComponent(utf8[1]);
  return /filename="([^"]+)"/i.exec(header ?? '')?.[1] ?? null;
}

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The download has its own copy once the click was handled.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
