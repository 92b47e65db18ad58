import type { Deck } from '../../shared/deck/model';
import type { ExportOptions } from '../../shared/export/export-options';
import { printViewport } from '../../shared/export/print-query';
import { PodiumError } from '../../shared/errors';
import { findBrowser } from '../browser/find-browser';
import { CdpBrowser } from './cdp-browser';
import type { ExportFormat, ExportedDeck } from './export-deck';
import type { PrintHost, PrintPage, PrintServer } from './print-server';
import type { Viewport } from './print-target';

export type ExportPhase = 'checking' | 'rendering' | 'printing' | 'finishing';

export interface ExportProgress {
  phase: ExportPhase;
  /** Slides being exported (after `range`). */
  slides: number;
  /** Pages, once the print page is laid out. */
  pages?: number;
}

interface PrintSessionBase {
  deckPath: string;
  /** `--browser PATH`; otherwise CHROME_PATH, then the usual install paths. */
  browserPath?: string;
  options: ExportOptions;
  onProgress?: (progress: ExportProgress) => void;
}

/** Where the print page is served from: a print server of the export's own, or serve mode's server. */
export type PrintSessionRequest = PrintSessionBase &
  (
    | { /** The built renderer (`out/renderer`), for a print server of the export's own. */ rendererDir: string; printHost?: undefined }
    | { /** Serve mode's server, already running: the export adds a print page to it. */ printHost: PrintHost; rendererDir?: undefined }
  );

/** The exported deck, handed to the format's writer. */
export interface PrintSession<F extends ExportFormat> extends ExportedDeck<F> {
  /** Slides exported (after `range`). */
  slides: number;
  /** The deck as it was read for this export. */
  deck: Deck;
  /** The print page's viewport: the slide's size in CSS px. */
  viewport: Viewport;
}

/**
 * The command line's and serve mode's host of exportDeck (export-deck.ts): check the deck, start
 * headless Chromium and (unless serve mode's server is given) the print server side by side, export
 * the deck's print page in `format`, hand it to `write`, and stop what it started whatever happens.
 * Everything until `write` is done runs under the `--timeout` deadline; nothing is written past it.
 */
export async function withPrintSession<F extends ExportFormat, T>(
  request: PrintSessionRequest,
  format: F,
  write: (session: PrintSession<F>) => Promise<T>,
): Promise<T> {
  const { options } = request;
  const executablePath = findBrowser({ explicit: request.browserPath });
  // The browser starts first, while the deck is read and checked: its launch is the slowest step,
  // and a refused deck only costs killing it.
  const launching = CdpBrowser.launch(executablePath, options.timeoutMs);
  let serving: Promise<PrintServer> | null = null;
  let printPage: PrintPage | null = null;
  let timedOut = false;
  let closing: Promise<void> | null = null;
  const closeBrowser = (): Promise<void> => (closing ??= launching.then((browser) => browser.close()));
  // Set once cleanup began: a deadline that passed mid-work leaves `work` running, and a server
  // it started after the cleanup would keep the process alive.
  let stopping = false;
  const work = async (): Promise<T> => {
    // Everything else loads while the browser starts: static imports would run first, and the
    // YAML and Markdown parsers, the server and the checks took 0.1-0.2 s to load.
    const [{ loadDeck }, { prepareExport }, { startPrintServer }, { exportDeck }] = await Promise.all([
      import('../deck/load-deck'),
      import('./prepare-export'),
      import('./print-server'),
      import('./export-deck'),
    ]);
    const loaded = await loadDeck(request.deckPath);
    const layout = await prepareExport(loaded, options, format.format === 'pptx' ? 'PPTX' : 'PDF');
    const slides = layout.slides?.length ?? loaded.deck.slides.length;
    request.onProgress?.({ phase: 'checking', slides });
    if (stopping) throw new PodiumError('runtime', 'export stopped');
    const host: Promise<PrintHost> = request.printHost ? Promise.resolve(request.printHost) : (serving = startPrintServer(request.rendererDir));
    const [browser, server] = await Promise.all([launching, host]);
    request.onProgress?.({ phase: 'rendering', slides });
    const { deck } = loaded;
    const page = server.openPrintPage(loaded);
    printPage = page;
    const viewport = printViewport(layout, deck.settings);
    const target = await browser.newPage(viewport.width, viewport.height);
    const exported = await exportDeck(target, { deck, pageUrl: page.url }, options, format, (phase, pages) => {
      request.onProgress?.({ phase, slides, pages });
      // The browser stops (and frees its profile) while the PDF is finished, rather than after.
      if (phase === 'finishing') closeBrowser().catch(() => undefined);
    });
    // The deadline may have passed while the PDF was finished: a failed export writes nothing.
    if (timedOut) throw new PodiumError('runtime', 'export timed out');
    return write({ ...exported, slides, deck, viewport });
  };

  try {
    return await withDeadline(work(), options.timeoutMs, () => (timedOut = true));
  } finally {
    stopping = true;
    (printPage as PrintPage | null)?.remove();
    // Whichever of the two started is stopped, even when the other failed to.
    await Promise.allSettled([
      closeBrowser(),
      (serving as Promise<PrintServer> | null)?.then((server) => server.close()),
    ]);
  }
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
