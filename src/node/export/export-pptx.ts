import { writeFileAtomically } from '../fs/write-atomic';
import { withPrintSession, type PrintSessionRequest } from './print-session';
import { buildPptx, type PptxWarning } from './write-pptx';

export type PptxExportRequest = PrintSessionRequest & {
  output: string;
  /** `--pptx-images`: one picture per slide, as the PDF shows it, with the notes still as text. */
  imagesOnly: boolean;
};

export interface PptxExportResult {
  output: string;
  slides: number;
  bytes: number;
  /** Elements that became pictures of themselves, with the slide they are on. */
  warnings: PptxWarning[];
}

/**
 * Exports a deck to PowerPoint through headless Chromium: the print page the PDF is printed
 * from, read as shapes where Chromium laid it out (write-pptx.ts). A deck with errors or missing
 * files is refused first, as for the PDF, and the output path only ever receives a whole file.
 */
export function exportPptx(request: PptxExportRequest): Promise<PptxExportResult> {
  return withPrintSession(request, { format: 'pptx', imagesOnly: request.imagesOnly }, async ({ product, deck, viewport, pages }) => {
    const { data, warnings } = await buildPptx(deck, product, viewport);
    await writeFileAtomically(request.output, data);
    return { output: request.output, slides: pages, bytes: data.byteLength, warnings };
  });
}
