import { scheduleVerdict, TalkClock, type ScheduleVerdict } from '../../shared/present/talk-clock';

/**
 * The speaker view's timer: the talk's clock and the segment it started in. It waits until the
 * first move past the title slide or Start (not when the view opens: a presenter opens it well
 * before the talk), pauses, resumes and resets; the Start/Pause/Resume button and the view's
 * `timer-waiting` / `timer-paused` classes say which.
 */
export class SpeakerTimer {
  private clock = new TalkClock(0);
  /** The segment the timer started in; null until it starts. */
  private timedFrom: number | null = null;

  constructor(
    private readonly view: { pauseButton: HTMLButtonElement; root: HTMLElement },
    private readonly now: () => number,
  ) {}

  get started(): boolean {
    return this.timedFrom !== null;
  }

  get running(): boolean {
    return this.clock.isRunning;
  }

  /** A deck of `segmentCount` segments, the timer not started. */
  reset(segmentCount: number): void {
    this.clock = new TalkClock(segmentCount);
    this.timedFrom = null;
    this.show();
  }

  /** The deck changed on disk: keep what was spent in the segments that still exist. */
  resize(segmentCount: number): void {
    this.clock.resize(segmentCount, this.now());
  }

  /** Starts the timer in `segment`, if it has not started. */
  start(segment: number): void {
    this.timedFrom ??= segment;
    this.clock.start(this.now());
    this.show();
  }

  /** Start, then Pause and Resume. */
  toggle(segment: number): void {
    if (this.timedFrom === null) this.start(segment);
    else if (this.clock.isRunning) this.clock.pause(this.now());
    else this.clock.start(this.now());
    this.show();
  }

  /** Back to 0:00, timed from `segment` on: the segments before were never part of this run. */
  zero(segment: number): void {
    this.clock.reset(this.now());
    if (this.timedFrom !== null) this.timedFrom = segment;
  }

  /** A run from 0:00, running from `segment` (a rehearsal). */
  restart(segment: number): void {
    this.clock.reset(this.now());
    this.timedFrom = null;
    this.start(segment);
  }

  enterSegment(segment: number): void {
    this.clock.enterSegment(segment, this.now());
  }

  elapsedMs(): number {
    return this.clock.elapsedMs(this.now());
  }

  spentMs(): readonly number[] {
    return this.clock.spentMs(this.now());
  }

  verdict(planned: readonly (number | null)[], current: number): ScheduleVerdict {
    return scheduleVerdict({ planned, spent: this.spentMs(), current, startedIn: this.timedFrom, elapsedMs: this.elapsedMs() });
  }

  private show(): void {
    const { pauseButton, root } = this.view;
    const waiting = this.timedFrom === null;
    pauseButton.textContent = waiting ? 'Start' : this.clock.isRunning ? 'Pause' : 'Resume';
    pauseButton.title = waiting ? 'Start the timer (it also starts on the first move past the title slide)' : 'Pause or resume the timer';
    root.classList.toggle('timer-waiting', waiting);
    root.classList.toggle('timer-paused', !waiting && !this.clock.isRunning);
  }
}
