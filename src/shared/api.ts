import type { Deck } from './deck/model';
import type { DrawingMessage, SavedDrawings } from './present/drawing';
import type { PresenterState } from './present/presenter-state';
import type { Rehearsal } from './present/rehearsal';

/**
 * The one contract between the UI and its host. The Electron preload exposes exactly these methods
 * (as `window.podium`); serve mode speaks the same contract over HTTP.
 */
export interface DeckApi {
  /** The deck as the host has loaded it from disk. */
  loadDeck(): Promise<Deck>;
  /** Calls `listener` with the new deck whenever a file of the deck changes; returns an unsubscribe. */
  onDeckChanged(listener: (deck: Deck) => void): () => void;
  /** Tells the other windows of the talk (speaker view, followers) where the presenter now is. */
  sendPresenterState(state: PresenterState): void;
  /** Calls `listener` when another window of the talk moves; returns an unsubscribe. */
  onPresenterState(listener: (state: PresenterState) => void): () => void;
  /** Opens the speaker view (or brings it forward) on the presenter's current slide. */
  openSpeakerView(): void;
  /** The deck's last rehearsal (`.podium/rehearsal.json`), or null when it has none. */
  loadRehearsal(): Promise<Rehearsal | null>;
  /** Saves a rehearsal run beside the deck, replacing the last one. */
  saveRehearsal(rehearsal: Rehearsal): Promise<void>;
  /** Tells the other windows of the talk and followers of a stroke, an erase, an undo, a clear or the laser. */
  sendDrawing(message: DrawingMessage): void;
  /**
   * Calls `listener` with each drawing message of another window; first (kind `all`) with every
   * page the host holds: the saved drawings and what the talk has drawn since. Returns an unsubscribe.
   */
  onDrawing(listener: (message: DrawingMessage) => void): () => void;
  /** Saves the drawings beside the deck (`.podium/drawings.json`, atomically), replacing the saved ones. */
  saveDrawings(drawings: SavedDrawings): Promise<void>;
}

/**
 * A file or folder dropped on the app's window, as the page holds it: a DOM `File`, named here
 * by the one property this contract reads so that shared/ needs no DOM types.
 */
interface DroppedFile {
  readonly name: string;
}

/** The app only (absent in serve mode, where the browser owns a drop): open what was dropped. */
export interface DeckDropApi {
  /**
   * Opens a dropped deck folder or `.md` file as the deck in place of the open one; the main
   * process checks the path, and says in an error box why it cannot open anything else.
   */
  openDroppedDeck(file: DroppedFile): Promise<void>;
}

/** IPC channels of the app, one per contract method or event. */
export const IPC_CHANNELS = {
  /** One channel for every DeckEditApi call: `(method, args)`, checked against the method's shapes. */
  edit: 'podium:edit',
  loadDeck: 'podium:load-deck',
  deckChanged: 'podium:deck-changed',
  sendPresenterState: 'podium:send-presenter-state',
  presenterState: 'podium:presenter-state',
  openSpeakerView: 'podium:open-speaker-view',
  loadRehearsal: 'podium:load-rehearsal',
  saveRehearsal: 'podium:save-rehearsal',
  sendDrawing: 'podium:send-drawing',
  drawing: 'podium:drawing',
  loadDrawings: 'podium:load-drawings',
  saveDrawings: 'podium:save-drawings',
  /** ExportApi: `exportPdf(choices)`, its progress events, and File > Export PDF… asking the page for its dialog. */
  exportPdf: 'podium:export-pdf',
  exportPptx: 'podium:export-pptx',
  exportProgress: 'podium:export-progress',
  exportRequested: 'podium:export-requested',
  /** WelcomeApi: one channel per choice of the welcome window. */
  welcomeRecentDecks: 'podium:welcome-recent-decks',
  welcomeOpenRecent: 'podium:welcome-open-recent',
  welcomeOpenFolder: 'podium:welcome-open-folder',
  welcomeNewDeck: 'podium:welcome-new-deck',
  welcomeOpenSample: 'podium:welcome-open-sample',
  /** DeckDropApi: the path of a dropped folder or `.md` file. */
  openDroppedDeck: 'podium:open-dropped-deck',
  /** RemoteApi: the phone remote's status and switch, the speaker view's clock, and the phone's steps and laser. */
  remoteStatus: 'podium:remote-status',
  setRemote: 'podium:set-remote',
  sendRemoteClock: 'podium:send-remote-clock',
  remoteCommand: 'podium:remote-command',
} as const;

/** Serve mode's HTTP routes for the same contract. */
export const HTTP_ROUTES = {
  deck: '/api/deck',
  /**
   * Server-sent events: one `deck` event per change, carrying the deck as JSON; for the presenter's
   * windows, the phone remote's `step` (RemoteStep) and `laser` (DrawingMessage) too.
   */
  events: '/api/events',
  /** POST by the presenter's windows: where the presenter now is (JSON PresenterState). */
  presenter: '/api/presenter',
  /** Server-sent events for followers: one `presenter` event per move, carrying the state as JSON. */
  presenterEvents: '/api/presenter/events',
  /** POST `/api/edit/<method>` with `{"args": [...]}`: the DeckEditApi contract, presenter only. */
  edit: '/api/edit/',
  /** GET: the deck's last rehearsal (JSON, or null); POST by the presenter: save one. */
  rehearsal: '/api/rehearsal',
  /** POST by the presenter's windows: one DrawingMessage, passed on to followers as `drawing` events. */
  drawing: '/api/drawing',
  /** GET: the talk's drawings so far (SavedDrawings); POST by the presenter: save them beside the deck. */
  drawings: '/api/drawings',
  /** POST by the presenter with the ExportChoices as JSON: answers with the PDF as a download. */
  exportPdf: '/api/export/pdf',
  /** POST by the presenter with PptxExportChoices as JSON: answers with the PPTX as a download. */
  exportPptx: '/api/export/pptx',
  /** GET by the presenter: the phone remote's RemoteStatus; POST `{"on": bool}`: turn it on or off. */
  remote: '/api/remote',
  /** POST by the speaker view: its RemoteClock, for the phone. */
  remoteClock: '/api/remote/clock',
  /** Server-sent events for the phone (the remote's token): one `remote` event (RemoteView) per change. */
  remoteEvents: '/api/remote/events',
  /** POST by the phone: `{"direction": "next"|"previous"}`. */
  remoteStep: '/api/remote/step',
} as const;

/** Deck files are served below this path, relative to the page, in the app and in serve mode. */
export const DECK_ASSET_PREFIX = 'deck/';

/** The page's query parameter for the edit view: segments, Markdown editor and live preview. */
export const EDIT_VIEW_QUERY = 'view=edit';
/** The page's query parameter values of the other views: the speaker view and a read-only follower. */
export const SPEAKER_VIEW_QUERY = 'view=speaker';
export const FOLLOW_VIEW_QUERY = 'view=follow';
/** The app's welcome window, shown when it is started without a deck: open, recent, new. */
export const WELCOME_VIEW_QUERY = 'view=welcome';

/** Set on <html> once the slides are laid out and their images and fonts have loaded. */
export const READY_ATTRIBUTE = 'data-podium-ready';

/**
 * The print page's function (on `window`) that rebuilds the slides whose text changed and resolves
 * true, or false when the page must be loaded again: how `podium export --watch` re-exports a save
 * without laying the whole deck out anew.
 */
export const REFRESH_PRINT_FUNCTION = 'podiumRefreshPrint';
