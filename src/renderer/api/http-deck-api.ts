import { HTTP_ROUTES, type DeckApi } from '../../shared/api';
import type { Deck } from '../../shared/deck/model';
import { createHttpDrawingApi } from './http-drawing-api';
import { failureOf } from './http-failure';
import { createHttpPresenterLink } from './http-presenter-link';
import { createHttpRehearsalApi } from './http-rehearsal-api';
import { onServerEvent } from './shared-event-stream';

/**
 * Serve mode's side of the DeckApi contract. Requests are relative to the page, which the server
 * serves under the per-run token's path (`/<token>/`): each request carries the token that way,
 * never as a cookie, which the browser would also send to every other port of the host.
 */
export function createHttpDeckApi(options: { follower: boolean; slideHtml?: boolean } = { follower: false }): DeckApi {
  // A print page asks for its slides' HTML rendered by the server (Slide.html).
  const deckUrl = relative(HTTP_ROUTES.deck) + (options.slideHtml ? '?html' : '');
  /** The deck as last read, as text: the change stream opens late and catches up by comparing with it. */
  let lastDeckText: string | undefined;
  const readDeckText = async (): Promise<string> => {
    const response = await fetch(deckUrl, { cache: 'no-store' });
    if (!response.ok) throw await failureOf(response);
    return response.text();
  };
  return {
    ...createHttpPresenterLink(options),
    ...createHttpRehearsalApi(),
    ...createHttpDrawingApi(options),
    async loadDeck() {
      lastDeckText = await readDeckText();
      return JSON.parse(lastDeckText) as Deck;
    },
    onDeckChanged(listener) {
      const catchUp = (): void => {
        void readDeckText()
          .then((text) => {
            if (text === lastDeckText) return;
            lastDeckText = text;
            listener(JSON.parse(text) as Deck);
          })
          .catch(() => undefined);
      };
      return onServerEvent(
        relative(HTTP_ROUTES.events),
        'deck',
        (data) => {
          lastDeckText = data;
          listener(JSON.parse(data) as Deck);
        },
        catchUp,
      );
    },
  };
}

function relative(route: string): string {
  return route.replace(/^\//, '');
}
