/**
 * A print page's slides as Chromium laid them out, read for `podium export --pptx`: every text
 * block with its runs and computed look, every element that becomes a picture of itself, and the
 * slide's background. Lengths are CSS pixels from the slide's top left corner.
 */
export interface PptxBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PptxRun {
  text: string;
  /** `#rrggbb`. */
  color: string;
  fontFace: string;
  fontSize: number;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  /** Inline code: the theme's monospace. */
  code: boolean;
  href?: string;
  /** A line break after this run (`<br>`, a newline in a code block). */
  breakAfter?: boolean;
  /**
   * A line break inside the paragraph before this run: where Chromium wrapped a balanced
   * heading (`text-wrap: balance`), which PowerPoint cannot balance.
   */
  wrapBefore?: boolean;
}

export interface PptxParagraph {
  runs: PptxRun[];
  align: 'left' | 'center' | 'right' | 'justify';
  /** A list item: its marker, and how deep its list is nested (0 for a top-level list). */
  bullet?: { numbered: boolean; level: number };
  /** CSS line height in px, when it is a length. */
  lineHeight?: number;
  /** Space after the paragraph, in px. */
  spaceAfter: number;
}

export interface PptxTextBlock {
  kind: 'text';
  box: PptxBox;
  paragraphs: PptxParagraph[];
  /** Filled behind the text (a code block's background), `#rrggbb`. */
  fill?: string;
  /** A heading: the first of a slide is its title. */
  heading?: number;
}

interface PptxTableCell {
  paragraphs: PptxParagraph[];
  header: boolean;
  fill?: string;
  width: number;
}

export interface PptxTable {
  kind: 'table';
  box: PptxBox;
  rows: PptxTableCell[][];
  /** The table's border colour, `#rrggbb`. */
  border?: string;
}

/** An element no editable shape can express (an image, math, an SVG, a refused frame): a picture of it. */
export interface PptxPicture {
  kind: 'picture';
  box: PptxBox;
  /** Its alt text: an image's `alt`, math's TeX. Empty for a decorative one. */
  alt: string;
  /** Why it is a picture when it is not an image: named in the export's warning. */
  reason?: string;
}

export type PptxShape = PptxTextBlock | PptxTable | PptxPicture;

/**
 * A box CSS paints behind the text (a code block's fill, a rule, a slide number's chip): a
 * rectangle shape in PowerPoint, so that a slide without images needs no background picture.
 */
export interface PptxDecoration {
  box: PptxBox;
  /** `#rrggbb` and its opacity (0-1). */
  fill?: { color: string; alpha: number };
  /** The same border on all four sides. */
  line?: { color: string; alpha: number; width: number };
  /** Corner radius in px. */
  radius: number;
}

export interface PptxSlideLayout {
  /** The segment file the slide comes from. */
  file: string;
  line: number;
  title: string;
  /** `#rrggbb` when the background is one colour and nothing else (no image, no gradient). */
  backgroundColor: string;
  /**
   * False when `backgroundColor` and `decorations` say it all; true when the background must be
   * captured (an image, a gradient, a shadow, a pseudo-element's drawing…).
   */
  backgroundPicture: boolean;
  /** What CSS paints behind the text, as rectangles; empty when `backgroundPicture`, whose capture has it. */
  decorations: PptxDecoration[];
  shapes: PptxShape[];
  notes: string;
}

/** A laid-out print page's slide, and where the page is in the document (for captures). */
export interface PptxPageReadout extends PptxSlideLayout {
  pageTop: number;
  pageLeft: number;
}

/** The print page's read-out function, which the PPTX export calls by this name. */
export const PPTX_READOUT_FUNCTION = '__podiumReadSlidesForPptx';
/** Hides what the read-out turned into text, leaving the pictures and backgrounds to capture. */
export const PPTX_HIDE_TEXT_FUNCTION = '__podiumHideSlideTextForPptx';
/** Hides everything on the slides but their backgrounds. */
export const PPTX_HIDE_CONTENT_FUNCTION = '__podiumHideSlideContentForPptx';
