import type { DeckApi } from '../../shared/api';
import { STATIC_PAGE, type StaticPageData } from '../../shared/export/static-page';
import { createWindowPresenterLink } from './window-presenter-link';

/**
 * The DeckApi of a static copy: the deck and its last rehearsal come from the page itself (a
 * JSON data block the export wrote), the speaker view is linked by postMessage, and what needs a
 * host (live reload, saving a rehearsal) does nothing: the static page hides the controls for it.
 */
export function createStaticDeckApi(document: Document, window: Window): DeckApi {
  const data = readPageData(document);
  return {
    ...createWindowPresenterLink(window),
    loadDeck: () => Promise.resolve(structuredClone(data.deck)),
    onDeckChanged: () => () => {},
    loadRehearsal: () => Promise.resolve(data.rehearsal),
    saveRehearsal: () => Promise.reject(new Error('a static copy cannot save a rehearsal')),
    // A static copy draws in each window on its own: there is no host to pass strokes on or save them.
    sendDrawing: () => {},
    onDrawing: () => () => {},
    saveDrawings: () => Promise.reject(new Error('a static copy cannot save drawings')),
  };
}

function readPageData(document: Document): StaticPageData {
  const element = document.getElementById(STATIC_PAGE.dataElementId);
  if (!element?.textContent) throw new Error(`the page has no #${STATIC_PAGE.dataElementId} data: was it written by podium export --html?`);
  const data = JSON.parse(element.textContent) as Partial<StaticPageData>;
  if (!data.deck || !Array.isArray(data.deck.slides)) throw new Error(`#${STATIC_PAGE.dataElementId} holds no deck`);
  return { deck: data.deck, rehearsal: data.rehearsal ?? null };
}
