import { DECK_STYLESHEET_ID } from './stylesheets';

/**
 * Waits for fonts, for every image below `root` and for every slide background image to load or
 * fail, so that a PDF never shows a half-loaded slide: printing does not wait for them.
 */
export async function whenContentLoaded(root: ParentNode): Promise<void> {
  await document.fonts.ready;
  const images = [...root.querySelectorAll('img')];
  // A lazy image outside the window would never load, and never let the page be ready.
  for (const image of images) if (image.loading === 'lazy') image.loading = 'eager';
  const pending = images.filter((image) => !image.complete);
  await Promise.all([
    ...pending.map(
      (image) =>
        new Promise<void>((resolve) => {
          image.addEventListener('load', () => resolve(), { once: true });
          image.addEventListener('error', () => resolve(), { once: true });
        }),
    ),
    ...backgroundImageSources(root).map(decoded),
  ]);
}

/**
 * The URLs of the images slide backgrounds paint, as CSS backgrounds that no `<img>` waits for.
 * reveal.js (and the handout's slide copies) set them in the elements' own style; reading computed
 * styles instead makes Chromium style the whole deck for the screen (40 ms at 300 slides), so only
 * a deck with a stylesheet of its own, which could add some, has them read.
 */
function backgroundImageSources(root: ParentNode): string[] {
  const sources = new Set<string>();
  const styled = document.getElementById(DECK_STYLESHEET_ID) !== null;
  for (const element of root.querySelectorAll<HTMLElement>('.slide-background, .slide-background-content')) {
    const images = styled ? getComputedStyle(element).backgroundImage : element.style.backgroundImage;
    for (const match of images.matchAll(/url\("((?:[^"\\]|\\.)*)"\)/g)) {
      if (match[1]) sources.add(match[1].replace(/\\(.)/g, '$1'));
    }
  }
  return [...sources];
}

function decoded(source: string): Promise<void> {
  const image = new Image();
  image.src = source;
  return image.decode().catch(() => undefined);
}
