import { REFRESH_PRINT_FUNCTION, type DeckApi } from '../../shared/api';
import type { PrintLayout } from '../../shared/export/export-options';
import type { PrintPurpose } from '../../shared/export/print-query';
import type { Deck } from '../../shared/deck/model';
import { loadMath, mayContainMath } from '../../shared/render/slide-html';
import { DeckView } from '../deck-view/deck-view';
import { downsampleImages } from './downsample-images';
import { applyDeckStylesheets } from '../deck-view/stylesheets';
import { showHandout } from './handout';
import { installPptxReadout } from './pptx-readout';
import { printedDeck } from './printed-deck';
import { redrawBlurredShadowsAsVectors } from './vector-shadows';
import { drawSavedDrawings } from './print-drawings';
import { exposeSlidesToReaders } from './tagged-structure';
import { paginateNotesPages } from './notes-pages';
import './print-view.css';

/**
 * The page every export prints (`?view=print…` or `?view=handout…`, see shared/export/print-query):
 * reveal.js's print view for slide pages (with fragment steps or notes pages when asked),
 * Podium's own layout for handouts. Never live-reloads; `podium export --watch` asks it to refresh
 * the slides that changed before it prints again.
 */
export async function startPrintPage(api: DeckApi, root: HTMLElement, layout: PrintLayout, target: PrintPurpose): Promise<void> {
  installPptxReadout(window);
  const loaded = await api.loadDeck();
  const deck = printedDeck(loaded, layout);
  await loadMathFor(deck);
  // The deck's stylesheets load first (the views below find them in place), so that their blurred
  // shadows are redrawn as vectors before anything is laid out.
  await applyDeckStylesheets(deck.settings, document);
  redrawBlurredShadowsAsVectors(document);
  const { maxImageDpi } = layout;
  // Images are downsampled where they are finally laid out: only then is their printed size known.
  const downsample = maxImageDpi === null ? async () => undefined : () => downsampleImages(document, maxImageDpi);
  if (layout.notes === 'handout') return showHandout(deck, layout, downsample);
  // Before anything hides the pages or counts them: notes pages are measured where reveal.js laid them out.
  if (layout.notes === 'pages') root.addEventListener('pdf-ready', () => paginateNotesPages(root), { once: true });
  // Only a PDF may skip painting pages off screen: PNGs, PowerPoint's pictures and `check` capture them.
  document.documentElement.classList.toggle('podium-offscreen-pages-skipped', target === 'pdf' && maxImageDpi === null);
  if (target === 'pdf' && maxImageDpi === null) {
    // Hidden the moment reveal.js has measured and centred them (`pdf-ready`): otherwise the screen
    // styles and lays out every page once more while the page waits for its images.
    root.addEventListener('pdf-ready', () => showSlidesOnScreen(false), { once: true });
  }
  const beforeReady = async (): Promise<void> => {
    // Drawn on the pages reveal.js has laid out, in the deck's own units (the size an export asks for stretches them).
    if (layout.drawings) await drawSavedDrawings(root, loaded, layout.fragments);
    await downsample();
    exposeSlidesToReaders(root);
    if (target === 'pdf') showSlidesOnScreen(false);
  };
  const presentation = new DeckView(root, { printView: true, print: layout, beforeReady });
  await presentation.show(deck);
  // `podium export --watch` calls this after a save instead of loading the page again.
  Object.assign(window, {
    [REFRESH_PRINT_FUNCTION]: async (): Promise<boolean> => {
      const next = printedDeck(await api.loadDeck(), layout);
      await loadMathFor(next);
      // The changed slides are measured on screen again, to be centred on their pages.
      showSlidesOnScreen(true);
      return presentation.refreshPrinted(next);
    },
  });
}

/**
 * A PDF's page hides its slides on screen once they are laid out, measured and centred, just
 * before it says it is ready (print-view.css). Printing lays them out for print whatever the
 * screen shows; afterwards it would lay them all out for the screen again, a quarter of the
 * print time of a long deck. PNGs and `podium check` capture and measure the page on screen.
 */
function showSlidesOnScreen(shown: boolean): void {
  document.documentElement.classList.toggle('podium-slides-printed-only', !shown);
}

/** KaTeX, for a deck with math the server did not render. */
async function loadMathFor(deck: Deck): Promise<void> {
  if (deck.slides.some((slide) => slide.html === undefined && mayContainMath(slide.markdown))) await loadMath();
}
