import { describe, expect, it } from 'vitest';
import { paintedSize, resolutionScale, scaledPixelSize } from '../../../src/shared/export/image-resolution';

const photo = { width: 4000, height: 3000 };
const slide = { width: 1280, height: 720 };

describe('paintedSize', () => {
  it('fills the box by default (object-fit: fill)', () => {
    expect(paintedSize(photo, { width: 480, height: 360 }, 'fill')).toEqual({ width: 480, height: 360 });
  });

  describe('when the image keeps its aspect ratio in a box of another', () => {
    it('cover paints it as large as needed to fill the box, overflowing one side', () => {
      expect(paintedSize(photo, slide, 'cover')).toEqual({ width: 1280, height: 960 });
    });

    it('contain paints it as large as fits', () => {
      expect(paintedSize(photo, slide, 'contain')).toEqual({ width: 960, height: 720 });
    });

    it('scale-down never enlarges it', () => {
      expect(paintedSize({ width: 100, height: 50 }, slide, 'scale-down')).toEqual({ width: 100, height: 50 });
      expect(paintedSize(photo, slide, 'scale-down')).toEqual({ width: 960, height: 720 });
    });
  });

  it('none and auto paint one image pixel per CSS px', () => {
    expect(paintedSize(photo, slide, 'none')).toEqual(photo);
    expect(paintedSize(photo, slide, 'auto')).toEqual(photo);
    expect(paintedSize(photo, slide, 'auto auto')).toEqual(photo);
  });

  it('reads background-size lengths and percentages, deriving auto from the aspect ratio', () => {
    expect(paintedSize(photo, slide, '640px 100px')).toEqual({ width: 640, height: 100 });
    expect(paintedSize(photo, slide, '50% auto')).toEqual({ width: 640, height: 480 });
    expect(paintedSize(photo, slide, 'auto 100%')).toEqual({ width: 960, height: 720 });
    expect(paintedSize(photo, slide, '400px')).toEqual({ width: 400, height: 300 });
  });

  it('does not guess at sizes it cannot read, nor at images without pixels', () => {
    expect(paintedSize(photo, slide, 'calc(50% + 2em) auto')).toBeNull();
    expect(paintedSize(photo, slide, '10em')).toBeNull();
    expect(paintedSize({ width: 0, height: 0 }, slide, 'cover')).toBeNull();
  });
});

describe('resolutionScale', () => {
  it('keeps at a CSS px per inch of 96 the pixels the dpi allows: 480 px wide is 5 in, 750 pixels at 150 dpi', () => {
    expect(resolutionScale(photo, { width: 480, height: 360 }, 150)).toBeCloseTo(750 / 4000);
  });

  it('keeps the aspect ratio by following the axis that needs more pixels', () => {
    // Stretched to 480 × 720 CSS px, the height needs 1125 of the 3000 rows.
    expect(resolutionScale(photo, { width: 480, height: 720 }, 150)).toBeCloseTo(1125 / 3000);
  });

  it('is 1 when the image has no more pixels than allowed', () => {
    expect(resolutionScale(photo, { width: 1280, height: 960 }, 300)).toBe(1);
  });
});

describe('scaledPixelSize', () => {
  it('rounds up, so that the copy never falls under the dpi asked for', () => {
    expect(scaledPixelSize(photo, 750 / 4000)).toEqual({ width: 750, height: 563 });
    expect(scaledPixelSize({ width: 3, height: 1 }, 0.01)).toEqual({ width: 1, height: 1 });
  });
});
