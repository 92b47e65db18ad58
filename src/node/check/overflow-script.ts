import { findOverflowingSlides } from '../../shared/deck/overflow';

/**
 * Runs in the print view, where reveal.js has laid out every slide at the deck's size (the same
 * layout the PDF gets). The rule is the edit view's (shared/deck/overflow.ts), sent as its source.
 * A string, since this Node-side code is compiled without the DOM's types.
 */
export const OVERFLOW_SCRIPT = `(() => {
  const findOverflowingSlides = ${findOverflowingSlides.toString()};
  const { width, height } = window.Reveal.getConfig();
  const sections = document.querySelectorAll('.reveal .slides section[data-podium-file]');
  return JSON.stringify(findOverflowingSlides(sections, width, height));
})()`;
