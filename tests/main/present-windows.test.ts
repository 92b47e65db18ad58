import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DisplayInfo } from '../../src/main/present-placement';
import { PresentWindows, type PresentWindow, type PresentWindowsOptions } from '../../src/main/present-windows';
import { windowPlacementForbidden } from '../../src/main/wayland';
import { BrowserWindow, resetFakeElectron, screen } from './fake-electron';
import { laptop, projector } from './displays';

vi.mock('electron', () => import('./fake-electron'));

/** A second external monitor, to the projector's right. */
const monitor: DisplayInfo = {
  id: 3,
  bounds: { x: 3360, y: 0, width: 2560, height: 1440 },
  workArea: { x: 3360, y: 0, width: 2560, height: 1440 },
  internal: false,
};

const DECK_BOUNDS = { x: 100, y: 100, width: 1280, height: 800 };

interface Setup {
  deck: BrowserWindow;
  speakers: BrowserWindow[];
  present: PresentWindows;
  explained: ReturnType<typeof vi.fn>;
}

function setUp(displays: DisplayInfo[], options: Partial<PresentWindowsOptions> = {}): Setup {
  screen.displays = displays;
  const speakers: BrowserWindow[] = [];
  const explained = vi.fn();
  const present = new PresentWindows({
    screen: screen as unknown as PresentWindowsOptions['screen'],
    createSpeakerWindow: () => {
      const window = new BrowserWindow({ width: 1280, height: 800 });
      speakers.push(window);
      return asWindow(window);
    },
    explainPlacementForbidden: explained,
    ...options,
  });
  return { deck: new BrowserWindow({ ...DECK_BOUNDS }), speakers, present, explained };
}

const asWindow = (window: BrowserWindow): PresentWindow => window as unknown as PresentWindow;

/** The fullscreen events a window sends from now on, in order. */
function fullScreenEvents(window: BrowserWindow): string[] {
  const events: string[] = [];
  window.on('enter-full-screen', () => events.push('enter'));
  window.on('leave-full-screen', () => events.push('leave'));
  return events;
}

/** The speaker view that must exist by now. */
function onlySpeaker(speakers: BrowserWindow[]): BrowserWindow {
  expect(speakers).toHaveLength(1);
  return speakers[0] as BrowserWindow;
}

