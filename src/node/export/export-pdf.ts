import { writeFileAtomically } from '../fs/write-atomic';
import { printInParts } from './print-in-parts';
import { withPrintSession, type PrintSessionRequest } from './print-session';

export type { ExportPhase, ExportProgress } from './print-session';

export interface PdfExportRequest extends PrintSessionRequest {
  output: string;
}

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
  return withPrintSession(request, 'pdf', async (session) => {
    session.report('printing');
    const printed = await printInParts(session.page, session.pages);
    session.report('finishing');
    session.release();
    // Loaded by the session by now; imported here so that nothing loads before the browser starts.
    const { finishExport } = await import('./prepare-export');
    const pdf = await finishExport(session.deck, printed, session.pageMap, request.options);
    // The deadline may have passed while the PDF was finished: a failed export writes nothing.
    session.assertInTime();
    await writeFileAtomically(request.output, pdf);
    return { output: request.output, slides: session.slides, pages: session.pages, bytes: pdf.byteLength };
  });
}
