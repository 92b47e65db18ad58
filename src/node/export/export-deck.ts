import type { Deck } from '../../shared/deck/model';
import type { ExportOptions } from '../../shared/export/export-options';
import { printLayoutFor } from '../../shared/export/slide-range';
import { finishExport } from './prepare-export';
import { printInParts } from './print-in-parts';
import { capturePptx, type PptxCapture } from './pptx-capture';
import { layOutPrintPage, type PrintTarget } from './print-target';

/** What an export makes of the laid-out print page. */
export type ExportFormat =
  | { format: 'pdf' }
  /** One PNG per page, `width` px wide (default: the page's own width). */
  | { format: 'png'; width?: number }
  /**
   * `podium check`: the page laid out as for PNGs, measured by `script` run in it, or by `measure`
   * given the page (to photograph it as well as read it).
   */
  | { format: 'layout'; script: string | ((target: PrintTarget) => Promise<unknown>) }
  /** PowerPoint: the page read as shapes and its pictures captured; `imagesOnly`: each slide whole. */
  | { format: 'pptx'; imagesOnly: boolean };

interface ExportProducts {
  /** Printed and finished: metadata and bookmarks. */
  pdf: Uint8Array;
  png: Uint8Array[];
  /** What the script returned. */
  layout: unknown;
  pptx: PptxCapture;
}

type ExportProduct<F extends ExportFormat> = ExportProducts[F['format']];

/** The deck to export and the host's print page of it. */
export interface DeckToExport {
  deck: Deck;
  /** The print page's URL, its query string begun (print-server.ts, or the app's own page). */
  pageUrl: string;
}

export interface ExportedDeck<F extends ExportFormat> {
  product: ExportProduct<F>;
  /** Pages of the laid-out print page. */
  pages: number;
}

/**
 * `printing`: laid out, its pages counted; `finishing`: the page is no longer needed, a host may
 * close its browser while the PDF is finished.
 */
export type ExportDeckPhase = 'printing' | 'finishing';

/**
 * The one exporter of every host (the CLI, the app, serve mode's Export button, `podium check`):
 * lays out `deck`'s print page in `target` for `options`, then prints it and finishes the PDF
 * (outline, metadata), takes one PNG per page, reads it for PowerPoint, or measures it. The host has checked the deck
 * (prepare-export.ts) and supplies its browser and the page's URL; writing is its own.
 */
export async function exportDeck<F extends ExportFormat>(
  target: PrintTarget,
  { deck, pageUrl }: DeckToExport,
  options: ExportOptions,
  format: F,
  onPhase: (phase: ExportDeckPhase, pages: number) => void = () => undefined,
): Promise<ExportedDeck<F>> {
  const pdf = format.format === 'pdf';
  // Pixels per inch mean nothing in a PNG, nor notes pages in a measurement: the page shows the
  // slides alone, at the pixel size asked for.
  const layout = printLayoutFor(pdf ? options : { ...options, notes: 'none', maxImageDpi: null }, deck);
  const { pageMap, pages, viewport } = await layOutPrintPage(target, pageUrl, layout, pdf ? 'pdf' : 'screen', deck.settings);
  onPhase('printing', pages);
  let product: ExportProducts[keyof ExportProducts];
  if (format.format === 'pdf') {
    const printed = await printInParts(target, pages, { tagged: options.tags });
    onPhase('finishing', pages);
    product = await finishExport(deck, printed, pageMap, options);
  } else if (format.format === 'png') {
    const { width, height } = viewport;
    const scale = (format.width ?? width) / width;
    // reveal.js makes each print page a pixel shorter than the slide (its pdfPageHeightOffset), so
    // the pages' own positions are read rather than computed.
    const tops = await target.evaluate<number[]>(
      `[...document.querySelectorAll('.reveal .slides > .pdf-page')].map((page) => page.getBoundingClientRect().top + scrollY)`,
    );
    const images: Uint8Array[] = [];
    for (const top of tops) images.push(await target.screenshot({ x: 0, y: top, width, height, scale }));
    onPhase('finishing', pages);
    product = images;
  } else if (format.format === 'pptx') {
    product = await capturePptx(target, viewport, format.imagesOnly);
    onPhase('finishing', pages);
  } else {
    product = typeof format.script === 'string' ? await target.evaluate<unknown>(format.script) : await format.script(target);
    onPhase('finishing', pages);
  }
  // Narrowed by `format` above; TypeScript does not narrow a generic's indexed type.
  return { product: product as ExportProduct<F>, pages };
}
