import { HTTP_ROUTES } from '../../shared/api';
import type { Deck } from '../../shared/deck/model';
import { parseSavedDrawings, slidePageKey } from '../../shared/present/drawing';
import { DrawingBook } from '../../shared/present/drawing-book';
import { DrawingOverlay } from '../present/drawing/drawing-overlay';
import { failureOf } from '../api/http-failure';

/**
 * `podium export --drawings`: the drawings saved beside the deck over each printed page of their
 * slide. A page in its final state shows all of them; with one page per fragment step, each
 * step shows the strokes drawn by then, as the audience saw them. A slide is known by its segment
 * and line, so a range (which renumbers the printed slides) still finds its drawings.
 */
export async function drawSavedDrawings(root: HTMLElement, deck: Deck, fragments: boolean): Promise<void> {
  const response = await fetch(HTTP_ROUTES.drawings.slice(1), { cache: 'no-store' });
  if (!response.ok) throw await failureOf(response);
  const saved = parseSavedDrawings(await response.json());
  if (saved === null) throw new Error('the saved drawings are not of their shape');
  const book = new DrawingBook();
  book.apply({ kind: 'all', drawings: saved });
  const size = { width: deck.settings.width, height: deck.settings.height };
  for (const page of root.querySelectorAll<HTMLElement>('.pdf-page')) {
    const section = page.querySelector<HTMLElement>('section[data-podium-line]');
    const slide = deck.slides.find((candidate) => String(candidate.segment) === section?.dataset.podiumSegment && String(candidate.line) === section?.dataset.podiumLine);
    if (!section || !slide) continue;
    const strokes = book.strokes(slidePageKey(slide.h, slide.v), fragments ? fragmentStepOf(section) : Number.POSITIVE_INFINITY);
    if (strokes.length > 0) new DrawingOverlay(page, size).render(strokes, false);
  }
}

/** The fragment step a page shows: one less than the number of fragment indices made visible. */
function fragmentStepOf(section: HTMLElement): number {
  const shown = new Set([...section.querySelectorAll('.fragment.visible')].map((fragment) => fragment.getAttribute('data-fragment-index')));
  return shown.size - 1;
}
