import type { Deck, FrontMatter } from '../deck/model';

/**
 * The presenter's clock: elapsed time that can be paused and reset, and how much of it was spent
 * in each segment of the deck. Time is read from the `now` given (milliseconds), so the clock is
 * the same in every window and in tests.
 */
export class TalkClock {
  private running = false;
  private lastTick = 0;
  private elapsed = 0;
  private spent: number[];
  private segment = 0;

  constructor(segmentCount: number) {
    this.spent = new Array<number>(segmentCount).fill(0);
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Total running time, in milliseconds. */
  elapsedMs(now: number): number {
    this.tick(now);
    return this.elapsed;
  }

  /** Running time spent in each segment so far, in milliseconds. */
  spentMs(now: number): readonly number[] {
    this.tick(now);
    return this.spent;
  }

  start(now: number): void {
    if (this.running) return;
    this.running = true;
    this.lastTick = now;
  }

  pause(now: number): void {
    this.tick(now);
    this.running = false;
  }

  reset(now: number): void {
    this.elapsed = 0;
    this.spent.fill(0);
    this.lastTick = now;
  }

  /** From `now` on, time counts towards `segment`; the time before counts towards the previous one. */
  enterSegment(segment: number, now: number): void {
    this.tick(now);
    this.segment = segment;
  }

  /** The deck changed on disk: keep what was spent in the segments that still exist. */
  resize(segmentCount: number, now: number): void {
    this.tick(now);
    this.spent = Array.from({ length: segmentCount }, (_, index) => this.spent[index] ?? 0);
  }

  private tick(now: number): void {
    if (!this.running) return;
    const delta = Math.max(0, now - this.lastTick);
    this.lastTick = now;
    this.elapsed += delta;
    if (this.segment < this.spent.length) this.spent[this.segment] = (this.spent[this.segment] ?? 0) + delta;
  }
}

/** A segment's `duration` front matter in milliseconds: minutes, as a number or a numeric string. */
export function plannedDurationMs(meta: FrontMatter): number | null {
  const raw = meta['duration'];
  const minutes = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  return Number.isFinite(minutes) && minutes >= 0 ? minutes * 60_000 : null;
}

export function plannedDurationsMs(deck: Deck): (number | null)[] {
  return deck.segments.map((segment) => plannedDurationMs(segment.meta));
}

/**
 * How far the talk is behind its plan, in milliseconds (negative: ahead). Segments before the
 * current one are finished: each counts what it took minus what it was planned to take (a segment
 * skipped gives its planned time back). The current segment only counts once it overruns, so that
 * simply being in it never reads as ahead. A segment without a planned duration is planned as 0.
 * Segments before `from`, where the clock started, were never timed and count nothing: a speaker
 * view opened in the middle of the deck is not ahead by everything before it.
 */
export function scheduleDeltaMs(planned: readonly (number | null)[], spent: readonly number[], current: number, from = 0): number {
  let delta = 0;
  for (let index = Math.max(0, from); index < current; index++) delta += (spent[index] ?? 0) - (planned[index] ?? 0);
  const overrun = (spent[current] ?? 0) - (planned[current] ?? 0);
  return delta + Math.max(0, overrun);
}

/** A few seconds either way is being on time. */
const ON_TIME_TOLERANCE_MS = 5_000;
/**
 * Ahead is not claimed in a talk's first minute: a presenter who clicks through the first segment
 * in a few seconds is finding a slide, not 3:56 ahead. Behind is real time spent and is always said.
 */
const AHEAD_AFTER_MS = 60_000;

export type ScheduleVerdict = { state: 'not-started' } | { state: 'on-time' | 'ahead' | 'behind'; deltaMs: number };

export function scheduleVerdict(options: {
  planned: readonly (number | null)[];
  spent: readonly number[];
  current: number;
  /** The segment the clock started in; null while it has not started. */
  startedIn: number | null;
  elapsedMs: number;
}): ScheduleVerdict {
  if (options.startedIn === null) return { state: 'not-started' };
  const deltaMs = scheduleDeltaMs(options.planned, options.spent, options.current, options.startedIn);
  if (deltaMs > ON_TIME_TOLERANCE_MS) return { state: 'behind', deltaMs };
  if (deltaMs < -ON_TIME_TOLERANCE_MS && options.elapsedMs >= AHEAD_AFTER_MS) return { state: 'ahead', deltaMs };
  return { state: 'on-time', deltaMs };
}

/** `m:ss`, or `h:mm:ss` from an hour on; negative durations get a minus sign. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const total = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${sign}${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${sign}${minutes}:${seconds}`;
}
