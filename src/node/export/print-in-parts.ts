import { PRINTED_PAGES_SELECTOR } from './page-map';
import type { PdfPrintOptions } from './print-target';

/**
 * Chromium's printing spends, on every page, time in proportion to the whole document's
 * positioned boxes (reveal's print view has four per slide): a 2,000-slide deck took 50 s to print
 * and a 5,000-slide one over five minutes. Printed a part at a time, with the other pages out of
 * the layout, each page costs the same whatever the deck. Below SINGLE_PRINT_MAX_PAGES one call is
 * faster than two and the join (measured at 300 pages: 0.75 s against 0.6 s printing plus 0.3 s
 * joining), so decks up to that size print in one call.
 */
const SINGLE_PRINT_MAX_PAGES = 400;
/** The largest part a long deck is printed in; the parts are made equal. */
const PAGES_PER_PRINT = 250;

/** What a host can do with its laid-out print page: headless Chromium over CDP, or the app's window. */
export interface PagePrinter {
  evaluate(script: string): Promise<unknown>;
  pdf(options: PdfPrintOptions): Promise<Uint8Array>;
}

/**
 * Prints the print page's `pages` pages (page-map.ts counts them): in one call, or for a long deck
 * in equal parts of at most PAGES_PER_PRINT joined into one PDF. The page is left showing every
 * page again. Joined parts lose their structure trees (pdf-lib copies pages, not tags), so a deck
 * printed in parts is printed untagged: the caller says so (`printsUntagged`).
 */
export async function printInParts(printer: PagePrinter, pages: number, { tagged }: PdfPrintOptions): Promise<Uint8Array> {
  if (pages <= SINGLE_PRINT_MAX_PAGES) return printer.pdf({ tagged });
  const pagesPerPrint = Math.ceil(pages / Math.ceil(pages / PAGES_PER_PRINT));
  const parts: Uint8Array[] = [];
  try {
    for (let first = 0; first < pages; first += pagesPerPrint) {
      await printer.evaluate(showOnlyPagesScript(first, Math.min(first + pagesPerPrint, pages)));
      parts.push(await printer.pdf({ tagged: false }));
    }
  } finally {
    // A browser that died mid-print cannot be restored; its own error is the one to report.
    await printer.evaluate(showOnlyPagesScript(0, pages)).catch(() => undefined);
  }
  return joinPdfs(parts);
}

/** Whether a tagged export of `pages` pages comes out untagged, printed in parts. */
export function printsUntagged(pages: number): boolean {
  return pages > SINGLE_PRINT_MAX_PAGES;
}

/**
 * Takes every printed page outside `[first, end)` out of the layout. The last page kept loses its
 * page break, as the deck's last page has none: otherwise each part would end with a blank page.
 * Inline `!important` wins over reveal's print stylesheet, and nothing else sets these inline.
 */
function showOnlyPagesScript(first: number, end: number): string {
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
  // A classic cross-reference table, as Chromium writes: finishing can then append to the file
  // (finish-pdf.ts) instead of loading and saving it with pdf-lib a second time.
  return joined.save({ useObjectStreams: false });
}
