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
  const { subject } = deck.settings;
  return { title: deck.title, author: deck.settings.author, subject: subject?.trim() ? subject : null, creationDate: now };
}

/**
 * deck.yaml's `date`, the day of the talk, when it is one: the PowerPoint file's creation date,
 * as Keynote and PowerPoint take a presentation's date (the PDF's is the day it was made).
 */
export function deckDateOf(deck: Deck): Date | null {
  const value: unknown = deck.settings.date;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}
