import { describe, expect, it } from 'vitest';
import { DEFAULT_PRINT_LAYOUT, type PrintLayout } from '../../../src/shared/export/export-options';
import { parsePrintQuery, printQuery, printViewport } from '../../../src/shared/export/print-query';

describe('printQuery', () => {
  it('asks for reveal.js print view by default, which the app and serve mode have always used', () => {
    expect(printQuery(DEFAULT_PRINT_LAYOUT)).toBe('view=print');
  });

  it('round-trips every layout through the page URL', () => {
    const layouts: PrintLayout[] = [
      { ...DEFAULT_PRINT_LAYOUT, slides: [0, 4, 7], fragments: true },
      { ...DEFAULT_PRINT_LAYOUT, notes: 'pages', size: { width: 1024, height: 768 } },
      { ...DEFAULT_PRINT_LAYOUT, notes: 'handout', perPage: 6, paper: 'letter' },
      { ...DEFAULT_PRINT_LAYOUT, maxImageDpi: 150 },
    ];
    for (const layout of layouts) expect(parsePrintQuery(`?token=x&${printQuery(layout)}`)).toEqual(layout);
  });

  it('is not a print page without a print view', () => {
    expect(parsePrintQuery('?token=x')).toBeNull();
    expect(parsePrintQuery('?view=speaker')).toBeNull();
  });
});

describe('printViewport', () => {
  const deck = { width: 1280, height: 720 };
  it("is the deck's size unless the layout asks for another", () => {
    expect(printViewport(DEFAULT_PRINT_LAYOUT, deck)).toEqual(deck);
    expect(printViewport({ ...DEFAULT_PRINT_LAYOUT, size: { width: 1920, height: 1080 } }, deck)).toEqual({ width: 1920, height: 1080 });
  });

  describe('for a handout', () => {
    it("is the paper's size in whole CSS px, whatever the slide size", () => {
      const handout: PrintLayout = { ...DEFAULT_PRINT_LAYOUT, notes: 'handout', paper: 'a4', size: { width: 1920, height: 1080 } };
      expect(printViewport(handout, deck)).toEqual({ width: 794, height: 1123 });
    });
  });
});
