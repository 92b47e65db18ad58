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
  return {
    ...createHttpPresenterLink(options),
    ...createHttpRehearsalApi(),
    ...createHttpDrawingApi(options),
    async loadDeck() {
      // A print page asks for its slides' HTML rendered by the server (Slide.html).
      const query = options.slideHtml ? '?html' : '';
      const response = await fetch(relative(HTTP_ROUTES.deck) + query, { cache: 'no-store' });
      if (!response.ok) throw await failureOf(response);
      return (await response.json()) as Deck;
    },
    onDeckChanged(listener) {
      return onServerEvent(relative(HTTP_ROUTES.events), 'deck', (data) => listener(JSON.parse(data) as Deck));
    },
  };
}

function relative(route: string): string {
  return route.replace(/^\//, '');
}
