import {
  DEFAULT_SLIDE_HEIGHT,
  DEFAULT_SLIDE_SYNTAX,
  DEFAULT_SLIDE_WIDTH,
  DEFAULT_THEME,
  type Deck,
  type DeckSettings,
  type Problem,
  type Segment,
  type Slide,
} from './model';
import { parseSegment } from './parse-segment';

/** A segment file as the loader hands it over: its text, or the reason it could not be read. */
export type SegmentSource = { file: string; source: string } | { file: string; error: Problem };

export interface DeckInput {
  /** Used as the title when neither deck.yaml nor the first segment gives one. */
  fallbackTitle: string;
  settings?: Partial<DeckSettings>;
  segments: readonly SegmentSource[];
  /** Problems found outside the segments, in deck.yaml for one. */
  problems?: readonly Problem[];
}

/**
 * Numbers the slides of all segments as reveal.js will (`#/h/v`). A segment that cannot be parsed
 * becomes one error slide in its place, so the rest of the deck still presents.
 */
export function buildDeck(input: DeckInput): Deck {
  const settings: DeckSettings = {
    title: input.settings?.title ?? null,
    author: input.settings?.author ?? null,
    date: input.settings?.date ?? null,
    theme: input.settings?.theme ?? DEFAULT_THEME,
    css: input.settings?.css ?? null,
    transition: input.settings?.transition ?? null,
    width: input.settings?.width ?? DEFAULT_SLIDE_WIDTH,
    height: input.settings?.height ?? DEFAULT_SLIDE_HEIGHT,
    syntax: input.settings?.syntax ?? DEFAULT_SLIDE_SYNTAX,
  };
  const segments: Segment[] = [];
  const slides: Slide[] = [];
  const problems: Problem[] = [...(input.problems ?? [])];
  let h = -1;
  let v = 0;

  for (const source of input.segments) {
    const segmentIndex = segments.length;
    if ('error' in source) {
      segments.push({ file: source.file, title: null, meta: {} });
      problems.push(source.error);
      slides.push(errorSlide(++h, segmentIndex, source.error));
      v = 0;
      continue;
    }
    const parsed = parseSegment(source.source, source.file, settings.syntax);
    segments.push({ file: parsed.file, title: parsed.title, meta: parsed.meta });
    problems.push(...parsed.problems);
    const fatal = parsed.problems.find((problem) => problem.severity === 'error');
    if (fatal) {
      slides.push(errorSlide(++h, segmentIndex, fatal));
      v = 0;
      continue;
    }
    parsed.slides.forEach((slide, index) => {
      // A segment always starts a new horizontal slide, even if its first slide follows `--`.
      if (slide.vertical && index > 0) {
        v++;
      } else {
        h++;
        v = 0;
      }
      const { vertical: _vertical, ...rest } = slide;
      slides.push({ ...rest, h, v, segment: segmentIndex, error: null });
    });
  }

  const title =
    settings.title ??
    segments.find((segment) => segment.title)?.title ??
    slides.find((slide) => slide.title)?.title ??
    input.fallbackTitle;
  return { title, settings, segments, slides, problems };
}

function errorSlide(h: number, segment: number, problem: Problem): Slide {
  return {
    h,
    v: 0,
    segment,
    line: problem.line,
    markdown: '',
    title: null,
    notes: null,
    fragments: 0,
    attributes: {},
    error: problem,
  };
}

/** True when the deck has a problem that must stop an export. */
export function hasErrors(deck: Deck): boolean {
  return deck.problems.some((problem) => problem.severity === 'error');
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}: ${problem.severity}: ${problem.message}`;
}
