/// <reference types="vite/client" />
import type { DeckApi } from '../shared/api';
import type { DeckEditApi } from '../shared/edit/edit-api';

declare global {
  interface Window {
    /** The app's preload API; absent in serve mode, where the same contract runs over HTTP. */
    podium?: DeckApi;
    /** The app's editing API (the preload); absent in serve mode, where it runs over HTTP. */
    podiumEdit?: DeckEditApi;
  }
}
