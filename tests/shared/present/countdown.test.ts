import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../../src/shared/deck/build-deck';
import { countdownLevel, segmentOverrunMs, talkLengthMs } from '../../../src/shared/present/countdown';

const MINUTE = 60_000;

function deckOf(durations: (number | string | null)[], settings: { duration?: number } = {}) {
  return buildDeck({
    fallbackTitle: 'Talk',
    settings,
    segments: durations.map((duration, index) => ({
      file: `${index}.md`,
      source: `${duration === null ? '' : `---\nduration: ${duration}\n---\n`}# Slide ${index}\n`,
    })),
  });
}

describe('talkLengthMs', () => {
  it("is deck.yaml's duration when it gives one, whatever the segments plan", () => {
    expect(talkLengthMs(deckOf([10, 20], { duration: 45 }))).toBe(45 * MINUTE);
  });

  it("is the sum of the segments' planned minutes otherwise, a segment without a plan counting none", () => {
    expect(talkLengthMs(deckOf([10, null, 2.5]))).toBe(12.5 * MINUTE);
  });

  it('is null when nothing is planned, so that no countdown is shown', () => {
    expect(talkLengthMs(deckOf([null, null]))).toBeNull();
    expect(talkLengthMs(deckOf([0]))).toBeNull();
  });
});

describe('countdownLevel', () => {
  it('warns at five minutes left, again at one, and says time is up at zero and after', () => {
    expect(countdownLevel(5 * MINUTE + 1)).toBe('plenty');
    expect(countdownLevel(5 * MINUTE)).toBe('warning');
    expect(countdownLevel(MINUTE + 1)).toBe('warning');
    expect(countdownLevel(MINUTE)).toBe('final');
    expect(countdownLevel(1)).toBe('final');
    expect(countdownLevel(0)).toBe('over');
    expect(countdownLevel(-10 * MINUTE)).toBe('over');
  });
});

describe('segmentOverrunMs', () => {
  it('is how far the current segment runs past its plan, and null while it does not', () => {
    expect(segmentOverrunMs([MINUTE, 2 * MINUTE], [90_000, 0], 0)).toBe(30_000);
    expect(segmentOverrunMs([MINUTE, 2 * MINUTE], [90_000, 30_000], 1)).toBeNull();
    expect(segmentOverrunMs([MINUTE], [MINUTE], 0)).toBeNull();
  });

  it('is null for a segment without a plan', () => {
    expect(segmentOverrunMs([null], [10 * MINUTE], 0)).toBeNull();
  });
});
