import type { Deck } from '../../shared/deck/model';
import type { ExportOptions, PrintLayout } from '../../shared/export/export-options';
import { printViewport, type PrintPurpose } from '../../shared/export/print-query';
import { PodiumError } from '../../shared/errors';
import { findBrowser } from '../browser/find-browser';
import { CdpBrowser, type CdpPage } from './cdp-browser';
import type { PrintServer } from './print-server';
import { layOutPrintPage, type Viewport } from './print-target';

export type ExportPhase = 'checking' | 'rendering' | 'printing' | 'finishing';

export interface ExportProgress {
  phase: ExportPhase;
  /** Slides being exported (after `range`). */
  slides: number;
  /** Pages, once the print page is laid out. */
  pages?: number;
}

export interface PrintSessionRequest {
  deckPath: string;
  rendererDir: string;
  /** `--browser PATH`; otherwise CHROME_PATH, then the usual install paths. */
  browserPath?: string;
  options: ExportOptions;
  onProgress?: (progress: ExportProgress) => void;
}

/** The laid-out print page, handed to one export format's writer. */
export interface PrintSession {
  deck: Deck;
  layout: PrintLayout;
  page: CdpPage;
  /** JSON: for each page, the slides it shows (page-map.ts). */
  pageMap: string;
  pages: number;
  slides: number;
  viewport: { width: number; height: number };
  report(phase: ExportPhase): void;
  /**
   * Says the page is no longer needed: the browser stops (and frees its profile) while the writer
   * finishes its output, rather than after. The session stops it anyway at the end.
   */
  release(): void;
  /** Throws once the deadline has passed: call before writing anything. */
  assertInTime(): void;
}

/**
 * What every export format shares: check the deck, start Chromium and the print server side by
 * side, open the print page and wait until it is laid out, hand it to `write`, and stop both
 * whatever happens. `write` runs under the `--timeout` deadline.
 */
export async function withPrintSession<T>(
  request: PrintSessionRequest,
  purpose: PrintPurpose,
  write: (session: PrintSession) => Promise<T>,
): Promise<T> {
  const { options } = request;
  const executablePath = findBrowser({ explicit: request.browserPath });
  // The browser starts first, while the deck is read and checked: its launch is the slowest step,
  // and a refused deck only costs killing it.
  const launching = CdpBrowser.launch(executablePath, options.timeoutMs);
  let serving: Promise<PrintServer> | null = null;
  let timedOut = false;
  let closing: Promise<void> | null = null;
  const closeBrowser = (): Promise<void> => (closing ??= launching.then((browser) => browser.close()));
  // Set once cleanup began: a deadline that passed mid-work leaves `work` running, and a server
  // it started after the cleanup would keep the process alive.
  let stopping = false;
  const work = async (): Promise<T> => {
    // Everything else loads while the browser starts: static imports would run first, and the
    // YAML and Markdown parsers, the server and the checks took 0.1-0.2 s to load.
    const [{ loadDeck }, { prepareExport }, { startPrintServer }] = await Promise.all([
      import('../deck/load-deck'),
      import('./prepare-export'),
      import('./print-server'),
    ]);
    const loaded = await loadDeck(request.deckPath);
    const layout = await prepareExport(loaded, options);
    const slides = layout.slides?.length ?? loaded.deck.slides.length;
    request.onProgress?.({ phase: 'checking', slides });
    if (stopping) throw new PodiumError('runtime', 'export stopped');
    serving = startPrintServer(request.rendererDir);
    const [browser, server] = await Promise.all([launching, serving]);
    request.onProgress?.({ phase: 'rendering', slides });
    const { deck } = loaded;
    const { page, pageMap, pages, viewport } = await openPrintPage(browser, server.openPrintPage(loaded).url, deck.settings, layout, purpose);
    return write({
      deck,
      layout,
      page,
      pageMap,
      pages,
      slides,
      viewport,
      report: (phase) => request.onProgress?.({ phase, slides, pages }),
      release: () => void closeBrowser().catch(() => undefined),
      assertInTime: () => {
        if (timedOut) throw new PodiumError('runtime', 'export timed out');
      },
    });
  };

  try {
    return await withDeadline(work(), options.timeoutMs, () => (timedOut = true));
  } finally {
    stopping = true;
    // Whichever of the two started is stopped, even when the other failed to.
    await Promise.allSettled([
      closeBrowser(),
      (serving as Promise<PrintServer> | null)?.then((server) => server.close()),
    ]);
  }
}

export interface OpenPrintPage {
  page: CdpPage;
  pageMap: string;
  pages: number;
  viewport: { width: number; height: number };
}

/**
 * Opens (or, given `reuse`, re-opens) the print page at `pageUrl` (its query string begun, as
 * print-server.ts gives it) at the layout's size and waits until it is laid out (print-target.ts).
 */
export async function openPrintPage(
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

/** Rejects when `work` takes longer than `timeoutMs`; the caller's cleanup stops the work itself. */
async function withDeadline<T>(work: Promise<T>, timeoutMs: number, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  // Once the deadline wins, the work's own failure (its browser closed under it) is expected.
  work.catch(() => undefined);
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new PodiumError('runtime', `export timed out after ${timeoutMs / 1000} s (--timeout); nothing written`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
