import type { HandoutSlidesPerPage, PaperSize } from '../../shared/export/export-options';

/** Page geometry of a handout, in CSS px (96 per inch), portrait. */
export interface HandoutGeometry {
  /** `@page` size. */
  pageCss: string;
  /** Each page box is this tall: a hair under the paper so that rounding never spills a blank page. */
  pageHeightCss: string;
  pageWidthCss: string;
  /** Slide copies and notes sit beside each other, one row per slide; with one per page, stacked. */
  stacked: boolean;
}

const PAPERS: Record<PaperSize, { width: string; height: string; shorter: string }> = {
  a4: { width: '210mm', height: '297mm', shorter: '296.5mm' },
  letter: { width: '8.5in', height: '11in', shorter: '10.98in' },
};

export function handoutGeometry(paper: PaperSize, perPage: HandoutSlidesPerPage): HandoutGeometry {
  const size = PAPERS[paper];
  return {
    pageCss: `${size.width} ${size.height}`,
    pageWidthCss: size.width,
    pageHeightCss: size.shorter,
    stacked: perPage === 1,
  };
}

/** Slides in groups of `perPage`, one group per page, in deck order. */
export function pagesOf<T>(items: readonly T[], perPage: number): T[][] {
  const pages: T[][] = [];
  for (let start = 0; start < items.length; start += perPage) pages.push(items.slice(start, start + perPage));
  return pages;
}
