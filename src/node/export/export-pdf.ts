import { READY_ATTRIBUTE } from '../../shared/api';
import { PAPER_SIZES_PX, type ExportOptions } from '../../shared/export/export-options';
import { printQuery } from '../../shared/export/print-query';
import { PodiumError } from '../../shared/errors';
import { findBrowser } from '../browser/find-browser';
import { loadDeck } from '../deck/load-deck';
import { writeFileAtomically } from '../fs/write-atomic';
import { startDeckServer } from '../serve/deck-server';
import { CdpBrowser } from './cdp-browser';
import { PAGE_MAP_SCRIPT } from './page-map';
import { finishExport, prepareExport } from './prepare-export';

export type ExportPhase = 'checking' | 'rendering' | 'printing' | 'finishing';

export interface ExportProgress {
  phase: ExportPhase;
  /** Slides being exported (after `range`). */
  slides: number;
  /** PDF pages, once the page is laid out. */
  pages?: number;
}

export interface PdfExportRequest {
  deckPath: string;
  output: string;
  rendererDir: string;
  /** `--browser PATH`; otherwise CHROME_PATH, then the usual install paths. */
  browserPath?: string;
  options: ExportOptions;
  onProgress?: (progress: ExportProgress) => void;
}

export interface PdfExportResult {
  output: string;
  slides: number;
  pages: number;
  bytes: number;
}

/**
 * Exports a deck to PDF through headless Chromium: the renderer's print page (the same page the
 * app prints with printToPDF), then the same post-processing as the app (metadata, bookmarks).
 * A deck with errors or missing files is refused before a browser starts, and the output path
 * only ever receives a whole PDF: nothing is written until the last step succeeded.
 */
export async function exportPdf(request: PdfExportRequest): Promise<PdfExportResult> {
  const { options } = request;
  const executablePath = findBrowser({ explicit: request.browserPath });
  const loaded = await loadDeck(request.deckPath);
  const report = (progress: ExportProgress): void => request.onProgress?.(progress);
  const layout = await prepareExport(loaded, options);
  const slides = layout.slides?.length ?? loaded.deck.slides.length;
  report({ phase: 'checking', slides });

  let timedOut = false;
  // The browser starts while the server loads the deck: the launch is the slowest step.
  const launching = CdpBrowser.launch(executablePath, options.timeoutMs);
  const serving = startDeckServer({ deckPath: request.deckPath, rendererDir: request.rendererDir });
  const work = async (): Promise<PdfExportResult> => {
    const [startedBrowser, startedServer] = await Promise.all([launching, serving]);

    report({ phase: 'rendering', slides });
    const { deck } = startedServer;
    const viewport =
      layout.notes === 'handout'
        ? { width: Math.round(PAPER_SIZES_PX[layout.paper].width), height: Math.round(PAPER_SIZES_PX[layout.paper].height) }
        : { width: deck.settings.width, height: deck.settings.height };
    const page = await startedBrowser.newPage(viewport.width, viewport.height);
    await page.goto(`${startedServer.url}&${printQuery(layout)}`);
    await page.waitFor(`document.documentElement.hasAttribute(${JSON.stringify(READY_ATTRIBUTE)})`);
    const pageMap = await page.evaluate<string>(PAGE_MAP_SCRIPT);
    const pages = (JSON.parse(pageMap) as unknown[]).length;

    report({ phase: 'printing', slides, pages });
    const printed = await page.pdf();
    report({ phase: 'finishing', slides, pages });
    const pdf = await finishExport(deck, printed, pageMap, options);
    // The deadline may have passed while the PDF was finished: a failed export writes nothing.
    if (timedOut) throw new PodiumError('runtime', 'export timed out');
    await writeFileAtomically(request.output, pdf);
    return { output: request.output, slides, pages, bytes: pdf.byteLength };
  };

  try {
    return await withDeadline(work(), options.timeoutMs, () => (timedOut = true));
  } finally {
    // Whichever of the two started is stopped, even when the other failed to.
    await Promise.allSettled([
      launching.then((browser) => browser.close()),
      serving.then((server) => server.close()),
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
      reject(new PodiumError('runtime', `export timed out after ${timeoutMs / 1000} s (--timeout); no PDF written`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
