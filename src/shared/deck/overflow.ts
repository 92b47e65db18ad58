import type { Problem } from './model';
import { createProblem } from './problems';

/** A laid-out slide, as much of its DOM element as the overflow rule reads. */
export interface LaidOutSlide {
  scrollWidth: number;
  scrollHeight: number;
  dataset: { podiumFile?: string; podiumLine?: string };
}

export interface OverflowingSlide {
  file: string;
  line: number;
  width: number;
  height: number;
  slideWidth: number;
  slideHeight: number;
}

/**
 * The rule: a slide laid out at the deck's size whose content is taller or wider than the slide
 * overflows. `podium check` runs it on the print page (as source text: it must stay one function
 * without imports or helpers), the edit view on its preview's current slide.
 */
export function findOverflowingSlides(slides: ArrayLike<LaidOutSlide>, slideWidth: number, slideHeight: number): OverflowingSlide[] {
  const found: OverflowingSlide[] = [];
  for (let index = 0; index < slides.length; index++) {
    const slide = slides[index]!;
    if (slide.scrollHeight <= slideHeight + 1 && slide.scrollWidth <= slideWidth + 1) continue;
    found.push({
      file: slide.dataset.podiumFile ?? '',
      line: Number(slide.dataset.podiumLine),
      width: slide.scrollWidth,
      height: slide.scrollHeight,
      slideWidth,
      slideHeight,
    });
  }
  return found;
}

export function overflowProblem(slide: OverflowingSlide): Problem {
  return createProblem(
    'overflow',
    slide.file,
    slide.line,
    `slide content overflows the ${slide.slideWidth}×${slide.slideHeight} slide ` +
      `(${slide.width}×${slide.height} px): shorten it or split it with ---`,
  );
}
