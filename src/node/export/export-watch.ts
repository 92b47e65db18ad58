import { REFRESH_PRINT_FUNCTION } from '../../shared/api';
import type { PrintLayout } from '../../shared/export/export-options';
import { printViewport, type PrintPurpose } from '../../shared/export/print-query';
import { findBrowser } from '../browser/find-browser';
import { DeckWatcher } from '../deck/deck-watcher';
import { loadDeck } from '../deck/load-deck';
import { writeFileAtomically } from '../fs/write-atomic';
import { CdpBrowser, type CdpPage } from './cdp-browser';
import type { PdfExportRequest, PdfExportResult } from './export-pdf';
import { finishExport, prepareExport } from './prepare-export';
import { PAGE_MAP_SCRIPT } from './page-map';
import { printInParts } from './print-in-parts';
import { startPrintServer, type PrintPage, type PrintServer } from './print-server';
import { layOutPrintPage, type Viewport } from './print-target';

export interface WatchedExport {
  /** Stops watching, then closes the browser and the server. */
  close(): Promise<void>;
}

export interface ExportWatchEvents {
  /** `refreshed`: only the changed slides were laid out again, in the page already open. */
  onExported(result: PdfExportResult & { milliseconds: number; refreshed: boolean }): void;
  /** The deck has errors or missing files, or an export failed: the previous PDF stays. */
  onFailed(error: unknown): void;
}

/**
 * `podium export --watch`: exports once, then again after every change to the deck, with the
 * browser and the print server kept warm (the renderer's bundle comes from memory cache
 * on the same origin), so a re-export costs the layout and the print, not a browser launch.
 * Each PDF is written atomically; a failed re-export leaves the previous PDF in place.
 */
export async function watchPdfExport(request: PdfExportRequest & { rendererDir: string }, events: ExportWatchEvents): Promise<WatchedExport> {
  const executablePath = findBrowser({ explicit: request.browserPath });
  const browser = await CdpBrowser.launch(executablePath, request.options.timeoutMs);
  let server: PrintServer;
  try {
    server = await startPrintServer(request.rendererDir);
  } catch (error) {
    await browser.close();
    throw error;
  }
  let page: CdpPage | undefined;
  /** One print page, shown each version of the deck in turn: the open page refreshes in place. */
  let printPage: (PrintPage & { url: string }) | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  let closed = false;

  const exportOnce = async (): Promise<void> => {
    const started = performance.now();
    const loaded = await loadDeck(request.deckPath);
    const layout = await prepareExport(loaded, request.options);
    if (printPage) printPage.show(loaded);
    else printPage = server.openPrintPage(loaded);
    const refreshed = page ? await refreshPrintPage(page, layout) : null;
    const opened = refreshed ?? (await openPrintPage(browser, printPage.url, loaded.deck.settings, layout, 'pdf', page));
    page = opened.page;
    const printed = await printInParts(page, opened.pages, { tagged: request.options.tags });
    const pdf = await finishExport(loaded.deck, printed, opened.pageMap, request.options);
    await writeFileAtomically(request.output, pdf);
    events.onExported({
      output: request.output,
      slides: layout.slides?.length ?? loaded.deck.slides.length,
      pages: opened.pages,
      bytes: pdf.byteLength,
      milliseconds: performance.now() - started,
      refreshed: refreshed !== null,
    });
  };

  // One export at a time; changes during an export cause exactly one more.
  const schedule = (): void => {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = exportOnce()
      .catch((error: unknown) => events.onFailed(error))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          schedule();
        }
      });
  };

  const { root } = await loadDeck(request.deckPath);
  const watcher = new DeckWatcher(root, schedule);
  await watcher.ready();
  schedule();

  return {
    async close() {
      closed = true;
      await watcher.close();
      await running;
      await Promise.allSettled([browser.close(), server.close()]);
    },
  };
}

/**
 * The open print page rebuilds only the slides that changed, when the layout and the deck's shape
 * allow it (print-page.ts): a save then costs those slides and the print, not a page load and a
 * layout of the whole deck. Null when the page must be opened anew.
 */
async function refreshPrintPage(page: CdpPage, layout: PrintLayout): Promise<Omit<OpenPrintPage, 'viewport'> | null> {
  // A range picks slides by position, and pages that repeat a slide (fragment steps, notes pages)
  // are laid out by reveal.js alone: those decks are laid out anew.
  if (layout.notes !== 'none' || layout.fragments || layout.slides !== null) return null;
  const refresh = `typeof window.${REFRESH_PRINT_FUNCTION} === 'function' && window.${REFRESH_PRINT_FUNCTION}()`;
  if (!(await page.evaluate<boolean>(refresh).catch(() => false))) return null;
  const pageMap = await page.evaluate<string>(PAGE_MAP_SCRIPT);
  return { page, pageMap, pages: (JSON.parse(pageMap) as unknown[]).length };
}

interface OpenPrintPage {
  page: CdpPage;
  pageMap: string;
  pages: number;
  viewport: { width: number; height: number };
}

/**
 * Opens (or, given `reuse`, re-opens) the print page at `pageUrl` (its query string begun, as
 * print-server.ts gives it) at the layout's size and waits until it is laid out (print-target.ts).
 * `podium export --watch` keeps its page open between exports to refresh it in place.
 */
async function openPrintPage(
  browser: CdpBrowser,
  pageUrl: string,
  deckSize: Viewport,
  layout: PrintLayout,
  purpose: PrintPurpose,
  reuse?: CdpPage,
): Promise<OpenPrintPage> {
  const viewport = printViewport(layout, deckSize);
  const page = reuse ?? (await browser.newPage(viewport.width, viewport.height));
  return { page, ...(await layOutPrintPage(page, pageUrl, layout, purpose, deckSize)) };
}
