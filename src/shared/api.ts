import type { Deck } from './deck/model';

/**
 * The one contract between the UI and its host. The Electron preload exposes exactly these methods
 * (as `window.podium`); serve mode speaks the same contract over HTTP.
 */
export interface DeckApi {
  /** The deck as the host has loaded it from disk. */
  loadDeck(): Promise<Deck>;
  /** Calls `listener` with the new deck whenever a file of the deck changes; returns an unsubscribe. */
  onDeckChanged(listener: (deck: Deck) => void): () => void;
}

/** IPC channels of the app, one per contract method or event. */
export const IPC_CHANNELS = {
  loadDeck: 'podium:load-deck',
  deckChanged: 'podium:deck-changed',
} as const;

/** Serve mode's HTTP routes for the same contract. */
export const HTTP_ROUTES = {
  deck: '/api/deck',
  /** Server-sent events: one `deck` event per change, carrying the deck as JSON. */
  events: '/api/events',
} as const;

/** Deck files are served below this path, relative to the page, in the app and in serve mode. */
export const DECK_ASSET_PREFIX = 'deck/';

/** The page's query parameter that selects the print layout used by every PDF export. */
export const PRINT_VIEW_QUERY = 'view=print';

/** Set on <html> once the slides are laid out and their images and fonts have loaded. */
export const READY_ATTRIBUTE = 'data-podium-ready';
