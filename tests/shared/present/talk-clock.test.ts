import { describe, expect, it } from 'vitest';
import { formatDuration, plannedDurationMs, scheduleDeltaMs, scheduleVerdict, TalkClock } from '../../../src/shared/present/talk-clock';

const MINUTE = 60_000;

describe('TalkClock', () => {
  it('counts running time, and time spent in the segment the presenter is in', () => {
    const clock = new TalkClock(3);
    clock.start(1_000);
    clock.enterSegment(0, 1_000);
    clock.enterSegment(2, 31_000);
    expect(clock.elapsedMs(41_000)).toBe(40_000);
    expect(clock.spentMs(41_000)).toEqual([30_000, 0, 10_000]);
  });

  describe('when paused', () => {
    it('stops counting until it starts again', () => {
      const clock = new TalkClock(1);
      clock.start(0);
      clock.pause(5_000);
      expect(clock.isRunning).toBe(false);
      expect(clock.elapsedMs(60_000)).toBe(5_000);
      clock.start(60_000);
      expect(clock.elapsedMs(61_000)).toBe(6_000);
      expect(clock.spentMs(61_000)).toEqual([6_000]);
    });
  });

  it('resets elapsed time and every segment to zero, and keeps running', () => {
    const clock = new TalkClock(2);
    clock.start(0);
    clock.enterSegment(1, 10_000);
    clock.reset(20_000);
    expect(clock.elapsedMs(25_000)).toBe(5_000);
    expect(clock.spentMs(25_000)).toEqual([0, 5_000]);
  });

  it('keeps the time spent in the segments that remain when the deck changes', () => {
    const clock = new TalkClock(2);
    clock.start(0);
    clock.enterSegment(1, 10_000);
    clock.resize(3, 15_000);
    expect(clock.spentMs(15_000)).toEqual([10_000, 5_000, 0]);
  });
});

describe('plannedDurationMs', () => {
  it('reads `duration` in minutes, as a number or a numeric string', () => {
    expect(plannedDurationMs({ duration: 2 })).toBe(2 * MINUTE);
    expect(plannedDurationMs({ duration: '1.5' })).toBe(90_000);
  });

  it('has no plan for a missing, negative or non-numeric duration', () => {
    expect(plannedDurationMs({})).toBeNull();
    expect(plannedDurationMs({ duration: -1 })).toBeNull();
    expect(plannedDurationMs({ duration: 'ten' })).toBeNull();
    expect(plannedDurationMs({ duration: '' })).toBeNull();
  });
});

describe('scheduleDeltaMs', () => {
  const planned = [2 * MINUTE, 3 * MINUTE, null];

  it('is on time while the current segment is within its plan', () => {
    expect(scheduleDeltaMs(planned, [MINUTE, 0, 0], 0)).toBe(0);
  });

  it('is behind by the overrun of the current segment', () => {
    expect(scheduleDeltaMs(planned, [2.5 * MINUTE, 0, 0], 0)).toBe(0.5 * MINUTE);
  });

  it('counts finished segments in full: time saved is ahead, time lost behind', () => {
    expect(scheduleDeltaMs(planned, [MINUTE, 0, 0], 1)).toBe(-MINUTE);
    expect(scheduleDeltaMs(planned, [MINUTE, 4 * MINUTE, 0], 2)).toBe(0);
  });

  it('gives back the planned time of a segment that was skipped', () => {
    expect(scheduleDeltaMs(planned, [2 * MINUTE, 0, 0], 2)).toBe(-3 * MINUTE);
  });

  it('plans a segment without a duration as taking no time', () => {
    expect(scheduleDeltaMs(planned, [2 * MINUTE, 3 * MINUTE, 20_000], 2)).toBe(20_000);
  });

  it('counts nothing of the segments before the one the clock started in', () => {
    expect(scheduleDeltaMs(planned, [0, MINUTE, 0], 1, 1)).toBe(0);
    expect(scheduleDeltaMs(planned, [0, MINUTE, 0], 2, 1)).toBe(-2 * MINUTE);
  });
});

describe('scheduleVerdict', () => {
  const planned = [4 * MINUTE, 3 * MINUTE];

  it('says nothing of the plan before the timer starts', () => {
    expect(scheduleVerdict({ planned, spent: [0, 0], current: 1, startedIn: null, elapsedMs: 0 })).toEqual({ state: 'not-started' });
  });

  it('does not claim ahead in the first minute, when a few seconds of clicking passed a segment', () => {
    expect(scheduleVerdict({ planned, spent: [4_000, 0], current: 1, startedIn: 0, elapsedMs: 4_000 })).toMatchObject({ state: 'on-time' });
    expect(scheduleVerdict({ planned, spent: [4_000, 56_000], current: 1, startedIn: 0, elapsedMs: 60_000 })).toEqual({ state: 'ahead', deltaMs: -236_000 });
  });

  it('says behind at once: overrun is time really spent', () => {
    expect(scheduleVerdict({ planned: [10_000], spent: [30_000], current: 0, startedIn: 0, elapsedMs: 30_000 })).toEqual({ state: 'behind', deltaMs: 20_000 });
  });

  it('is on time within five seconds either way', () => {
    expect(scheduleVerdict({ planned, spent: [4 * MINUTE + 4_000, 0], current: 1, startedIn: 0, elapsedMs: 5 * MINUTE })).toMatchObject({ state: 'on-time' });
  });
});

describe('formatDuration', () => {
  it('writes minutes and seconds, and hours from an hour on', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65_999)).toBe('1:05');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
    expect(formatDuration(-30_000)).toBe('-0:30');
  });
});
