import type { Deck } from '../deck/model';

/** A rehearsal run: how long the presenter stayed on each slide, saved beside the deck. */
export interface Rehearsal {
  /** When the run ended, in milliseconds since the epoch. */
  recordedAt: number;
  slides: RehearsedSlide[];
}

interface RehearsedSlide {
  /** reveal.js indices of the slide. */
  h: number;
  v: number;
  /** Time spent on it during the run, in milliseconds. */
  ms: number;
}

/** Far above any real deck: the bound keeps a hostile file or request from costing much to read. */
const MAX_REHEARSED_SLIDES = 2_000;
const MAX_INDEX = 100_000;
/** A day on one slide: anything longer is not a rehearsal. */
const MAX_SLIDE_MS = 24 * 60 * 60 * 1000;

/** Reads a rehearsal from a file or a request; null when it is not one. */
export function parseRehearsal(value: unknown): Rehearsal | null {
  if (typeof value !== 'object' || value === null) return null;
  const { recordedAt, slides } = value as Record<string, unknown>;
  if (typeof recordedAt !== 'number' || !Number.isFinite(recordedAt) || recordedAt < 0) return null;
  if (!Array.isArray(slides) || slides.length > MAX_REHEARSED_SLIDES) return null;
  const parsed: RehearsedSlide[] = [];
  for (const slide of slides as unknown[]) {
    if (typeof slide !== 'object' || slide === null) return null;
    const { h, v, ms } = slide as Record<string, unknown>;
    if (!isInteger(h, MAX_INDEX) || !isInteger(v, MAX_INDEX)) return null;
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > MAX_SLIDE_MS) return null;
    parsed.push({ h, v, ms });
  }
  return { recordedAt, slides: parsed };
}

/**
 * The rehearsed time of each segment of `deck`, in milliseconds: the sum over its slides. Null for
 * a segment none of whose slides the rehearsal reached (never rehearsed is not the same as 0:00).
 * Slides the deck no longer has are left out.
 */
export function rehearsedPerSegmentMs(deck: Deck, rehearsal: Rehearsal | null): (number | null)[] {
  const totals: (number | null)[] = deck.segments.map(() => null);
  if (rehearsal === null) return totals;
  const segmentOf = new Map(deck.slides.map((slide) => [`${slide.h}/${slide.v}`, slide.segment]));
  for (const { h, v, ms } of rehearsal.slides) {
    const segment = segmentOf.get(`${h}/${v}`);
    if (segment === undefined || segment >= totals.length) continue;
    totals[segment] = (totals[segment] ?? 0) + ms;
  }
  return totals;
}

function isInteger(value: unknown, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;
}
