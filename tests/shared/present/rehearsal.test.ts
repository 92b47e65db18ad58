import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../../src/shared/deck/build-deck';
import { parseRehearsal, rehearsedPerSegmentMs } from '../../../src/shared/present/rehearsal';
import { RehearsalRecorder } from '../../../src/shared/present/rehearsal-recorder';

// Segment 0: #/0/0, #/0/1 (vertical); segment 1: #/1/0, #/2/0; segment 2: #/3/0.
const deck = buildDeck({
  fallbackTitle: 'Talk',
  segments: [
    { file: '1-intro.md', source: '# Welcome\n\n--\n\n## Below\n' },
    { file: '2-body.md', source: '# Body\n\n---\n\n# More\n' },
    { file: '3-end.md', source: '# End\n' },
  ],
});

describe('rehearsedPerSegmentMs', () => {
  it('sums the rehearsed slides of each segment, vertical slides included', () => {
    const rehearsal = {
      recordedAt: 1,
      slides: [
        { h: 0, v: 0, ms: 10_000 },
        { h: 0, v: 1, ms: 5_000 },
        { h: 2, v: 0, ms: 30_000 },
      ],
    };
    expect(rehearsedPerSegmentMs(deck, rehearsal)).toEqual([15_000, 30_000, null]);
  });

  it('has nothing for any segment without a rehearsal', () => {
    expect(rehearsedPerSegmentMs(deck, null)).toEqual([null, null, null]);
  });

  it('leaves out slides the deck no longer has', () => {
    const rehearsal = { recordedAt: 1, slides: [{ h: 9, v: 0, ms: 1_000 }, { h: 3, v: 0, ms: 2_000 }] };
    expect(rehearsedPerSegmentMs(deck, rehearsal)).toEqual([null, null, 2_000]);
  });
});

describe('parseRehearsal', () => {
  it('accepts a rehearsal and keeps only its known fields', () => {
    const parsed = parseRehearsal({ recordedAt: 5, slides: [{ h: 1, v: 0, ms: 20, extra: true }], other: 1 });
    expect(parsed).toEqual({ recordedAt: 5, slides: [{ h: 1, v: 0, ms: 20 }] });
  });

  it.each([
    ['not an object', 'rehearsal'],
    ['no slides', { recordedAt: 1 }],
    ['no time of recording', { slides: [] }],
    ['a fractional index', { recordedAt: 1, slides: [{ h: 0.5, v: 0, ms: 1 }] }],
    ['a negative duration', { recordedAt: 1, slides: [{ h: 0, v: 0, ms: -1 }] }],
    ['a duration that is not a number', { recordedAt: 1, slides: [{ h: 0, v: 0, ms: '1' }] }],
    ['too many slides', { recordedAt: 1, slides: new Array(2_001).fill({ h: 0, v: 0, ms: 1 }) }],
  ])('refuses %s', (_case, value) => {
    expect(parseRehearsal(value)).toBeNull();
  });
});

describe('RehearsalRecorder', () => {
  it('records the time spent on each slide, adding up returns to a slide', () => {
    const recorder = new RehearsalRecorder({ h: 0, v: 0 }, 1_000);
    recorder.moveTo({ h: 1, v: 0 }, 11_000);
    recorder.moveTo({ h: 0, v: 0 }, 31_000);
    recorder.moveTo({ h: 2, v: 0 }, 36_000);
    expect(recorder.finish(40_000, 123)).toEqual({
      recordedAt: 123,
      slides: [
        { h: 0, v: 0, ms: 15_000 },
        { h: 1, v: 0, ms: 20_000 },
        { h: 2, v: 0, ms: 4_000 },
      ],
    });
  });

  it('counts fragments of a slide towards the slide', () => {
    const recorder = new RehearsalRecorder({ h: 1, v: 0 }, 0);
    recorder.moveTo({ h: 1, v: 0 }, 5_000);
    expect(recorder.finish(8_000, 0).slides).toEqual([{ h: 1, v: 0, ms: 8_000 }]);
  });
});
