export interface OverflowingSlide {
  file: string;
  line: number;
  width: number;
  height: number;
  slideWidth: number;
  slideHeight: number;
}

/**
 * Runs in the print view, where reveal.js has laid out every slide at the deck's size (the same
 * layout the PDF gets): a slide whose content is taller or wider than the slide overflows.
 * A string, since this Node-side code is compiled without the DOM's types.
 */
export const OVERFLOW_SCRIPT = `(() => {
  const { width, height } = window.Reveal.getConfig();
  const sections = [...document.querySelectorAll('.reveal .slides section[data-podium-file]')];
  return JSON.stringify(sections
    .filter((section) => section.scrollHeight > height + 1 || section.scrollWidth > width + 1)
    .map((section) => ({
      file: section.dataset.podiumFile,
      line: Number(section.dataset.podiumLine),
      width: section.scrollWidth,
      height: section.scrollHeight,
      slideWidth: width,
      slideHeight: height,
    })));
})()`;
