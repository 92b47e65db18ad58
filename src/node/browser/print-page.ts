import { chromium, type Page } from 'playwright-core';
import { PRINT_VIEW_QUERY, READY_ATTRIBUTE } from '../../shared/api';
import type { Deck } from '../../shared/deck/model';
import { startDeckServer } from '../serve/deck-server';
import { CHROMIUM_ARGS } from './chromium-args';

export interface PrintPageRequest {
  deckPath: string;
  rendererDir: string;
  executablePath: string;
  timeoutMs: number;
}

/**
 * Opens a deck's print view (every slide laid out on its own page, as in the PDF) in headless
 * Chromium, runs `use` on it, and closes browser and server whatever happens.
 */
export async function withPrintPage<T>(request: PrintPageRequest, use: (page: Page, deck: Deck) => Promise<T>): Promise<T> {
  const [browser, server] = await Promise.all([
    chromium.launch({ executablePath: request.executablePath, args: CHROMIUM_ARGS, timeout: request.timeoutMs }),
    startDeckServer({ deckPath: request.deckPath, rendererDir: request.rendererDir }),
  ]);
  try {
    const { width, height } = server.deck.settings;
    const page = await browser.newPage({ viewport: { width, height } });
    page.setDefaultTimeout(request.timeoutMs);
    await page.goto(`${server.url}&${PRINT_VIEW_QUERY}`);
    await page.waitForSelector(`html[${READY_ATTRIBUTE}]`, { state: 'attached' });
    return await use(page, server.deck);
  } finally {
    await browser.close();
    await server.close();
  }
}
