import type { RevealApi } from 'reveal.js';
import './slide-area-backgrounds.css';

/**
 * Background images laid out against the slide, not the window. reveal.js sizes a background
 * image (`cover` by default) to the whole window, the margin it keeps around the slide included,
 * while a PDF page is the slide alone: the same image showed larger and shifted on screen than in
 * the PDF. As in Keynote and Marp, a background belongs to the slide: it is sized and placed against
 * the slide, so the slide area on screen is the PDF page, and it runs on into the margin where the
 * image reaches that far (see slide-area-backgrounds.css).
 *
 * The slide's distance to each edge of the window is kept in CSS variables on the reveal element.
 */
export function keepBackgroundImagesOnSlide(reveal: RevealApi, root: HTMLElement): void {
  const slides = root.querySelector<HTMLElement>('.slides');
  if (!slides) return;
  const update = (): void => {
    const frame = root.getBoundingClientRect();
    const slide = slides.getBoundingClientRect();
    if (frame.width === 0 || root.offsetWidth === 0) return;
    // Rectangles are in the page's px; the editor's preview may scale the whole presentation.
    const toCss = root.offsetWidth / frame.width;
    const insets = {
      top: slide.top - frame.top,
      right: frame.right - slide.right,
      bottom: frame.bottom - slide.bottom,
      left: slide.left - frame.left,
    };
    for (const [edge, inset] of Object.entries(insets)) {
      root.style.setProperty(`--podium-slide-inset-${edge}`, `${Math.max(0, inset * toCss)}px`);
    }
  };
  // reveal.js says when the slide's scale changes; a window resized at the same scale only moves it.
  reveal.on('resize', update);
  new ResizeObserver(update).observe(root);
  update();
}
