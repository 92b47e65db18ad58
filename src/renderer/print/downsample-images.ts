import { paintedSize, resolutionScale, scaledPixelSize, type PixelSize } from '../../shared/export/image-resolution';

/** Photos re-encoded as JPEG at this quality: no visible loss at print resolution, a fraction of the bytes. */
const JPEG_QUALITY = 0.9;

/** One place an image is painted on the print page, and how to point it at a smaller copy. */
interface ImageUse {
  source: string;
  /** The CSS px it is painted at on the page, given the image's natural size; null when unknown. */
  painted(natural: PixelSize): PixelSize | null;
  replace(smaller: string): void;
}

/**
 * `--max-image-dpi`: replaces every raster image (an `<img>` or a single-image CSS background)
 * that has more pixels than `maxDpi` allows at the size it is painted with a downsampled copy,
 * before the page is printed. Done in the print page with a canvas, so that both hosts (headless
 * Chromium and the app's printToPDF) get it without a native image library.
 *
 * One copy per source image, at the resolution its largest use needs: Chromium embeds an image
 * once however many pages show it, and so it embeds the copy once too. Copies with transparency
 * stay PNG (Chromium keeps their alpha as a soft mask); opaque ones become JPEG, which Chromium
 * embeds as is. Vector images (SVG) are never rasterized.
 */
export async function downsampleImages(document: Document, maxDpi: number): Promise<void> {
  const bySource = new Map<string, ImageUse[]>();
  for (const use of imageUses(document)) {
    const uses = bySource.get(use.source);
    if (uses) uses.push(use);
    else bySource.set(use.source, [use]);
  }
  const copies = await Promise.all(
    [...bySource].map(async ([source, uses]) => {
      const smaller = await downsampledCopy(source, uses, maxDpi).catch(() => null);
      if (smaller === null) return null;
      for (const use of uses) use.replace(smaller);
      return smaller;
    }),
  );
  // Printing does not wait for images still loading: each copy is decoded before the page is ready.
  await Promise.all(copies.filter((copy) => copy !== null).map((copy) => decoded(document, copy)));
  await new Promise(requestAnimationFrame);
}

function* imageUses(document: Document): Generator<ImageUse> {
  const window = document.defaultView as Window;
  for (const image of document.images) {
    if (!image.complete || image.naturalWidth === 0 || !image.currentSrc) continue;
    const box = paintedBox(image);
    if (box === null) continue;
    const fit = window.getComputedStyle(image).objectFit;
    yield {
      source: image.currentSrc,
      painted: (natural) => scaleSize(paintedSize(natural, box.local, fit), box.scale),
      replace: (smaller) => {
        // srcset would win over src and bring the large image back.
        image.removeAttribute('srcset');
        image.src = smaller;
      },
    };
  }
  for (const element of document.body.querySelectorAll<HTMLElement>('*')) {
    const style = window.getComputedStyle(element);
    // Only a background of exactly one image: in a list of layers, a gradient's commas make the
    // layers hard to tell apart, and such backgrounds are rare on slides.
    const single = /^url\("([^"]+)"\)$/.exec(style.backgroundImage);
    if (!single?.[1]) continue;
    const box = paintedBox(element);
    if (box === null) continue;
    const size = style.backgroundSize;
    yield {
      source: single[1],
      painted: (natural) => scaleSize(paintedSize(natural, box.local, size), box.scale),
      replace: (smaller) => (element.style.backgroundImage = `url("${smaller}")`),
    };
  }
}

/** The element's padding box in its own CSS px, and the transforms' scale from those to the page's. */
function paintedBox(element: HTMLElement): { local: PixelSize; scale: number } | null {
  const rect = element.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0 || element.offsetWidth === 0) return null;
  return { local: { width: element.clientWidth, height: element.clientHeight }, scale: rect.width / element.offsetWidth };
}

function scaleSize(size: PixelSize | null, scale: number): PixelSize | null {
  return size && { width: size.width * scale, height: size.height * scale };
}

/** A blob URL of `source` downsampled for its largest use; null when it needs no downsampling. */
async function downsampledCopy(source: string, uses: ImageUse[], maxDpi: number): Promise<string | null> {
  const response = await fetch(source);
  const encoded = await response.blob();
  if (!response.ok || !encoded.type.startsWith('image/') || encoded.type.startsWith('image/svg')) return null;
  const full = await createImageBitmap(encoded);
  try {
    const natural = { width: full.width, height: full.height };
    const painted = uses.map((use) => use.painted(natural));
    // A use whose painted size is unknown might need every pixel.
    if (painted.some((size) => size === null)) return null;
    const scale = Math.max(...painted.map((size) => resolutionScale(natural, size as PixelSize, maxDpi)));
    if (scale >= 1) return null;
    const target = scaledPixelSize(natural, scale);
    const canvas = new OffscreenCanvas(target.width, target.height);
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    context.drawImage(full, 0, 0, target.width, target.height);
    const opaque = encoded.type === 'image/jpeg' || isOpaque(context.getImageData(0, 0, target.width, target.height).data);
    const copy = await canvas.convertToBlob(opaque ? { type: 'image/jpeg', quality: JPEG_QUALITY } : { type: 'image/png' });
    return URL.createObjectURL(copy);
  } finally {
    full.close();
  }
}

function isOpaque(rgba: Uint8ClampedArray): boolean {
  for (let alpha = 3; alpha < rgba.length; alpha += 4) if (rgba[alpha] !== 255) return false;
  return true;
}

function decoded(document: Document, source: string): Promise<void> {
  const image = document.createElement('img');
  image.src = source;
  return image.decode().catch(() => undefined);
}
