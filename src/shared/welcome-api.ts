/** A deck opened before, as the welcome window lists it. */
export interface RecentDeck {
  /** The deck's folder, or its single `.md` file. */
  path: string;
  title: string;
}

/**
 * The welcome window's contract (app only, `window.podiumWelcome`). Each `open…` resolves true when
 * a deck was opened (the window then shows it), false when the person cancelled a dialog, and
 * rejects with a sentence when the deck cannot be opened.
 */
export interface WelcomeApi {
  recentDecks(): Promise<RecentDeck[]>;
  /** Only a path `recentDecks` listed: the page cannot name any other. */
  openRecent(path: string): Promise<boolean>;
  openFolder(): Promise<boolean>;
  /** Asks where to create the new deck's folder, fills it from the template and opens it. */
  newDeck(): Promise<boolean>;
  /** The Paris 2024 closing ceremony recap that comes with the app. */
  openSample(): Promise<boolean>;
}
