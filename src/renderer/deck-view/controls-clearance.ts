/** Space kept between the arrows and the slide number above it, in CSS px. */
const GAP = 6;

/**
 * Puts reveal.js's navigation arrows above the slide number, however tall the deck's theme makes
 * it. reveal.js draws both in the bottom-right corner, the down arrow over "3 / 25" (a theme's
 * 28px number is taller than the 12px one reveal.js leaves room for), so the arrows' distance
 * from the bottom is the number's own top, measured once the deck's stylesheets apply.
 * Without a slide number showing, reveal.js's own place stands (podium.css).
 */
export function keepControlsClearOfSlideNumber(root: HTMLElement): void {
  const controls = root.querySelector<HTMLElement>(':scope > .controls');
  const number = root.querySelector<HTMLElement>(':scope > .slide-number');
  if (!controls) return;
  controls.style.removeProperty('--podium-controls-bottom');
  if (!number || number.offsetHeight === 0) return;
  // The number sits at a fixed distance from the bottom of `.reveal`, outside the scaled slides.
  const fromBottom = root.getBoundingClientRect().bottom - number.getBoundingClientRect().top;
  controls.style.setProperty('--podium-controls-bottom', `${Math.ceil(fromBottom + GAP)}px`);
}
