import { HTTP_ROUTES } from '../../shared/api';
import { EXPORT_WARNINGS_HEADER, type ExportApi, type ExportResult } from '../../shared/export/export-api';
import { failureOf } from './http-failure';

const relative = (route: string): string => route.replace(/^\//, '');

/**
 * Serve mode's side of ExportApi: the server exports with headless Chromium and answers with the
 * file, which the browser then downloads. It reports no steps (the answer is one response), and
 * there is no menu to ask for the dialog.
 */
export function createHttpExportApi(): ExportApi {
  return {
    exportPdf: (choices) => exportAndDownload(HTTP_ROUTES.exportPdf, choices, 'deck.pdf'),
    exportPptx: (request) => exportAndDownload(HTTP_ROUTES.exportPptx, request, 'deck.pptx'),
    onExportProgress: () => () => undefined,
    onExportRequested: () => () => undefined,
  };
}

async function exportAndDownload(route: string, body: unknown, fallbackName: string): Promise<ExportResult> {
  const response = await fetch(relative(route), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await failureOf(response);
  const file = await response.blob();
  const name = downloadName(response.headers.get('Content-Disposition')) ?? fallbackName;
  download(name, file);
  const warnings = warningsOf(response.headers.get(EXPORT_WARNINGS_HEADER));
  return { path: name, bytes: file.size, ...(warnings.length > 0 && { warnings }) };
}

/** The export's warnings, which serve mode sends as a JSON list in a header beside the file. */
function warningsOf(header: string | null): string[] {
  if (!header) return [];
  try {
    const list: unknown = JSON.parse(decodeURIComponent(header));
    return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
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
