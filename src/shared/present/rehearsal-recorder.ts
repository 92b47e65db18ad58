import type { Rehearsal } from './rehearsal';

/**
 * Records a rehearsal run: the time spent on each slide (h, v) while the presenter moves. Fragments
 * count towards their slide. Time is read from the `now` given, in milliseconds, as TalkClock does.
 */
export class RehearsalRecorder {
  private readonly spent = new Map<string, { h: number; v: number; ms: number }>();
  private slide: { h: number; v: number };
  private since: number;

  constructor(slide: { h: number; v: number }, now: number) {
    this.slide = { h: slide.h, v: slide.v };
    this.since = now;
  }

  /** From `now` on, time counts towards `slide`. */
  moveTo(slide: { h: number; v: number }, now: number): void {
    this.tick(now);
    this.slide = { h: slide.h, v: slide.v };
  }

  /** The run so far, slides in the order first visited. */
  finish(now: number, recordedAt: number): Rehearsal {
    this.tick(now);
    return { recordedAt, slides: [...this.spent.values()].map((slide) => ({ ...slide })) };
  }

  private tick(now: number): void {
    const key = `${this.slide.h}/${this.slide.v}`;
    const entry = this.spent.get(key) ?? { ...this.slide, ms: 0 };
    entry.ms += Math.max(0, now - this.since);
    this.spent.set(key, entry);
    this.since = now;
  }
}
