import type { Deck } from '../../shared/deck/model';
import { DEFAULT_EXPORT_OPTIONS } from '../../shared/export/export-options';
import { PodiumError } from '../../shared/errors';
import { loadDeck } from '../deck/load-deck';
import { CdpBrowser } from '../export/cdp-browser';
import { exportDeck } from '../export/export-deck';
import { startPrintServer } from '../export/print-server';
import type { PrintTarget } from '../export/print-target';

export interface PrintPageRequest {
  deckPath: string;
  rendererDir: string;
  executablePath: string;
  timeoutMs: number;
}

/**
 * `podium check`'s host of exportDeck (export-deck.ts): lays a deck's print view out (every slide
 * on its own page, as in the PDF) in headless Chromium, as for PNGs, and returns what `script`
 * measures in it; closes browser and print server whatever happens. The same driver, server and
 * print page as `podium export`: check measures what the PDF would show.
 */
export async function measurePrintPage(request: PrintPageRequest, script: string | ((target: PrintTarget) => Promise<unknown>)): Promise<{ deck: Deck; measured: unknown }> {
  const launching = CdpBrowser.launch(request.executablePath, request.timeoutMs);
  const serving = startPrintServer(request.rendererDir);
  let timer: NodeJS.Timeout | undefined;
  try {
    const [browser, server, loaded] = await Promise.all([launching, serving, loadDeck(request.deckPath)]);
    const { deck } = loaded;
    const work = browser
      .newPage(deck.settings.width, deck.settings.height)
      .then((target) => exportDeck(target, { deck, pageUrl: server.openPrintPage(loaded).url }, DEFAULT_EXPORT_OPTIONS, { format: 'layout', script }))
      .then(({ product }) => ({ deck, measured: product }));
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
