import { chromium } from 'playwright-core';
import { PRINT_VIEW_QUERY, READY_ATTRIBUTE } from '../../shared/api';
import { formatProblem, hasErrors } from '../../shared/deck/build-deck';
import { PodiumError } from '../../shared/errors';
import { CHROMIUM_ARGS } from '../browser/chromium-args';
import { findBrowser } from '../browser/find-browser';
import { writeFileAtomically } from '../fs/write-atomic';
import { startDeckServer } from '../serve/deck-server';

export interface PdfExportOptions {
  deckPath: string;
  output: string;
  rendererDir: string;
  /** `--browser PATH`; otherwise CHROME_PATH, then the usual install paths. */
  browserPath?: string;
  timeoutMs?: number;
}

export interface PdfExportResult {
  output: string;
  slides: number;
  bytes: number;
}

/**
 * Exports a deck to PDF through headless Chromium: the renderer's print view (the same page the
 * app prints with printToPDF), one page per slide at the deck's size, text kept as vector text.
 * A deck with errors is refused, and the output path only ever receives a whole PDF.
 */
export async function exportPdf(options: PdfExportOptions): Promise<PdfExportResult> {
  const timeout = options.timeoutMs ?? 120_000;
  const executablePath = findBrowser({ explicit: options.browserPath });
  const server = await startDeckServer({ deckPath: options.deckPath, rendererDir: options.rendererDir });
  try {
    const { deck } = server;
    if (hasErrors(deck)) {
      const errors = deck.problems.filter((problem) => problem.severity === 'error').map(formatProblem);
      throw new PodiumError('deck', `the deck has errors; no PDF written:\n${errors.join('\n')}`);
    }
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout });
    try {
      const page = await browser.newPage({
        viewport: { width: deck.settings.width, height: deck.settings.height },
      });
      page.setDefaultTimeout(timeout);
      await page.goto(`${server.url}&${PRINT_VIEW_QUERY}`);
      await page.waitForSelector(`html[${READY_ATTRIBUTE}]`, { state: 'attached' });
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      await writeFileAtomically(options.output, pdf);
      return { output: options.output, slides: deck.slides.length, bytes: pdf.byteLength };
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
}
