import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { DisplayInfo, ScreenRect } from '../../src/main/present-placement';
import { PresentWindows, type PresentWindow, type PresentWindowsOptions } from '../../src/main/present-windows';
import { laptop, projector } from './displays';


/** The displays as Electron's `screen` reports them, with the events it sends when they change. */
class FakeScreen extends EventEmitter {
  constructor(public displays: DisplayInfo[]) {
    super();
  }
  getAllDisplays(): DisplayInfo[] {
    return this.displays;
  }
  getPrimaryDisplay(): DisplayInfo {
    return this.displays.find((display) => display.id === laptop.id) ?? (this.displays[0] as DisplayInfo);
  }
  unplug(display: DisplayInfo): void {
    this.displays = this.displays.filter((candidate) => candidate !== display);
    this.emit('display-removed', {}, display);
  }
}

/** A window's state as the system would show it: where it is and whether it fills its display. */
class FakeWindow extends EventEmitter {
  bounds: ScreenRect = { x: 100, y: 100, width: 1280, height: 800 };
  fullscreen = false;
  destroyed = false;
  setBounds(bounds: ScreenRect): void {
    this.bounds = bounds;
  }
  setFullScreen(flag: boolean): void {
    this.fullscreen = flag;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  focus(): void {}
  close(): void {
    this.destroyed = true;
    this.emit('closed');
  }
}

function setUp(displays: DisplayInfo[]): { screen: FakeScreen; deck: FakeWindow; speakers: FakeWindow[]; present: PresentWindows } {
  const screen = new FakeScreen(displays);
  const speakers: FakeWindow[] = [];
  const present = new PresentWindows({
    screen: screen as unknown as PresentWindowsOptions['screen'],
    createSpeakerWindow: () => {
      const window = new FakeWindow();
      speakers.push(window);
      return window as unknown as PresentWindow;
    },
  });
  return { screen, deck: new FakeWindow(), speakers, present };
}

const asWindow = (window: FakeWindow): PresentWindow => window as unknown as PresentWindow;

describe('PresentWindows', () => {
  describe('with one display', () => {
    it('presents the deck fullscreen and opens no speaker view until asked', () => {
      const { deck, speakers, present } = setUp([laptop]);
      present.toggle(asWindow(deck));
      expect(deck.fullscreen).toBe(true);
      expect(deck.bounds).toEqual(laptop.bounds);
      expect(speakers).toHaveLength(0);

      present.openSpeakerView();
      expect(speakers).toHaveLength(1);
      expect(speakers[0]?.bounds).toEqual(laptop.workArea);
      expect(deck.fullscreen).toBe(true);
    });

    it('stops presenting when Present is chosen again', () => {
      const { deck, present } = setUp([laptop]);
      present.toggle(asWindow(deck));
      present.toggle(asWindow(deck));
      expect(deck.fullscreen).toBe(false);
      expect(present.presenting).toBe(false);
    });
  });

  describe('with two displays', () => {
    it('sends the deck fullscreen to the projector and opens the speaker view on the laptop', () => {
      const { deck, speakers, present } = setUp([laptop, projector]);
      present.toggle(asWindow(deck));
      expect(deck.bounds).toEqual(projector.bounds);
      expect(deck.fullscreen).toBe(true);
      expect(speakers).toHaveLength(1);
      expect(speakers[0]?.bounds).toEqual(laptop.workArea);
      expect(speakers[0]?.fullscreen).toBe(false);
    });

    it('swaps them from the menu, and back', () => {
      const { deck, speakers, present } = setUp([laptop, projector]);
      present.toggle(asWindow(deck));
      present.swapDisplays();
      expect(deck.bounds).toEqual(laptop.bounds);
      expect(deck.fullscreen).toBe(true);
      expect(speakers[0]?.bounds).toEqual(projector.workArea);
      present.swapDisplays();
      expect(deck.bounds).toEqual(projector.bounds);
      expect(speakers).toHaveLength(1);
    });

    it('opens a second speaker view only after the first was closed', () => {
      const { deck, speakers, present } = setUp([laptop, projector]);
      present.toggle(asWindow(deck));
      present.openSpeakerView();
      expect(speakers).toHaveLength(1);
      speakers[0]?.close();
      present.openSpeakerView();
      expect(speakers).toHaveLength(2);
    });
  });

  describe('when the projector is unplugged while presenting', () => {
    it('brings the deck back fullscreen on the laptop and keeps the speaker view open there', () => {
      const { screen, deck, speakers, present } = setUp([laptop, projector]);
      present.toggle(asWindow(deck));
      screen.unplug(projector);
      expect(deck.bounds).toEqual(laptop.bounds);
      expect(deck.fullscreen).toBe(true);
      expect(speakers).toHaveLength(1);
      expect(speakers[0]?.bounds).toEqual(laptop.workArea);
    });
  });

  it('leaves windows alone when displays change while not presenting', () => {
    const { screen, deck, present } = setUp([laptop, projector]);
    present.toggle(asWindow(deck));
    present.toggle(asWindow(deck));
    const before = { ...deck.bounds };
    screen.unplug(projector);
    expect(deck.bounds).toEqual(before);
    expect(deck.fullscreen).toBe(false);
  });
});
