import { h } from '../dom';

/** The label a reader announces for speaker notes, on notes pages and handouts alike. */
export const NOTES_LABEL = 'Speaker notes';

/**
 * Makes the laid-out print page read as a document in Chromium's tagged PDF, whose structure tree
 * is the page's accessibility tree (Chromium maps group to Div, complementary to Aside, headings,
 * lists, tables, code and images to their PDF types; content hidden from readers prints as an
 * artifact). reveal.js hides every slide but the current one from assistive technology
 * (`hidden`, `aria-hidden`), even in its print view where all of them show: those would print
 * untagged. Each printed slide becomes a group labelled "Slide n of N", in page order; notes pages
 * are labelled notes; what only decorates a page (backgrounds, slide numbers, drawings) is hidden.
 */
export function exposeSlidesToReaders(root: HTMLElement): void {
  const slides = [...root.querySelectorAll<HTMLElement>('.slides > .pdf-page > section')];
  slides.forEach((section, index) => {
    section.setAttribute('role', 'group');
    section.setAttribute('aria-roledescription', 'slide');
    section.setAttribute('aria-label', `Slide ${index + 1} of ${slides.length}`);
  });
  for (const section of root.querySelectorAll<HTMLElement>('.slides section')) {
    section.hidden = false;
    section.removeAttribute('aria-hidden');
  }
  for (const notes of root.querySelectorAll<HTMLElement>('.speaker-notes-pdf')) {
    notes.setAttribute('role', 'complementary');
    notes.setAttribute('aria-label', NOTES_LABEL);
  }
  for (const image of root.querySelectorAll<HTMLImageElement>('.slides section img')) {
    if (image.complete && image.naturalWidth === 0 && image.alt.trim() !== '') standInForBrokenImage(image);
  }
  for (const decoration of root.querySelectorAll<HTMLElement>('.slide-background, .slide-number, .podium-print-drawing, svg.podium-drawing')) {
    decoration.setAttribute('aria-hidden', 'true');
  }
}

/**
 * An image that failed to load paints nothing, so Chromium's tagged PDF drops its figure and its
 * alt text with it. Its alt text is printed in its place, as a browser shows it, and tagged as the
 * figure it stands for.
 */
function standInForBrokenImage(image: HTMLImageElement): void {
  const standIn = h('span', { className: 'podium-broken-image', attrs: { role: 'img', 'aria-label': image.alt } }, image.alt);
  image.replaceWith(standIn);
}
