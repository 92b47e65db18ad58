import { h } from '../dom';
/**
 * A slide's background (`data-background-color`, `-gradient`, `-image`, `-size`, `-position`,
 * `-repeat`, `-opacity`, and the `data-background` shorthand) for a copy of the slide outside
 * reveal.js, as reveal.js builds it: `.slide-background > .slide-background-content`, so that
 * reveal's and the theme's CSS lay it out the same. reveal.js builds backgrounds only for the deck
 * it presents; a handout's slide copies would otherwise print on the theme's colour alone.
 * A background video is a `<video>` as reveal.js makes it, and prints its first frame once the
 * print page has loaded it (`whenContentLoaded`). Null when the slide has no background.
 */
export function slideBackground(section: HTMLElement): HTMLElement | null {
  const read = (name: string): string | null => section.getAttribute(`data-background${name}`);
  const content = h('div', { className: 'slide-background-content' });
  const background = h('div', { className: 'slide-background present' }, content);

  let image = read('-image');
  const shorthand = read('');
  if (shorthand) {
    // reveal.js's test for whether the shorthand names an image or is a CSS background.
    if (/^(http|file|\/\/)/i.test(shorthand) || /\.(svg|png|jpg|jpeg|gif|bmp|webp)([?#\s]|$)/i.test(shorthand)) image = shorthand;
    else background.style.background = shorthand;
  }
  const color = read('-color');
  const gradient = read('-gradient');
  const video = read('-video');
  if (!image && !color && !gradient && !shorthand && !video) return null;
  if (video) content.append(backgroundVideo(video));
  if (color) background.style.backgroundColor = color;
  if (gradient) background.style.backgroundImage = gradient;
  if (image) content.style.backgroundImage = cssImageList(image);
  const size = read('-size');
  const position = read('-position');
  const repeat = read('-repeat');
  const opacity = read('-opacity');
  if (size) content.style.backgroundSize = size;
  if (position) content.style.backgroundPosition = position;
  if (repeat) content.style.backgroundRepeat = repeat;
  if (opacity) content.style.opacity = opacity;
  return background;
}

/** reveal.js's background `<video>`: one `<source>` per comma-separated file, silent on paper. */
function backgroundVideo(sources: string): HTMLVideoElement {
  return h('video', { muted: true }, ...sources.split(',').map((source) => h('source', { src: source.trim() })));
}

/**
 * reveal.js's `has-dark-background` or `has-light-background` on the slide, by the brightness of its
 * background colour: themes set the text colour by them. Call once the background is in the document.
 */
export function markBackgroundContrast(section: HTMLElement, background: HTMLElement): void {
  const colour = /^rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)$/.exec(getComputedStyle(background).backgroundColor);
  if (!colour || Number(colour[4] ?? 1) === 0) return;
  const [red, green, blue] = [colour[1], colour[2], colour[3]].map(Number) as [number, number, number];
  // reveal.js's formula (YIQ brightness) and threshold.
  const brightness = (red * 299 + green * 587 + blue * 114) / 1000;
  section.classList.add(brightness < 128 ? 'has-dark-background' : 'has-light-background');
}

/** `url(…)` layers for reveal's comma-separated image list; `data:` URLs stay one image, as in reveal.js. */
function cssImageList(value: string): string {
  const trimmed = value.trim();
  const sources = trimmed.startsWith('data:') ? [trimmed] : trimmed.split(',').map((source) => encodeUri(source.trim()));
  return sources.map((source) => `url("${source.replace(/["\\\n\r]/g, (character) => `\\${character.charCodeAt(0).toString(16)} `)}")`).join(', ');
}

/** reveal.js decodes then encodes each URL, so that one written encoded or not loads the same file. */
function encodeUri(source: string): string {
  try {
    return encodeURI(decodeURI(source));
  } catch {
    return encodeURI(source);
  }
}
