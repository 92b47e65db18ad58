/**
 * How many pixels an image needs on a printed page (`--max-image-dpi`). Chromium prints one CSS
 * px as 1/96 inch (the print page's size in CSS px is the PDF page's at 96 per inch), so an image
 * painted W CSS px wide on the page needs W / 96 × dpi pixels across.
 */

const CSS_PX_PER_INCH = 96;

export interface PixelSize {
  width: number;
  height: number;
}

/**
 * The size in CSS px at which an image of `natural` pixels is painted inside a box of `box` CSS px,
 * for an `object-fit` (`fill`, `contain`, `cover`, `none`, `scale-down`) or a single-layer
 * `background-size` as getComputedStyle gives it (`cover`, `contain`, `auto`, `W H` in px, %
 * or auto). Null for anything else: an image whose size is not known is left as it is.
 */
export function paintedSize(natural: PixelSize, box: PixelSize, fit: string): PixelSize | null {
  if (natural.width <= 0 || natural.height <= 0) return null;
  const scaled = (scale: number): PixelSize => ({ width: natural.width * scale, height: natural.height * scale });
  const contain = Math.min(box.width / natural.width, box.height / natural.height);
  switch (fit.trim()) {
    case 'fill':
      return box;
    case 'contain':
      return scaled(contain);
    case 'cover':
      return scaled(Math.max(box.width / natural.width, box.height / natural.height));
    case 'none':
      return natural;
    case 'scale-down':
      return scaled(Math.min(1, contain));
  }
  return explicitBackgroundSize(natural, box, fit);
}

/** `background-size: W H`, each a length in px, a percentage of the box, or auto (from the aspect ratio). */
function explicitBackgroundSize(natural: PixelSize, box: PixelSize, value: string): PixelSize | null {
  const parts = value.trim().split(/\s+/);
  if (parts.length < 1 || parts.length > 2) return null;
  const length = (part: string | undefined, along: number): number | 'auto' | null => {
    if (part === undefined || part === 'auto') return 'auto';
    const match = /^(\d+(?:\.\d+)?)(px|%)$/.exec(part);
    if (!match) return null;
    return match[2] === '%' ? (Number(match[1]) / 100) * along : Number(match[1]);
  };
  const width = length(parts[0], box.width);
  const height = length(parts[1], box.height);
  if (width === null || height === null) return null;
  if (width === 'auto' && height === 'auto') return natural;
  if (width === 'auto') return { width: (natural.width * (height as number)) / natural.height, height: height as number };
  if (height === 'auto') return { width, height: (natural.height * width) / natural.width };
  return { width, height };
}

/**
 * The fraction of its pixels an image painted at `painted` CSS px keeps under `maxDpi`, the same
 * along both axes so that its aspect ratio stays: 1 when it has no more pixels than that.
 */
export function resolutionScale(natural: PixelSize, painted: PixelSize, maxDpi: number): number {
  const across = (painted.width / CSS_PX_PER_INCH) * maxDpi;
  const down = (painted.height / CSS_PX_PER_INCH) * maxDpi;
  return Math.min(1, Math.max(across / natural.width, down / natural.height));
}

/** The pixel size of an image downsampled by `scale`: rounded up, so it never falls under `maxDpi`. */
export function scaledPixelSize(natural: PixelSize, scale: number): PixelSize {
  return { width: Math.max(1, Math.ceil(natural.width * scale)), height: Math.max(1, Math.ceil(natural.height * scale)) };
}
