import { REFRESH_PRINT_FUNCTION, type DeckApi } from '../../shared/api';
import type { PrintLayout } from '../../shared/export/export-options';
import type { Deck } from '../../shared/deck/model';
import { loadMath, mayContainMath } from '../../shared/render/slide-html';
import { Presentation } from '../presentation/presentation';
import { downsampleImages } from './downsample-images';
import { applyDeckStylesheets } from '../presentation/stylesheets';
import { showHandout } from './handout';
import { printedDeck } from './printed-deck';
import { redrawBlurredShadowsAsVectors } from './vector-shadows';
import './print-view.css';

/**
 * The page every export prints (`?view=print…` or `?view=handout…`, see shared/export/print-query):
 * reveal.js's print view for slide pages (with fragment steps or notes pages when asked),
 * Podium's own layout for handouts. Never live-reloads; `podium export --watch` asks it to refresh
 * the slides that changed before it prints again.
 */
export async function startPrintPage(api: DeckApi, root: HTMLElement, layout: PrintLayout): Promise<void> {
  const deck = printedDeck(await api.loadDeck(), layout);
  await loadMathFor(deck);
  // The deck's stylesheets load first (the views below find them in place), so that their blurred
  // shadows are redrawn as vectors before anything is laid out.
  await applyDeckStylesheets(deck.settings, document);
  redrawBlurredShadowsAsVectors(document);
  const { maxImageDpi } = layout;
  // Images are downsampled where they are finally laid out: only then is their printed size known.
  const beforeReady = maxImageDpi === null ? undefined : () => downsampleImages(document, maxImageDpi);
  if (layout.notes === 'handout') return showHandout(deck, layout, document, beforeReady);
  const presentation = new Presentation(root, { printView: true, print: layout, beforeReady });
  await presentation.show(deck);
  // `podium export --watch` calls this after a save instead of loading the page again.
  Object.assign(window, {
    [REFRESH_PRINT_FUNCTION]: async (): Promise<boolean> => {
      const next = printedDeck(await api.loadDeck(), layout);
      await loadMathFor(next);
      return presentation.refreshPrinted(next);
    },
  });
}

async function loadMathFor(deck: Deck): Promise<void> {
  if (deck.slides.some((slide) => mayContainMath(slide.markdown))) await loadMath();
}
