import type { Deck } from '../../shared/deck/model';
import { DEFAULT_PRINT_LAYOUT } from '../../shared/export/export-options';
import { PodiumError } from '../../shared/errors';
import { CdpBrowser, type CdpPage } from '../export/cdp-browser';
import { openPrintPage } from '../export/print-session';
import { loadDeck } from '../deck/load-deck';
import { startPrintServer } from '../export/print-server';

export interface PrintPageRequest {
  deckPath: string;
  rendererDir: string;
  executablePath: string;
  timeoutMs: number;
}

/**
 * Opens a deck's print view (every slide laid out on its own page, as in the PDF) in headless
 * Chromium, runs `use` on it, and closes browser and server whatever happens. The same driver and
 * print page as `podium export` (print-session.ts), laid out for the screen: `podium check`
 * measures what the PDF would show.
 */
export async function withPrintPage<T>(request: PrintPageRequest, use: (page: CdpPage, deck: Deck) => Promise<T>): Promise<T> {
  const launching = CdpBrowser.launch(request.executablePath, request.timeoutMs);
  const serving = startPrintServer(request.rendererDir);
  let timer: NodeJS.Timeout | undefined;
  try {
    const [browser, server, loaded] = await Promise.all([launching, serving, loadDeck(request.deckPath)]);
    const { url } = server.openPrintPage(loaded);
    const work = openPrintPage(browser, url, loaded.deck.settings, DEFAULT_PRINT_LAYOUT, 'screen').then(({ page }) => use(page, loaded.deck));
    // Once the deadline wins, the work's own failure (its browser closed under it) is expected.
    work.catch(() => undefined);
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new PodiumError('runtime', `the print view was not ready after ${Math.round(request.timeoutMs / 1000)} s`)),
        request.timeoutMs,
      );
    });
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
    // Whichever of the two started is stopped, even when the other failed to.
    await Promise.allSettled([launching.then((browser) => browser.close()), serving.then((server) => server.close())]);
  }
}
