import { app } from 'electron';

/**
 * macOS's 'open-file' (a deck folder or `.md` dropped on the dock icon, or opened with Podium from
 * the Finder). Electron may emit it before 'ready', even before the app has a window, when the file
 * is what launched the app (docs/api/app.md, event 'open-file'): such a path waits, and becomes
 * the first deck instead of the command line's. Listen at once, before 'ready'.
 */
export class OpenFileQueue {
  private waiting: string | null = null;
  private openDeck: ((path: string) => void) | null = null;

  constructor() {
    app.on('open-file', (event, path) => {
      // Handled here: without preventDefault, macOS is told the app could not open the file.
      event.preventDefault();
      if (this.openDeck) this.openDeck(path);
      // One deck at a time: of several files opened at once, the last one wins.
      else this.waiting = path;
    });
  }

  /** The path that arrived before 'ready', if any; later paths go to `openDeck` as they arrive. */
  startOpening(openDeck: (path: string) => void): string | null {
    this.openDeck = openDeck;
    const waiting = this.waiting;
    this.waiting = null;
    return waiting;
  }
}
