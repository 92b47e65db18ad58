import { PRINTED_PAGES_SELECTOR } from './page-map';

/**
 * Pages printed by one printToPDF call. Chromium's printing spends, on every page, time in
 * proportion to the whole document's positioned boxes (reveal's print view has four per slide):
 * a 2,000-slide deck took 50 s to print and a 5,000-slide one over five minutes. Printed a part
 * at a time, with the other pages out of the layout, each page costs the same whatever the deck.
 * Decks of up to this many pages print in one call, exactly as before.
 */
export const PAGES_PER_PRINT = 250;

/** What a host can do with its laid-out print page: headless Chromium over CDP, or the app's window. */
export interface PagePrinter {
  evaluate(script: string): Promise<unknown>;
  pdf(): Promise<Uint8Array>;
}

/**
 * Prints the print page's `pages` pages (page-map.ts counts them), in parts of `pagesPerPrint`
 * joined into one PDF when there are more. The page is left showing every page again.
 */
export async function printInParts(printer: PagePrinter, pages: number, pagesPerPrint = PAGES_PER_PRINT): Promise<Uint8Array> {
  if (pages <= pagesPerPrint) return printer.pdf();
  const parts: Uint8Array[] = [];
  try {
    for (let first = 0; first < pages; first += pagesPerPrint) {
      await printer.evaluate(showOnlyPagesScript(first, Math.min(first + pagesPerPrint, pages)));
      parts.push(await printer.pdf());
    }
  } finally {
    // A browser that died mid-print cannot be restored; its own error is the one to report.
    await printer.evaluate(showOnlyPagesScript(0, pages)).catch(() => undefined);
  }
  return joinPdfs(parts);
}

/**
 * Takes every printed page outside `[first, end)` out of the layout. The last page kept loses its
 * page break, as the deck's last page has none: otherwise each part would end with a blank page.
 * Inline `!important` wins over reveal's print stylesheet, and nothing else sets these inline.
 */
export function showOnlyPagesScript(first: number, end: number): string {
  return `(() => {
    const pages = document.querySelectorAll(${JSON.stringify(PRINTED_PAGES_SELECTOR)});
    pages.forEach((page, index) => {
      if (index >= ${first} && index < ${end}) page.style.removeProperty('display');
      else page.style.setProperty('display', 'none', 'important');
      for (const property of ['break-after', 'page-break-after']) {
        if (index === ${end - 1} && index < pages.length - 1) page.style.setProperty(property, 'auto', 'important');
        else page.style.removeProperty(property);
      }
    });
  })()`;
}

/** The parts' pages, in order, in one PDF. */
async function joinPdfs(parts: readonly Uint8Array[]): Promise<Uint8Array> {
  // Loaded only for a deck this long: a short export never pays for pdf-lib.
  const { PDFDocument } = await import('pdf-lib');
  const joined = await PDFDocument.create({ updateMetadata: false });
  for (const part of parts) {
    const document = await PDFDocument.load(part, { updateMetadata: false });
    const pages = await joined.copyPages(document, document.getPageIndices());
    for (const page of pages) joined.addPage(page);
  }
  return joined.save();
}
