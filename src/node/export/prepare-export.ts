import type { Deck } from '../../shared/deck/model';
import type { ExportOptions, PrintLayout } from '../../shared/export/export-options';
import { printLayoutFor } from '../../shared/export/slide-range';
import type { LoadedDeck } from '../deck/load-deck';
import { finishPdf } from './finish-pdf';
import { findMissingAssets } from './missing-assets';
import { buildOutline } from './outline';
import { slidesOfPages } from './page-map';
import { pdfMetadataOf } from './pdf-metadata';
import { exportRefusal } from './refused-deck';
import { readDrawings } from '../present/drawings-file';

/**
 * What both hosts check before they start a browser: the deck has no errors, every image it
 * refers to exists (unless `allowMissing`), the range fits the deck. Returns the print layout.
 * `file` names what the refusal leaves unwritten.
 */
export async function prepareExport(loaded: LoadedDeck, options: ExportOptions, file: 'PDF' | 'PPTX' = 'PDF'): Promise<PrintLayout> {
  const { deck } = loaded;
  const errors = deck.problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) throw exportRefusal(`the deck has errors; no ${file} written`, errors);
  if (!options.allowMissing) {
    const missing = await findMissingAssets(loaded.root, deck);
    if (missing.length > 0) {
      throw exportRefusal(`the deck refers to files it does not have or cannot show; no ${file} written (--allow-missing exports anyway)`, missing);
    }
  }
  // A damaged drawings file is said before the browser starts, naming the file, not as a failed print.
  if (options.drawings) await readDrawings(loaded.root);
  return printLayoutFor(options, deck);
}

/** The printed PDF with the deck's metadata and, unless turned off, its bookmarks. */
export async function finishExport(deck: Deck, printed: Uint8Array, pageMapJson: string, options: ExportOptions): Promise<Uint8Array> {
  const outline = options.outline ? buildOutline(deck, slidesOfPages(deck, pageMapJson)) : [];
  return finishPdf(printed, { metadata: pdfMetadataOf(deck), outline });
}
