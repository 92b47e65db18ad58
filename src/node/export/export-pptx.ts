import { writeFileAtomically } from '../fs/write-atomic';
import { withPrintSession, type PrintSessionRequest } from './print-session';
import { buildPptx, type PptxWarning } from './write-pptx';

export type PptxRequest = PrintSessionRequest & {
  /** `--pptx-images`: one picture per slide, as the PDF shows it, with the notes still as text. */
  imagesOnly: boolean;
};

export type PptxExportRequest = PptxRequest & { output: string };

export interface BuiltPptxFile {
  data: Uint8Array;
  slides: number;
  /** Elements that became pictures of themselves, with the slide they are on. */
  warnings: PptxWarning[];
}

export interface PptxExportResult extends Omit<BuiltPptxFile, 'data'> {
  output: string;
  bytes: number;
}

/**
 * A deck as a PowerPoint file, through headless Chromium: the print page the PDF is printed
 * from, read as shapes where Chromium laid it out (write-pptx.ts). A deck with errors or missing
 * files is refused first, as for the PDF. Serve mode sends the bytes as a download.
 */
export function pptxOf(request: PptxRequest): Promise<BuiltPptxFile> {
  return withPrintSession(request, { format: 'pptx', imagesOnly: request.imagesOnly }, async ({ product, deck, viewport, pages }) => {
    const { data, warnings } = await buildPptx(deck, product, viewport);
    return { data, slides: pages, warnings };
  });
}

/** `podium export --pptx FILE`: pptxOf, written whole or not at all. */
export async function exportPptx(request: PptxExportRequest): Promise<PptxExportResult> {
  const { data, slides, warnings } = await pptxOf(request);
  await writeFileAtomically(request.output, data);
  return { output: request.output, slides, bytes: data.byteLength, warnings };
}
