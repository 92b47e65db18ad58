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
 * falls back as the deck's does), and `subject` and `date` when the deck model carries them.
 * Without a date, the export's own time, as every PDF writer does.
 */
export function pdfMetadataOf(deck: Deck, now: Date = new Date()): PdfMetadata {
  const { subject, date } = deck.settings;
  return { title: deck.title, author: deck.settings.author, subject: subject?.trim() ? subject : null, creationDate: dateOf(date) ?? now };
}

function dateOf(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}
