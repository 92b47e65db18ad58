import { writeFileAtomically } from '../fs/write-atomic';
import { withPrintSession, type PrintSessionRequest } from './print-session';

export type { ExportPhase, ExportProgress } from './print-session';

export type PdfExportRequest = PrintSessionRequest & {
  output: string;
};

export interface PdfExportResult {
  output: string;
  slides: number;
  pages: number;
  bytes: number;
}

/**
 * Exports a deck to PDF through headless Chromium: the renderer's print page (the same page the
 * app prints with printToPDF), then the same post-processing as the app (metadata, bookmarks).
 * A deck with errors or missing files is refused before anything is printed, and the output path
 * only ever receives a whole PDF: nothing is written until the last step succeeded.
 */
export function exportPdf(request: PdfExportRequest): Promise<PdfExportResult> {
  return withPrintSession(request, { format: 'pdf' }, async ({ product: pdf, slides, pages }) => {
    await writeFileAtomically(request.output, pdf);
    return { output: request.output, slides, pages, bytes: pdf.byteLength };
  });
}

/** The same PDF as exportPdf, kept in memory: serve mode answers its Export button with it. */
export function printPdf(request: PrintSessionRequest): Promise<{ pdf: Uint8Array; slides: number; pages: number }> {
  return withPrintSession(request, { format: 'pdf' }, async ({ product: pdf, slides, pages }) => ({ pdf, slides, pages }));
}
