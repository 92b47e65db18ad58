import {
  DEFAULT_LANG,
  DEFAULT_MIN_FONT_SIZE,
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
import { parseSegment, type ParsedSegment } from './parse-segment';

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
    subject: input.settings?.subject ?? null,
    date: input.settings?.date ?? null,
    lang: input.settings?.lang ?? DEFAULT_LANG,
    langDeclared: input.settings?.langDeclared ?? input.settings?.lang !== undefined,
    minFontSize: input.settings?.minFontSize ?? DEFAULT_MIN_FONT_SIZE,
    theme: input.settings?.theme ?? DEFAULT_THEME,
    css: input.settings?.css ?? null,
    transition: input.settings?.transition ?? null,
    width: input.settings?.width ?? DEFAULT_SLIDE_WIDTH,
    height: input.settings?.height ?? DEFAULT_SLIDE_HEIGHT,
    syntax: input.settings?.syntax ?? DEFAULT_SLIDE_SYNTAX,
    ...(input.settings?.duration === undefined ? {} : { duration: input.settings.duration }),
    ...(input.settings?.themeFile === undefined ? {} : { themeFile: input.settings.themeFile }),
    ...(input.settings?.plugins === undefined ? {} : { plugins: input.settings.plugins }),
    ...(input.settings?.reveal === undefined ? {} : { reveal: input.settings.reveal }),
  };
  const parsed = input.segments.map((source) =>
    'error' in source ? source : parseSegment(source.source, source.file, settings.syntax),
  );
  return assembleDeck(settings, input.fallbackTitle, parsed, input.problems ?? []);
}

/** A segment as parsed, or the reason its file could not be read. */
type SegmentOutcome = ParsedSegment | { file: string; error: Problem };

function assembleDeck(
  settings: DeckSettings,
  fallbackTitle: string,
  outcomes: readonly SegmentOutcome[],
  deckProblems: readonly Problem[],
): Deck {
  const segments: Segment[] = [];
  const slides: Slide[] = [];
  const problems: Problem[] = [...deckProblems];
  let h = -1;
  let v = 0;

  for (const outcome of outcomes) {
    const segmentIndex = segments.length;
    if ('error' in outcome) {
      segments.push({ file: outcome.file, title: null, meta: {} });
      problems.push(outcome.error);
      slides.push(errorSlide(++h, segmentIndex, outcome.error));
      v = 0;
      continue;
    }
    segments.push({ file: outcome.file, title: outcome.title, meta: outcome.meta });
    problems.push(...outcome.problems);
    const fatal = outcome.problems.find((problem) => problem.severity === 'error');
    if (fatal) {
      slides.push(errorSlide(++h, segmentIndex, fatal));
      v = 0;
      continue;
    }
    outcome.slides.forEach((slide, index) => {
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
    fallbackTitle;
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

/**
 * The deck with one segment's source replaced, as the editor sees it on every keystroke: only
 * that segment is parsed again; the others are taken from the model as they are.
 */
export function withSegmentSource(deck: Deck, segmentIndex: number, source: string): Deck {
  const file = deck.segments[segmentIndex]?.file;
  if (file === undefined) return deck;
  const outcomes: SegmentOutcome[] = deck.segments.map((segment, index) => {
    if (index === segmentIndex) return parseSegment(source, file, deck.settings.syntax);
    const slides = deck.slides.filter((slide) => slide.segment === index);
    const error = slides.find((slide) => slide.error)?.error;
    if (error) return { file: segment.file, error };
    return {
      file: segment.file,
      meta: segment.meta,
      title: segment.title,
      slides: slides.map(({ h: _h, v, segment: _segment, error: _error, ...slide }) => ({ ...slide, vertical: v > 0 })),
      problems: [],
    };
  });
  // Other segments keep their problems; this segment's come from the new parse, and an unreadable
  // segment's error comes back with its outcome.
  const key = (problem: Problem): string => `${problem.file}:${problem.line}:${problem.message}`;
  const reAdded = new Set(outcomes.flatMap((outcome) => ('error' in outcome ? [key(outcome.error)] : [])));
  const kept = deck.problems.filter((problem) => problem.file !== file && !reAdded.has(key(problem)));
  return assembleDeck(deck.settings, deck.title, outcomes, kept);
}
