import { describe, expect, it } from 'vitest';
import { placePresentWindows, type DisplayInfo } from '../../src/main/present-placement';
import { laptop, projector } from './displays';


describe('placePresentWindows', () => {
  describe('with one display', () => {
    it('presents fullscreen on it, with no speaker view until one is asked for', () => {
      const placement = placePresentWindows({ displays: [laptop], primaryDisplayId: 1, swapped: false, speakerViewWanted: false });
      expect(placement.audience).toEqual({ displayId: 1, bounds: laptop.bounds, fullscreen: true });
      expect(placement.speaker).toBeNull();
    });

    it('opens the speaker view on demand as a window on the same display', () => {
      const placement = placePresentWindows({ displays: [laptop], primaryDisplayId: 1, swapped: false, speakerViewWanted: true });
      expect(placement.audience.fullscreen).toBe(true);
      expect(placement.speaker).toEqual({ displayId: 1, bounds: laptop.workArea, fullscreen: false });
    });

    it('ignores a swap: there is nothing to swap with', () => {
      const placement = placePresentWindows({ displays: [laptop], primaryDisplayId: 1, swapped: true, speakerViewWanted: false });
      expect(placement.audience.displayId).toBe(1);
    });
  });

  describe('with two displays', () => {
    it('puts the audience fullscreen on the external display and the speaker view on the primary one', () => {
      const placement = placePresentWindows({ displays: [laptop, projector], primaryDisplayId: 1, swapped: false, speakerViewWanted: false });
      expect(placement.audience).toEqual({ displayId: 2, bounds: projector.bounds, fullscreen: true });
      expect(placement.speaker).toEqual({ displayId: 1, bounds: laptop.workArea, fullscreen: false });
    });

    it('swaps them when the presenter asks', () => {
      const placement = placePresentWindows({ displays: [laptop, projector], primaryDisplayId: 1, swapped: true, speakerViewWanted: false });
      expect(placement.audience).toEqual({ displayId: 1, bounds: laptop.bounds, fullscreen: true });
      expect(placement.speaker?.displayId).toBe(2);
    });

    it('follows the primary display wherever the system puts it', () => {
      const placement = placePresentWindows({ displays: [laptop, projector], primaryDisplayId: 2, swapped: false, speakerViewWanted: false });
      expect(placement.audience.displayId).toBe(1);
      expect(placement.speaker?.displayId).toBe(2);
    });

    it('prefers an external screen to a second built-in one for the audience', () => {
      const secondPanel: DisplayInfo = { ...laptop, id: 3, internal: true };
      const placement = placePresentWindows({
        displays: [laptop, secondPanel, projector],
        primaryDisplayId: 1,
        swapped: false,
        speakerViewWanted: false,
      });
      expect(placement.audience.displayId).toBe(2);
    });
  });

  describe('when the person chose the audience display (Present on This Display)', () => {
    it('keeps the audience there and gives the speaker view the primary display', () => {
      const monitor: DisplayInfo = { ...projector, id: 3, bounds: { ...projector.bounds, x: 3360 }, workArea: { ...projector.workArea, x: 3360 } };
      const placement = placePresentWindows({
        displays: [laptop, projector, monitor],
        primaryDisplayId: 1,
        swapped: false,
        speakerViewWanted: false,
        audienceDisplayId: 3,
      });
      expect(placement.audience).toEqual({ displayId: 3, bounds: monitor.bounds, fullscreen: true });
      expect(placement.speaker?.displayId).toBe(1);
    });

    it('sends the speaker view to the external display when the chosen one is the primary', () => {
      const placement = placePresentWindows({ displays: [laptop, projector], primaryDisplayId: 1, swapped: false, speakerViewWanted: false, audienceDisplayId: 1 });
      expect(placement.audience.displayId).toBe(1);
      expect(placement.speaker).toEqual({ displayId: 2, bounds: projector.workArea, fullscreen: false });
    });

    it('falls back to the usual guess once the chosen display is unplugged', () => {
      const placement = placePresentWindows({ displays: [laptop, projector], primaryDisplayId: 1, swapped: false, speakerViewWanted: false, audienceDisplayId: 7 });
      expect(placement.audience.displayId).toBe(2);
      expect(placement.speaker?.displayId).toBe(1);
    });

    it('is alone on one display, the speaker view beside it only when wanted', () => {
      const placement = placePresentWindows({ displays: [laptop], primaryDisplayId: 1, swapped: false, speakerViewWanted: false, audienceDisplayId: 1 });
      expect(placement.audience.displayId).toBe(1);
      expect(placement.speaker).toBeNull();
    });
  });

  describe('when a display is removed while presenting', () => {
    it('brings the audience back to the display that remains, and keeps the open speaker view there too', () => {
      const before = placePresentWindows({ displays: [laptop, projector], primaryDisplayId: 1, swapped: false, speakerViewWanted: true });
      expect(before.audience.displayId).toBe(2);
      const after = placePresentWindows({ displays: [laptop], primaryDisplayId: 1, swapped: false, speakerViewWanted: true });
      expect(after.audience).toEqual({ displayId: 1, bounds: laptop.bounds, fullscreen: true });
      expect(after.speaker).toEqual({ displayId: 1, bounds: laptop.workArea, fullscreen: false });
    });

    it('copes with the primary display itself going away', () => {
      const placement = placePresentWindows({ displays: [projector], primaryDisplayId: 1, swapped: false, speakerViewWanted: false });
      expect(placement.audience.displayId).toBe(2);
    });
  });

  it('refuses to place anything without a display', () => {
    expect(() => placePresentWindows({ displays: [], primaryDisplayId: 1, swapped: false, speakerViewWanted: false })).toThrow(/no display/);
  });
});
