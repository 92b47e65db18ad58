import {
  PPTX_HIDE_CONTENT_FUNCTION,
  PPTX_HIDE_TEXT_FUNCTION,
  PPTX_READOUT_FUNCTION,
  type PptxPageReadout,
} from '../../shared/export/pptx-layout';
import type { PrintTarget, Viewport } from './print-target';

/** Pictures are captured at twice the slide's pixels: sharp on a 4K projector, still small. */
const PICTURE_SCALE = 2;
/**
 * A whole-slide picture (a background, or `--pptx-images`) is a JPEG at least SLIDE_WIDTH px
 * wide (1.5× for a 1280 px deck): a projector's width, and a few hundred KB a slide.
 */
const SLIDE_WIDTH = 1920;

export interface PptxCapture {
  pages: PptxPageReadout[];
  /** Per page, a PNG of each of its picture shapes, in order. */
  pictures: Uint8Array[][];
  /**
   * Per page, its background with the boxes' fills, borders and rules, as a JPEG; null with
   * `imagesOnly`, or when the page's colour and decorations say it all.
   */
  backgrounds: (Uint8Array | null)[];
  /** `--pptx-images`: each page whole, as the PDF shows it, as a JPEG; empty otherwise. */
  slideImages: Uint8Array[];
}

/**
 * Reads the laid-out print page as PowerPoint shapes (renderer/print/pptx-readout.ts), then
 * captures what stays a picture: each image, drawing or formula without the text over it, and
 * slide background that colour and rectangles cannot say, with what CSS draws around the text.
 */
export async function capturePptx(target: PrintTarget, viewport: Viewport, imagesOnly: boolean): Promise<PptxCapture> {
  const pages = await target.evaluate<PptxPageReadout[]>(`window.${PPTX_READOUT_FUNCTION}()`);
  const wholePage = (page: PptxPageReadout): Promise<Uint8Array> =>
    target.screenshot({
      x: page.pageLeft,
      y: page.pageTop,
      width: viewport.width,
      height: viewport.height,
      scale: Math.max(1, SLIDE_WIDTH / viewport.width),
      format: 'jpeg',
    });
  if (imagesOnly) {
    const slideImages: Uint8Array[] = [];
    for (const page of pages) slideImages.push(await wholePage(page));
    return { pages, pictures: pages.map(() => []), backgrounds: pages.map(() => null), slideImages };
  }
  await target.evaluate(`window.${PPTX_HIDE_TEXT_FUNCTION}()`);
  const pictures: Uint8Array[][] = [];
  for (const page of pages) {
    const shots: Uint8Array[] = [];
    for (const shape of page.shapes) {
      if (shape.kind !== 'picture') continue;
      const { x, y, width, height } = shape.box;
      shots.push(await target.screenshot({ x: page.pageLeft + x, y: page.pageTop + y, width: Math.max(1, width), height: Math.max(1, height), scale: PICTURE_SCALE }));
    }
    pictures.push(shots);
  }
  // Only a background no colour and rectangles can say is captured: a screenshot of a whole
  // slide costs more than reading all of them.
  const backgrounds: (Uint8Array | null)[] = [];
  if (pages.some((page) => page.backgroundPicture)) await target.evaluate(`window.${PPTX_HIDE_CONTENT_FUNCTION}()`);
  for (const page of pages) backgrounds.push(page.backgroundPicture ? await wholePage(page) : null);
  return { pages, pictures, backgrounds, slideImages: [] };
}
