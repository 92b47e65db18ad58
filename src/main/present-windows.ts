import type { BrowserWindow, Screen } from 'electron';
import { leaveFullScreen, placeWindow, type PlaceableWindow, type PlaceWindowOptions } from './place-window';
import { placePresentWindows, type ScreenRect } from './present-placement';
import { messageOf } from '../shared/errors';

/** What the controller needs of a BrowserWindow: tests hand it the fake's. */
export type PresentWindow = PlaceableWindow & Pick<BrowserWindow, 'focus'>;

/** macOS's fullscreen animation takes under a second; twice that leaves room for a busy machine. */
const FULL_SCREEN_DEADLINE_MS = 2000;

export interface PresentWindowsOptions {
  screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay' | 'getDisplayMatching' | 'on'>;
  /** Opens the speaker view's window, on the presenter's current slide. */
  createSpeakerWindow(): PresentWindow;
  /** Wayland (see wayland.ts): windows cannot be moved, only made fullscreen where they are. */
  placementForbidden?: boolean;
  /** Tells the person, once, to drag the windows where they belong themselves. */
  explainPlacementForbidden?(): void;
  fullScreenDeadlineMs?: number;
}

/**
 * Present mode in the app: the deck window fullscreen on the audience's display, the speaker view
 * on the presenter's, placed again whenever a display comes or goes, and swapped on request.
 * Placements run one after another, each waiting for its fullscreen transitions, so that a display
 * event or a key pressed mid-transition never interleaves with the one under way. Each method
 * resolves once its placement is done.
 */
export class PresentWindows {
  private audience: PresentWindow | null = null;
  private speaker: PresentWindow | null = null;
  private swapped = false;
  /** View ▸ Present on This Display pins the audience to the display its window was on. */
  private audienceDisplayId: number | null = null;
  private presentedFrom: { window: PresentWindow; bounds: ScreenRect | null } | null = null;
  private placementExplained = false;
  private queue: Promise<void> = Promise.resolve();
  private readonly placing: PlaceWindowOptions;

  constructor(private readonly options: PresentWindowsOptions) {
    this.placing = {
      screen: options.screen,
      placementForbidden: options.placementForbidden === true,
      fullScreenDeadlineMs: options.fullScreenDeadlineMs ?? FULL_SCREEN_DEADLINE_MS,
    };
    options.screen.on('display-added', () => void this.place());
    options.screen.on('display-removed', () => void this.place());
  }

  get presenting(): boolean {
    return this.audience !== null && !this.audience.isDestroyed();
  }

  /** Resolves once every placement asked for so far is done. */
  placed(): Promise<void> {
    return this.queue;
  }

  /** Present starts presenting `window`; pressed again, it stops. */
  toggle(window: PresentWindow | undefined): Promise<void> {
    if (this.presenting && (window === undefined || window === this.audience || window === this.speaker)) return this.stop();
    if (window !== undefined && window !== this.speaker) return this.start(window, null);
    return this.placed();
  }

  /**
   * View ▸ Present on This Display: `window` becomes the audience's, fullscreen on the display it
   * is on now, for where the system decides where windows go (Wayland) or the guess was wrong.
   */
  presentOnThisDisplay(window: PresentWindow | undefined): Promise<void> {
    if (window === undefined || window === this.speaker || window.isDestroyed()) return this.placed();
    // On Wayland getBounds answers x 0, y 0, so this display is a guess; it is only used where
    // windows can be moved, and there the window goes fullscreen where it is anyway.
    const displayId = this.options.screen.getDisplayMatching(window.getBounds()).id;
    this.swapped = false;
    if (this.audience === window && this.presenting) {
      this.audienceDisplayId = displayId;
      return this.place();
    }
    if (this.presenting) void this.stop();
    return this.start(window, displayId);
  }

  stop(): Promise<void> {
    const audience = this.audience;
    this.audience = null;
    this.audienceDisplayId = null;
    if (audience === null) return this.placed();
    return this.enqueue(async () => {
      const from = this.presentedFrom?.window === audience ? this.presentedFrom.bounds : null;
      this.presentedFrom = null;
      await leaveFullScreen(audience, from, this.placing);
    });
  }

  /** Opens the speaker view, or brings it forward; placed on the presenter's display. */
  openSpeakerView(): Promise<void> {
    if (this.speaker !== null && this.speakerOpen()) {
      this.speaker.focus();
      return this.placed();
    }
    return this.place({ speakerViewWanted: true });
  }

  /** Audience on the presenter's display and speaker view on the other, or back. */
  swapDisplays(): Promise<void> {
    this.swapped = !this.swapped;
    return this.place();
  }

  private start(window: PresentWindow, audienceDisplayId: number | null): Promise<void> {
    this.audience = window;
    this.audienceDisplayId = audienceDisplayId;
    window.once('closed', () => {
      if (this.audience === window) this.audience = null;
    });
    // Remembered before the first move: when presenting stops, the window goes back to it.
    void this.enqueue(() => {
      if (this.presentedFrom?.window !== window && !window.isDestroyed()) {
        this.presentedFrom = { window, bounds: window.isFullScreen() ? null : window.getBounds() };
      }
    });
    void this.place();
    return this.enqueue(() => {
      if (!window.isDestroyed()) window.focus();
    });
  }

  private place(request: { speakerViewWanted?: boolean } = {}): Promise<void> {
    return this.enqueue(() => this.placeNow(request));
  }

  private async placeNow(request: { speakerViewWanted?: boolean }): Promise<void> {
    const { screen } = this.options;
    const displays = screen.getAllDisplays();
    const placement = placePresentWindows({
      displays,
      primaryDisplayId: screen.getPrimaryDisplay().id,
      swapped: this.swapped,
      speakerViewWanted: request.speakerViewWanted === true || this.speakerOpen(),
      audienceDisplayId: this.audienceDisplayId,
    });
    const moves: Promise<void>[] = [];
    // Only while presenting: the speaker view on its own (S in a windowed deck) adds no audience window.
    if (placement.speaker && (this.presenting || request.speakerViewWanted)) {
      const speaker = this.speaker !== null && this.speakerOpen() ? this.speaker : this.openSpeakerWindow();
      moves.push(placeWindow(speaker, placement.speaker, this.placing));
    }
    if (this.audience && this.presenting) {
      if (displays.length > 1) this.explainPlacementOnce();
      moves.push(placeWindow(this.audience, placement.audience, this.placing));
    }
    await Promise.all(moves);
  }

  private explainPlacementOnce(): void {
    if (!this.placing.placementForbidden || this.placementExplained) return;
    this.placementExplained = true;
    this.options.explainPlacementForbidden?.();
  }

  /** One placement at a time; a failure is reported and the next one still runs. */
  private enqueue(task: () => void | Promise<void>): Promise<void> {
    const run = this.queue.then(task).catch((error: unknown) => {
      console.error(`podium: cannot place the presentation's windows: ${messageOf(error)}`);
    });
    this.queue = run;
    return run;
  }

  private openSpeakerWindow(): PresentWindow {
    const speaker = this.options.createSpeakerWindow();
    this.speaker = speaker;
    speaker.once('closed', () => {
      if (this.speaker === speaker) this.speaker = null;
    });
    return speaker;
  }

  private speakerOpen(): boolean {
    return this.speaker !== null && !this.speaker.isDestroyed();
  }
}
