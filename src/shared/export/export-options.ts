/**
 * The one options type of every export, shared by `podium export` and the app's Export PDF…
 * (marp-cli's converter keeps one options object for all front ends the same way).
 */

export type NotesMode = 'none' | 'pages' | 'handout';
export type PaperSize = 'a4' | 'letter';
export const HANDOUT_SLIDES_PER_PAGE = [1, 2, 3, 6] as const;
export type HandoutSlidesPerPage = (typeof HANDOUT_SLIDES_PER_PAGE)[number];

export interface SlideSize {
  width: number;
  height: number;
}

/** What the print page lays out: read by the renderer from its query string. */
export interface PrintLayout {
  /** Slide (and page) size in CSS px; null keeps the deck's own. */
  size: SlideSize | null;
  /** 0-based indices into `Deck.slides`, in deck order; null prints every slide. */
  slides: number[] | null;
  /** One page per fragment step instead of each slide in its final state. */
  fragments: boolean;
  notes: NotesMode;
  /** Handouts only. */
  perPage: HandoutSlidesPerPage;
  /** Handouts only: slide pages always have the deck's size. */
  paper: PaperSize;
  /** Images with more pixels than this many per inch of printed page are downsampled; null keeps them all. */
  maxImageDpi: number | null;
  /** The drawings saved beside the deck (`.podium/drawings.json`) over their slides. */
  drawings: boolean;
}

/** Everything an export needs besides the deck and where to write. */
export interface ExportOptions {
  /** `--size`: slide size in CSS px; null keeps the deck's. */
  size: SlideSize | null;
  /** `1-5,8`: 1-based slide numbers in deck order; null exports every slide. */
  range: string | null;
  fragments: boolean;
  notes: NotesMode;
  perPage: HandoutSlidesPerPage;
  paper: PaperSize;
  /** PDF bookmarks: one per segment, its slides nested under it. */
  outline: boolean;
  /** A tagged PDF (PDF/UA's structure tree): headings, lists, tables and images with their alt text, in reading order. */
  tags: boolean;
  /** Export even when a slide refers to an image or file the deck does not have. */
  allowMissing: boolean;
  /** `--max-image-dpi`: downsample images sharper than this on the page; null (the default) keeps every pixel. */
  maxImageDpi: number | null;
  /** `--drawings`: print the drawings saved while presenting over their slides. */
  drawings: boolean;
  timeoutMs: number;
}

export const DEFAULT_PRINT_LAYOUT: PrintLayout = {
  size: null,
  slides: null,
  fragments: false,
  notes: 'none',
  perPage: 3,
  paper: 'a4',
  maxImageDpi: null,
  drawings: false,
};

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = {
  size: null,
  range: null,
  fragments: false,
  notes: 'none',
  perPage: 3,
  paper: 'a4',
  outline: true,
  tags: true,
  allowMissing: false,
  maxImageDpi: null,
  drawings: false,
  timeoutMs: 120_000,
};

/** Paper sizes in CSS px (96 per inch), portrait. */
export const PAPER_SIZES_PX: Record<PaperSize, { width: number; height: number }> = {
  // 210 × 297 mm
  a4: { width: 793.7, height: 1122.5 },
  // 8.5 × 11 in
  letter: { width: 816, height: 1056 },
};
