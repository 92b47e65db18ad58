import type { Deck } from '../../shared/deck/model';

/** The elements of the laid-out print page that each print as one PDF page, in order. */
export const PRINTED_PAGES_SELECTOR = '.reveal .slides > .pdf-page, .reveal .slides > .speaker-notes-pdf, .podium-handout-page';

/**
 * Runs in the laid-out print page (page.evaluate in headless Chromium, executeJavaScript in the
 * app) and lists, for each PDF page in order, the slides it shows as `file:line`. Reveal's print
 * view makes one `.pdf-page` per slide (or per fragment step) and puts a notes page after it;
 * a handout page holds several slides. Read from the DOM because only the laid-out page knows
 * how many pages fragments and notes add.
 */
export const PAGE_MAP_SCRIPT = `(() => {
  const pages = document.querySelectorAll(${JSON.stringify(PRINTED_PAGES_SELECTOR)});
  const map = [];
  for (const page of pages) {
    if (page.classList.contains('speaker-notes-pdf')) {
      map.push(map.length > 0 ? map[map.length - 1] : []);
      continue;
    }
    map.push([...page.querySelectorAll('[data-podium-file]')].map((slide) => slide.dataset.podiumFile + ':' + slide.dataset.podiumLine));
  }
  return JSON.stringify(map);
})()`;

/** For each PDF page, the indices (into `deck.slides`) of the slides it shows. */
export function slidesOfPages(deck: Deck, pageMapJson: string): number[][] {
  const indexByKey = new Map<string, number>();
  deck.slides.forEach((slide, index) => {
    indexByKey.set(`${deck.segments[slide.segment]?.file ?? ''}:${slide.line}`, index);
  });
  const pages = JSON.parse(pageMapJson) as string[][];
  return pages.map((keys) => keys.map((key) => indexByKey.get(key)).filter((index): index is number => index !== undefined));
}
