import type { BrowserWindow, Screen } from 'electron';
import type { ScreenRect, WindowPlacement } from './present-placement';

/** What placing needs of a BrowserWindow: tests hand it the fake's. */
export type PlaceableWindow = Pick<
  BrowserWindow,
  'setBounds' | 'getBounds' | 'setFullScreen' | 'isFullScreen' | 'isDestroyed' | 'once' | 'removeListener'
>;

export interface PlaceWindowOptions {
  screen: Pick<Screen, 'getDisplayMatching'>;
  /** Wayland: the system, not the app, decides where a window goes; it only goes fullscreen where it is. */
  placementForbidden: boolean;
  /** How long to wait for a fullscreen transition's event before going on without it. */
  fullScreenDeadlineMs: number;
}

/**
 * Puts a window where `placement` says, before it goes fullscreen: a fullscreen window moves to
 * another display only by leaving fullscreen, being moved, and entering it again, and on macOS each
 * step is asynchronous (Electron's setFullScreen docs). A window already fullscreen on the right
 * display is left alone, so that nothing flashes out of fullscreen on the audience's screen.
 * A window destroyed on the way is simply no longer placed.
 */
export async function placeWindow(window: PlaceableWindow, placement: WindowPlacement, options: PlaceWindowOptions): Promise<void> {
  if (window.isDestroyed()) return;
  if (options.placementForbidden) {
    if (placement.fullscreen) await setFullScreenAndWait(window, true, options.fullScreenDeadlineMs);
    return;
  }
  const onTargetDisplay = options.screen.getDisplayMatching(window.getBounds()).id === placement.displayId;
  if (onTargetDisplay && window.isFullScreen()) return;
  if (window.isFullScreen()) await setFullScreenAndWait(window, false, options.fullScreenDeadlineMs);
  if (window.isDestroyed()) return;
  window.setBounds(placement.bounds);
  if (placement.fullscreen) await setFullScreenAndWait(window, true, options.fullScreenDeadlineMs);
}

/** Out of fullscreen, then back to `bounds`, once the system has put back the frame it kept. */
export async function leaveFullScreen(window: PlaceableWindow, bounds: ScreenRect | null, options: PlaceWindowOptions): Promise<void> {
  if (window.isDestroyed()) return;
  await setFullScreenAndWait(window, false, options.fullScreenDeadlineMs);
  if (bounds && !window.isDestroyed()) window.setBounds(bounds);
}

/**
 * Asks for a fullscreen state and resolves on its event, when the window closes, or at the deadline:
 * a window manager that never confirms must not leave the presentation waiting forever.
 */
function setFullScreenAndWait(window: PlaceableWindow, flag: boolean, deadlineMs: number): Promise<void> {
  if (window.isDestroyed() || window.isFullScreen() === flag) return Promise.resolve();
  // Typed as one of the two names: once()'s overloads take one literal event name each.
  const event = (flag ? 'enter-full-screen' : 'leave-full-screen') as 'enter-full-screen';
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(deadline);
      window.removeListener(event, done);
      window.removeListener('closed', done);
      resolve();
    };
    const deadline = setTimeout(done, deadlineMs);
    window.once(event, done);
    window.once('closed', done);
    window.setFullScreen(flag);
  });
}
