import type { BrowserWindow, Screen } from 'electron';
import { placePresentWindows, type WindowPlacement } from './present-placement';

/** What the controller needs of a BrowserWindow: tests hand it plain objects. */
export type PresentWindow = Pick<BrowserWindow, 'setBounds' | 'setFullScreen' | 'isDestroyed' | 'focus' | 'once'>;

export interface PresentWindowsOptions {
  screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay' | 'on'>;
  /** Opens the speaker view's window, on the presenter's current slide. */
  createSpeakerWindow(): PresentWindow;
}

/**
 * Present mode in the app: the deck window fullscreen on the audience's display, the speaker view
 * on the presenter's, placed again whenever a display comes or goes, and swapped on request.
 */
export class PresentWindows {
  private audience: PresentWindow | null = null;
  private speaker: PresentWindow | null = null;
  private swapped = false;

  constructor(private readonly options: PresentWindowsOptions) {
    options.screen.on('display-added', () => this.place());
    options.screen.on('display-removed', () => this.place());
  }

  get presenting(): boolean {
    return this.audience !== null && !this.audience.isDestroyed();
  }

  /** Present starts presenting `window`; pressed again, it stops. */
  toggle(window: PresentWindow | undefined): void {
    if (this.presenting && (window === undefined || window === this.audience || window === this.speaker)) {
      this.stop();
    } else if (window !== undefined && window !== this.speaker) {
      this.start(window);
    }
  }

  start(window: PresentWindow): void {
    this.audience = window;
    window.once('closed', () => {
      if (this.audience === window) this.audience = null;
    });
    this.place();
    window.focus();
  }

  stop(): void {
    const audience = this.audience;
    this.audience = null;
    if (audience && !audience.isDestroyed()) audience.setFullScreen(false);
  }

  /** Opens the speaker view, or brings it forward; placed on the presenter's display. */
  openSpeakerView(): void {
    if (this.speakerOpen()) {
      this.speaker?.focus();
      return;
    }
    this.place({ speakerViewWanted: true });
  }

  /** Audience on the presenter's display and speaker view on the other, or back. */
  swapDisplays(): void {
    this.swapped = !this.swapped;
    this.place();
  }

  private place(request: { speakerViewWanted?: boolean } = {}): void {
    const { screen } = this.options;
    const placement = placePresentWindows({
      displays: screen.getAllDisplays(),
      primaryDisplayId: screen.getPrimaryDisplay().id,
      swapped: this.swapped,
      speakerViewWanted: request.speakerViewWanted === true || this.speakerOpen(),
    });
    // Only while presenting: the speaker view on its own (S in a windowed deck) adds no audience window.
    if (placement.speaker && (this.presenting || request.speakerViewWanted)) {
      const speaker = this.speakerOpen() ? this.speaker : this.openSpeakerWindow();
      if (speaker) applyPlacement(speaker, placement.speaker);
    }
    if (this.audience && this.presenting) applyPlacement(this.audience, placement.audience);
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

/** A fullscreen window moves to another display only out of fullscreen: leave, move, enter again. */
function applyPlacement(window: PresentWindow, placement: WindowPlacement): void {
  window.setFullScreen(false);
  window.setBounds(placement.bounds);
  if (placement.fullscreen) window.setFullScreen(true);
}
