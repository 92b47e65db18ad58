/// <reference types="vite/client" />
import type { DeckApi, DeckDropApi } from '../shared/api';
import type { DeckEditApi } from '../shared/edit/edit-api';
import type { ExportApi } from '../shared/export/export-api';
import type { WelcomeApi } from '../shared/welcome-api';
import type { RemoteApi } from '../shared/remote-api';

declare global {
  interface Window {
    /** The app's preload API; absent in serve mode, where the same contract runs over HTTP. */
    podium?: DeckApi;
    /** The app's editing API (the preload); absent in serve mode, where it runs over HTTP. */
    podiumEdit?: DeckEditApi;
    /** The app's export API (the preload); absent in serve mode, where it runs over HTTP. */
    podiumExport?: ExportApi;
    /** The app's welcome window API (the preload); serve mode always has a deck and no welcome. */
    podiumWelcome?: WelcomeApi;
    /** The app's way to open a dropped deck (the preload); absent in serve mode. */
    podiumDrop?: DeckDropApi;
    /** The app's phone remote (the preload); absent in serve mode, where it runs over HTTP. */
    podiumRemote?: RemoteApi;
  }
}
