import { DECK_STYLESHEET_ID } from './stylesheets';

/**
 * Waits for fonts, for every image below `root` and for every slide background image to load or
 * fail, so that a PDF never shows a half-loaded slide: printing does not wait for them. A page to
 * be `printed` waits for its videos too; the screen does not, or a deck of long videos would load
 * them all before it could present.
 */
export async function whenContentLoaded(root: ParentNode, { printed = false }: { printed?: boolean } = {}): Promise<void> {
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
    ...(printed ? [...root.querySelectorAll('video')].map(whenVideoShowsSomething) : []),
  ]);
}

/**
 * A printed video shows its poster, or else its current frame, the first: neither is there until
 * it has loaded, and a video left to `preload="none"` or `"metadata"` never loads a frame at all.
 */
async function whenVideoShowsSomething(video: HTMLVideoElement): Promise<void> {
  if (video.poster) return decoded(video.poster);
  if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) await loadedOrFailed(video);
  // reveal.js's print view moves each slide's background, video and all, into its page once the
  // video has loaded, and a moved video paints nothing, on screen or on paper, until it presents
  // a frame again: a seek to where it stands makes it. A video with nothing seekable would never
  // say `seeked` (the HTML spec's seek algorithm returns early), and is left as it is.
  if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.seekable.length > 0) await seekedInPlace(video);
}

function loadedOrFailed(video: HTMLVideoElement): Promise<void> {
  return new Promise<void>((resolve) => {
    video.addEventListener('loadeddata', () => resolve(), { once: true });
    // A failing <source> fires its error at itself, not at the video: caught on its way down.
    video.addEventListener('error', () => resolve(), { once: true, capture: true });
    video.preload = 'auto';
    video.load();
  });
}

function seekedInPlace(video: HTMLVideoElement): Promise<void> {
  return new Promise<void>((resolve) => {
    video.addEventListener('seeked', () => resolve(), { once: true });
    video.currentTime = video.currentTime;
  });
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
