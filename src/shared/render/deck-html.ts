import type { Deck, Slide } from '../deck/model';
import { buildAgenda } from './agenda';
import { loadMath, mayContainMath, renderSlideHtml } from './slide-html';

/**
 * The deck with each slide's HTML rendered (`Slide.html`), math included, for a print page. An
 * export's server renders it while the browser starts, when Node has nothing else to do: in the
 * page, Markdown and KaTeX cost 45 ms of a 10-slide export's critical path, mostly cold start.
 */
export async function withSlideHtml(deck: Deck): Promise<Deck> {
  if (deck.slides.some((slide) => mayContainMath(slide.markdown))) await loadMath();
  return {
    ...deck,
    slides: deck.slides.map((slide) => (slide.error ? slide : { ...slide, html: renderDeckSlide(deck, slide) })),
  };
}

/** One slide of `deck` as HTML: links resolved against its segment, its agenda filled in. */
export function renderDeckSlide(deck: Deck, slide: Slide): string {
  return renderSlideHtml(slide.markdown, {
    segmentFile: deck.segments[slide.segment]?.file ?? '',
    agenda: buildAgenda(deck, slide.segment),
  });
}
