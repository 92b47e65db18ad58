import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomically } from '../fs/write-atomic';
import { withPrintSession, type PrintSessionRequest } from './print-session';

export interface PngExportRequest extends PrintSessionRequest {
  /** Folder for the PNGs; created if missing. */
  outputDir: string;
  /** Pixel width of each PNG; the height follows the deck's aspect ratio. Default: the deck's width. */
  width?: number;
}

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
  // Pixels per inch mean nothing in a PNG: its images are shown at the pixel size asked for.
  return withPrintSession({ ...request, options: { ...request.options, notes: 'none', maxImageDpi: null } }, 'screen', async (session) => {
    session.report('printing');
    const { width, height } = session.viewport;
    const scale = (request.width ?? width) / width;
    const digits = Math.max(3, String(session.pages).length);
    // reveal.js makes each print page a pixel shorter than the slide (its pdfPageHeightOffset), so
    // the pages' own positions are read rather than computed.
    const tops = await session.page.evaluate<number[]>(
      `[...document.querySelectorAll('.reveal .slides > .pdf-page')].map((page) => page.getBoundingClientRect().top + scrollY)`,
    );
    const images: Uint8Array[] = [];
    for (const top of tops) images.push(await session.page.screenshot({ x: 0, y: top, width, height, scale }));
    session.report('finishing');
    session.release();
    session.assertInTime();
    await mkdir(request.outputDir, { recursive: true });
    const files = images.map((_, index) => join(request.outputDir, `slide-${String(index + 1).padStart(digits, '0')}.png`));
    await Promise.all(images.map((image, index) => writeFileAtomically(files[index] as string, image)));
    return { files, slides: session.slides };
  });
}
