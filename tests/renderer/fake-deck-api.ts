import type { DeckApi } from '../../src/shared/api';
import type { Deck } from '../../src/shared/deck/model';
import type { DrawingMessage } from '../../src/shared/present/drawing';
import type { PresenterState } from '../../src/shared/present/presenter-state';

/**
 * The DeckApi host of the views' tests: it serves `deck`, records the presenter states a view sends,
 * and keeps every listener a view registers, so that a test can call them and see the view stop listening.
 */
export function fakeDeckApi(deck: Deck) {
  const deckListeners = new Set<(deck: Deck) => void>();
  const stateListeners = new Set<(state: PresenterState) => void>();
  const drawingListeners = new Set<(message: DrawingMessage) => void>();
  const sent: PresenterState[] = [];
  const api: DeckApi = {
    loadDeck: async () => deck,
    onDeckChanged: (listener) => (deckListeners.add(listener), () => deckListeners.delete(listener)),
    sendPresenterState: (state) => void sent.push(state),
    onPresenterState: (listener) => (stateListeners.add(listener), () => stateListeners.delete(listener)),
    openSpeakerView: () => undefined,
    loadRehearsal: async () => null,
    saveRehearsal: async () => undefined,
    sendDrawing: () => undefined,
    onDrawing: (listener) => (drawingListeners.add(listener), () => drawingListeners.delete(listener)),
    saveDrawings: async () => undefined,
  };
  return { api, deckListeners, stateListeners, drawingListeners, sent };
}
