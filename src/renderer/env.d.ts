/// <reference types="vite/client" />
import type { DeckApi } from '../shared/api';

declare global {
  interface Window {
    /** The app's preload API; absent in serve mode, where the same contract runs over HTTP. */
    podium?: DeckApi;
  }
}
