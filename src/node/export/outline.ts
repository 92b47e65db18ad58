import type { Deck } from '../../shared/deck/model';

export interface OutlineEntry {
  title: string;
  /** 0-based PDF page the entry opens. */
  page: number;
  children: OutlineEntry[];
}

/**
 * PDF bookmarks for a printed deck: one per segment, opening its first printed page, with the
 * segment's slides nested under it by title. Segments and slides that were not printed (a range)
 * have no entry; a slide without a heading is named by its number, as the presenter counts.
 */
export function buildOutline(deck: Deck, slidesOfPages: readonly (readonly number[])[]): OutlineEntry[] {
  const firstPageOfSlide = new Map<number, number>();
  slidesOfPages.forEach((slides, page) => {
    for (const slide of slides) if (!firstPageOfSlide.has(slide)) firstPageOfSlide.set(slide, page);
  });
  const entries: OutlineEntry[] = [];
  let current: { segment: number; entry: OutlineEntry } | null = null;
  deck.slides.forEach((slide, index) => {
    const page = firstPageOfSlide.get(index);
    if (page === undefined) return;
    if (current === null || current.segment !== slide.segment) {
      const segment = deck.segments[slide.segment];
      const title = segment?.title ?? slide.title ?? segment?.file ?? `Segment ${slide.segment + 1}`;
      current = { segment: slide.segment, entry: { title, page, children: [] } };
      entries.push(current.entry);
    }
    current.entry.children.push({ title: slide.title ?? `Slide ${index + 1}`, page, children: [] });
  });
  return entries;
}
