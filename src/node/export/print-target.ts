import type { PrintLayout } from '../../shared/export/export-options';
import { printQuery, printViewport, type PrintPurpose } from '../../shared/export/print-query';
import { PAGE_MAP_SCRIPT } from './page-map';

export interface Viewport {
  width: number;
  height: number;
}

/**
 * What a host's browser does with the print page, whichever it is: headless Chromium over CDP
 * (cdp-browser.ts) or the app's hidden window (src/main/print-window-target.ts).
 */
export interface PrintTarget {
  /** Loads `url` in a page of `viewport` CSS px; a page opened before shows nothing of its old document. */
  open(url: string, viewport: Viewport): Promise<void>;
  /** Resolves once the print page is laid out (print-ready.ts). */
  waitUntilReady(): Promise<void>;
  /** Evaluates an expression in the page and returns its (JSON-serializable) value. */
  evaluate<T>(script: string): Promise<T>;
  /** Prints with the page size its CSS asks for, backgrounds included; `tagged`: with its structure tree (Chromium's tagged PDF). */
  pdf(options: PdfPrintOptions): Promise<Uint8Array>;
  /** A picture of the region `clip` (CSS px of the whole document), scaled by `clip.scale`: a PNG unless `format` says JPEG. */
  screenshot(clip: ScreenshotClip): Promise<Uint8Array>;
}

export interface PdfPrintOptions {
  tagged: boolean;
}

export interface ScreenshotClip extends Viewport {
  x: number;
  y: number;
  scale: number;
  /** JPEG (at JPEG_QUALITY) for opaque, photographic regions such as a whole slide; PNG by default. */
  format?: 'png' | 'jpeg';
}

/** Quality of a JPEG screenshot: no visible artefacts on gradients and photographs, a tenth of the PNG's size. */
export const JPEG_QUALITY = 88;

export interface LaidOutPrintPage {
  /** JSON: for each page, the slides it shows (page-map.ts). */
  pageMap: string;
  pages: number;
  viewport: Viewport;
}

/**
 * Opens the print page at `pageUrl` (the renderer's page, its query string begun) for `layout`,
 * waits until it is laid out and reads its page map: the same steps in every host.
 */
export async function layOutPrintPage(
  target: PrintTarget,
  pageUrl: string,
  layout: PrintLayout,
  purpose: PrintPurpose,
  deckSize: Viewport,
): Promise<LaidOutPrintPage> {
  const viewport = printViewport(layout, deckSize);
  await target.open(`${pageUrl}${printQuery(layout, purpose)}`, viewport);
  await target.waitUntilReady();
  const pageMap = await target.evaluate<string>(PAGE_MAP_SCRIPT);
  return { pageMap, pages: (JSON.parse(pageMap) as unknown[]).length, viewport };
}