beforeEach(() => resetFakeElectron());
afterEach(() => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('PresentWindows', () => {
  describe('with one display', () => {
    it('presents the deck fullscreen and opens no speaker view until asked', async () => {
      const { deck, speakers, present } = setUp([laptop]);
      await present.toggle(asWindow(deck));
      expect(deck.isFullScreen()).toBe(true);
      expect(deck.bounds).toEqual(laptop.bounds);
      expect(speakers).toHaveLength(0);

      await present.openSpeakerView();
      expect(onlySpeaker(speakers).bounds).toEqual(laptop.workArea);
      expect(deck.isFullScreen()).toBe(true);
    });

    it('stops presenting when Present is chosen again, and gives the deck window back its size and place', async () => {
      const { deck, present } = setUp([laptop]);
      await present.toggle(asWindow(deck));
      await present.toggle(asWindow(deck));
      expect(deck.isFullScreen()).toBe(false);
      expect(deck.bounds).toEqual(DECK_BOUNDS);
      expect(present.presenting).toBe(false);
    });
  });

  describe('with two displays', () => {
    it('sends the deck fullscreen to the projector and opens the speaker view on the laptop', async () => {
      const { deck, speakers, present } = setUp([laptop, projector]);
      await present.toggle(asWindow(deck));
      expect(deck.bounds).toEqual(projector.bounds);
      expect(deck.isFullScreen()).toBe(true);
      const speaker = onlySpeaker(speakers);
      expect(speaker.bounds).toEqual(laptop.workArea);
      expect(speaker.isFullScreen()).toBe(false);
    });

    it('brings the deck window back to the laptop, at its old size, when presenting stops', async () => {
      const { deck, present } = setUp([laptop, projector]);
      await present.toggle(asWindow(deck));
      await present.toggle(asWindow(deck));
      expect(deck.isFullScreen()).toBe(false);
      expect(deck.bounds).toEqual(DECK_BOUNDS);
    });

    it('moves a deck already fullscreen on the laptop out of fullscreen first, then onto the projector', async () => {
      const { deck, present } = setUp([laptop, projector]);
      deck.setFullScreen(true);
      await new Promise((resolve) => deck.once('enter-full-screen', resolve));
      const events = fullScreenEvents(deck);
      await present.toggle(asWindow(deck));
      expect(events).toEqual(['leave', 'enter']);
      expect(deck.bounds).toEqual(projector.bounds);
      expect(deck.isFullScreen()).toBe(true);
    });

    it('swaps them from the menu, and back', async () => {
      const { deck, speakers, present } = setUp([laptop, projector]);
      await present.toggle(asWindow(deck));
      await present.swapDisplays();
      expect(deck.bounds).toEqual(laptop.bounds);
      expect(deck.isFullScreen()).toBe(true);
      expect(onlySpeaker(speakers).bounds).toEqual(projector.workArea);
      await present.swapDisplays();
      expect(deck.bounds).toEqual(projector.bounds);
      expect(deck.isFullScreen()).toBe(true);
      expect(speakers).toHaveLength(1);
    });

    it('runs a swap asked mid-transition after the transition, not through it', async () => {
      const { deck, speakers, present } = setUp([laptop, projector]);
      void present.toggle(asWindow(deck));
      void present.swapDisplays();
      await present.placed();
      expect(deck.bounds).toEqual(laptop.bounds);
      expect(deck.isFullScreen()).toBe(true);
      expect(onlySpeaker(speakers).bounds).toEqual(projector.workArea);
    });

    it('opens a second speaker view only after the first was closed', async () => {
      const { deck, speakers, present } = setUp([laptop, projector]);
      await present.toggle(asWindow(deck));
      await present.openSpeakerView();
      expect(speakers).toHaveLength(1);
      speakers[0]?.close();
      await present.openSpeakerView();
      expect(speakers).toHaveLength(2);
    });

    it('never takes the audience out of fullscreen for S or for a display plugged in elsewhere', async () => {
      const { deck, speakers, present } = setUp([laptop, projector]);
      await present.toggle(asWindow(deck));
      const events = fullScreenEvents(deck);
      onlySpeaker(speakers).close();
      await present.openSpeakerView();
      await present.openSpeakerView();
      screen.plug(monitor);
      await present.placed();
      expect(events).toEqual([]);
      expect(deck.bounds).toEqual(projector.bounds);
      expect(deck.isFullScreen()).toBe(true);
    });

    it('goes on after 2 s without the event when the system never confirms a transition', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const { deck, speakers, present } = setUp([laptop, projector]);
      vi.spyOn(deck, 'setFullScreen').mockImplementation(() => {});
      const presenting = present.toggle(asWindow(deck));
      await vi.advanceTimersByTimeAsync(2000);
      await presenting;
      expect(deck.bounds).toEqual(projector.bounds);
      expect(deck.setFullScreen).toHaveBeenCalledWith(true);
      expect(onlySpeaker(speakers).bounds).toEqual(laptop.workArea);
    });
  });

  describe('when the projector is unplugged while presenting', () => {
    it('brings the deck back fullscreen on the laptop and keeps the speaker view open there', async () => {
      const { deck, speakers, present } = setUp([laptop, projector]);
      await present.toggle(asWindow(deck));
      screen.unplug(projector);
      await present.placed();
      expect(deck.bounds).toEqual(laptop.bounds);
      expect(deck.isFullScreen()).toBe(true);
      expect(onlySpeaker(speakers).bounds).toEqual(laptop.workArea);
    });

    it('moves the deck fullscreen to a monitor that remains, the speaker view staying on the laptop', async () => {
      const { deck, speakers, present } = setUp([laptop, projector, monitor]);
      await present.toggle(asWindow(deck));
      expect(deck.bounds).toEqual(projector.bounds);
      screen.unplug(projector);
      await present.placed();
      expect(deck.bounds).toEqual(monitor.bounds);
      expect(deck.isFullScreen()).toBe(true);
      expect(onlySpeaker(speakers).bounds).toEqual(laptop.workArea);
    });

    it('goes on without a window closed in the middle of its move', async () => {
      const errors = vi.spyOn(console, 'error');
      const { deck, speakers, present } = setUp([laptop, projector, monitor]);
      await present.toggle(asWindow(deck));
      deck.once('leave-full-screen', () => deck.close());
      screen.unplug(projector);
      await present.placed();
      expect(deck.isDestroyed()).toBe(true);
      expect(present.presenting).toBe(false);
      expect(onlySpeaker(speakers).bounds).toEqual(laptop.workArea);
      expect(errors).not.toHaveBeenCalled();
    });
  });

  it('leaves windows alone when displays change while not presenting', async () => {
    const { deck, present } = setUp([laptop, projector]);
    await present.toggle(asWindow(deck));
    await present.toggle(asWindow(deck));
    const before = { ...deck.bounds };
    screen.unplug(projector);
    await present.placed();
    expect(deck.bounds).toEqual(before);
    expect(deck.isFullScreen()).toBe(false);
  });

  describe('View ▸ Present on This Display', () => {
    it('presents on the laptop the deck window is on, and puts the speaker view on the projector', async () => {
      const { deck, speakers, present } = setUp([laptop, projector]);
      await present.presentOnThisDisplay(asWindow(deck));
      expect(deck.bounds).toEqual(laptop.bounds);
      expect(deck.isFullScreen()).toBe(true);
      expect(onlySpeaker(speakers).bounds).toEqual(projector.workArea);
    });

    it('keeps that display when another one is plugged in', async () => {
      const { deck, present } = setUp([laptop, projector]);
      await present.presentOnThisDisplay(asWindow(deck));
      const events = fullScreenEvents(deck);
      screen.plug(monitor);
      await present.placed();
      expect(events).toEqual([]);
      expect(deck.bounds).toEqual(laptop.bounds);
    });
  });

  describe('on Wayland, where windows cannot be moved', () => {
    function setUpOnWayland(displays: DisplayInfo[]): Setup {
      vi.stubEnv('XDG_SESSION_TYPE', 'wayland');
      return setUp(displays, { placementForbidden: windowPlacementForbidden({ platform: 'linux', env: process.env, argv: [] }) });
    }

    it('presents fullscreen where the deck window is, and says once that the person must drag it', async () => {
      const { deck, speakers, present, explained } = setUpOnWayland([laptop, projector]);
      await present.toggle(asWindow(deck));
      expect(deck.isFullScreen()).toBe(true);
      expect(deck.bounds).toEqual(laptop.bounds);
      expect(speakers).toHaveLength(1);
      await present.toggle(asWindow(deck));
      await present.toggle(asWindow(deck));
      screen.plug(monitor);
      await present.placed();
      expect(explained).toHaveBeenCalledTimes(1);
    });

    it('says nothing with one display: there is nowhere to drag to', async () => {
      const { deck, present, explained } = setUpOnWayland([laptop]);
      await present.toggle(asWindow(deck));
      expect(deck.isFullScreen()).toBe(true);
      expect(explained).not.toHaveBeenCalled();
    });

    it('presents on the projector once the person has dragged the deck window there', async () => {
      const { deck, present } = setUpOnWayland([laptop, projector]);
      deck.bounds = { x: projector.bounds.x + 200, y: 100, width: 1280, height: 800 };
      await present.presentOnThisDisplay(asWindow(deck));
      expect(deck.isFullScreen()).toBe(true);
      expect(deck.bounds).toEqual(projector.bounds);
    });
  });
});
