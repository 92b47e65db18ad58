import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomically } from '../fs/write-atomic';
import { withPrintSession, type PrintSessionRequest } from './print-session';

export type PngExportRequest = PrintSessionRequest & {
  /** Folder for the PNGs; created if missing. */
  outputDir: string;
  /** Pixel width of each PNG; the height follows the deck's aspect ratio. Default: the deck's width. */
  width?: number;
};

export interface PngExportResult {
  files: string[];
  slides: number;
}

/**
 * One PNG per page of the print view (`slide-001.png`, …): each slide in its final state, or
 * one per fragment step with `fragments`. Screenshots of the laid-out print page, clipped to
 * each page, so the deck is laid out once however many images are taken.
 */
export function exportPng(request: PngExportRequest): Promise<PngExportResult> {
  return withPrintSession(request, { format: 'png', width: request.width }, async ({ product: images, slides, pages }) => {
    const digits = Math.max(3, String(pages).length);
    await mkdir(request.outputDir, { recursive: true });
    const files = images.map((_, index) => join(request.outputDir, `slide-${String(index + 1).padStart(digits, '0')}.png`));
    await Promise.all(images.map((image, index) => writeFileAtomically(files[index] as string, image)));
    return { files, slides };
  });
}
