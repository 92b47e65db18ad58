import type { Deck } from '../../shared/deck/model';
import type { OutlineEntry } from './outline';

export interface PdfMetadata {
  title: string;
  author: string | null;
  subject: string | null;
  creationDate: Date;
}

/** What finishing adds to a printed PDF, whichever way it is written (finish-pdf.ts). */
export interface PdfFinish {
  metadata: PdfMetadata;
  /** Empty for `--no-outline`. */
  outline: OutlineEntry[];
}

/**
 * The PDF's document information from the deck: `title` and `author` of deck.yaml (the title
 * falls back as the deck's does), and `subject` when the deck model carries it. The creation
 * date is the export's own time, as every PDF writer (Marp, Keynote, Chromium) sets it: deck.yaml's
 * `date` is the day of the talk, not the day this file was made.
 */
export function pdfMetadataOf(deck: Deck, now: Date = new Date()): PdfMetadata {
  // `subject` is read defensively: deck.yaml may grow it before DeckSettings does.
  const settings = deck.settings as unknown as Record<string, unknown>;
  const subject = typeof settings.subject === 'string' && settings.subject.trim() !== '' ? settings.subject : null;
  return { title: deck.title, author: deck.settings.author, subject, creationDate: now };
}
