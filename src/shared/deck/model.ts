/** The typed model of a deck: what the parser makes and every other layer reads. */

export type Severity = 'error' | 'warning';

/** A problem in a deck, with the place a person must go to fix it. */
export interface Problem {
  severity: Severity;
  /** Path relative to the deck folder, with forward slashes. */
  file: string;
  /** 1-based line in that file. */
  line: number;
  message: string;
}

export type FrontMatter = Record<string, unknown>;

export interface Segment {
  /** Path relative to the deck folder, with forward slashes. */
  file: string;
  /** `title` from the front matter, else the first slide's title. */
  title: string | null;
  meta: FrontMatter;
}

export interface Slide {
  /** reveal.js indices: `#/h/v`. */
  h: number;
  v: number;
  /** Index into `Deck.segments`. */
  segment: number;
  /** 1-based line of the slide's first non-blank line in its segment file. */
  line: number;
  /** The slide's Markdown, without its notes. */
  markdown: string;
  /** Text of the slide's first heading. */
  title: string | null;
  notes: string | null;
  /** Set when this slide stands in for content that could not be read: shown as an error slide. */
  error: Problem | null;
}

export interface DeckSettings {
  title: string | null;
  author: string | null;
  /** Slide size in CSS pixels. */
  width: number;
  height: number;
}

export interface Deck {
  title: string;
  settings: DeckSettings;
  segments: Segment[];
  slides: Slide[];
  problems: Problem[];
}

export const DEFAULT_SLIDE_WIDTH = 1920;
export const DEFAULT_SLIDE_HEIGHT = 1080;
