import {
  DEFAULT_EXPORT_OPTIONS,
  HANDOUT_SLIDES_PER_PAGE,
  type ExportOptions,
  type HandoutSlidesPerPage,
  type NotesMode,
  type PaperSize,
} from './export-options';

/**
 * What the Export PDF… dialog lets a person choose: the options of `podium export` that shape the
 * pages. The host fills in the rest (the deck's size, the timeout) from DEFAULT_EXPORT_OPTIONS.
 */
export type ExportChoices = Pick<ExportOptions, 'range' | 'fragments' | 'notes' | 'perPage' | 'paper' | 'outline' | 'tags' | 'maxImageDpi'>;

/** Where the file went: a path on disk in the app, the downloaded file's name in serve mode. */
export interface ExportResult {
  path: string;
  bytes: number;
  /** What the export could not keep as it is, each as `file:line: sentence` (the PPTX's pictures of CSS effects). */
  warnings?: string[];
}

/**
 * A PowerPoint export's request: the same choices as the PDF's (`range` and `fragments` shape its
 * slides; the rest shape only a PDF), and `pictures` for `--pptx-images`.
 */
export interface PptxExportChoices {
  choices: ExportChoices;
  pictures: boolean;
}

/**
 * The export half of the host contract. The app exposes it through the preload (`window.podiumExport`);
 * serve mode over HTTP (`POST /api/export/pdf`, `/api/export/pptx`), answering with the file for the browser to download.
 */
export interface ExportApi {
  /** Exports the deck on disk with these choices; null when the person cancelled the save dialog. */
  exportPdf(choices: ExportChoices): Promise<ExportResult | null>;
  /** The same as PowerPoint: text editable, or (`pictures`) one picture per slide; null when cancelled. */
  exportPptx(request: PptxExportChoices): Promise<ExportResult | null>;
  /** Calls `listener` with the running export's progress, 0 to 1; returns an unsubscribe. */
  onExportProgress(listener: (fraction: number) => void): () => void;
  /** Calls `listener` when the host asks the page to open its Export dialog (File > Export PDF…). */
  onExportRequested(listener: () => void): () => void;
}

export const DEFAULT_EXPORT_CHOICES: ExportChoices = {
  range: DEFAULT_EXPORT_OPTIONS.range,
  fragments: DEFAULT_EXPORT_OPTIONS.fragments,
  notes: DEFAULT_EXPORT_OPTIONS.notes,
  perPage: DEFAULT_EXPORT_OPTIONS.perPage,
  paper: DEFAULT_EXPORT_OPTIONS.paper,
  outline: DEFAULT_EXPORT_OPTIONS.outline,
  tags: DEFAULT_EXPORT_OPTIONS.tags,
  maxImageDpi: DEFAULT_EXPORT_OPTIONS.maxImageDpi,
};

/** Serve mode's response header with an export's warnings: a JSON list of sentences, URI-encoded. */
export const EXPORT_WARNINGS_HEADER = 'X-Podium-Export-Warnings';

/** The largest `maxImageDpi` the print page's query carries (five digits). */
export const MAX_IMAGE_DPI_LIMIT = 99_999;

const NOTES_MODES: readonly NotesMode[] = ['none', 'pages', 'handout'];
const PAPER_SIZES: readonly PaperSize[] = ['a4', 'letter'];
const CHOICE_KEYS = Object.keys(DEFAULT_EXPORT_CHOICES).sort().join();

/**
 * Export choices from what a page sent (IPC, HTTP, localStorage), or a sentence saying what is
 * wrong with them. Every field must be there with its type and nothing else: the range's syntax
 * is checked later against the deck, by the same parser as `--range`.
 */
export function parseExportChoices(value: unknown): ExportChoices | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected the export options as an object';
  const choices = value as Record<string, unknown>;
  if (Object.keys(choices).sort().join() !== CHOICE_KEYS) return `expected exactly these export options: ${CHOICE_KEYS}`;
  const { range, fragments, notes, perPage, paper, outline, tags, maxImageDpi } = choices;
  if (range !== null && (typeof range !== 'string' || range.length > 1000)) return 'range: expected null or text like 1-5,8';
  if (typeof fragments !== 'boolean') return 'fragments: expected true or false';
  if (!NOTES_MODES.includes(notes as NotesMode)) return 'notes: expected none, pages or handout';
  if (!(HANDOUT_SLIDES_PER_PAGE as readonly unknown[]).includes(perPage)) return 'perPage: expected 1, 2, 3 or 6';
  if (!PAPER_SIZES.includes(paper as PaperSize)) return 'paper: expected a4 or letter';
  if (typeof outline !== 'boolean') return 'outline: expected true or false';
  if (typeof tags !== 'boolean') return 'tags: expected true or false';
  if (maxImageDpi !== null && !(Number.isInteger(maxImageDpi) && (maxImageDpi as number) >= 1 && (maxImageDpi as number) <= MAX_IMAGE_DPI_LIMIT)) {
    return `maxImageDpi: expected null or a whole number from 1 to ${MAX_IMAGE_DPI_LIMIT}`;
  }
  return {
    range: range === null || (range as string).trim() === '' ? null : (range as string),
    fragments,
    notes: notes as NotesMode,
    perPage: perPage as HandoutSlidesPerPage,
    paper: paper as PaperSize,
    outline,
    tags,
    maxImageDpi: maxImageDpi as number | null,
  };
}

/** A PowerPoint export's request from what a page sent, or a sentence saying what is wrong with it. */
export function parsePptxExportChoices(value: unknown): PptxExportChoices | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected {choices, pictures}';
  const request = value as Record<string, unknown>;
  if (Object.keys(request).sort().join() !== 'choices,pictures') return 'expected exactly these fields: choices, pictures';
  if (typeof request.pictures !== 'boolean') return 'pictures: expected true or false';
  const choices = parseExportChoices(request.choices);
  if (typeof choices === 'string') return choices;
  return { choices, pictures: request.pictures };
}

/** The whole options of one export: the dialog's choices over the defaults every host shares. */
export function exportOptionsFromChoices(choices: ExportChoices): ExportOptions {
  return { ...DEFAULT_EXPORT_OPTIONS, ...choices };
}
