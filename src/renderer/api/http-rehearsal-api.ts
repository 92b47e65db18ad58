import { HTTP_ROUTES, type DeckApi } from '../../shared/api';
import { parseRehearsal } from '../../shared/present/rehearsal';
import { failureOf } from './http-failure';

type RehearsalApi = Pick<DeckApi, 'loadRehearsal' | 'saveRehearsal'>;

const ROUTE = HTTP_ROUTES.rehearsal.replace(/^\//, '');

/** Serve mode's side of the rehearsal methods; the server checks token, Origin and shape on a save. */
export function createHttpRehearsalApi(): RehearsalApi {
  return {
    async loadRehearsal() {
      const response = await fetch(ROUTE, { cache: 'no-store' });
      if (!response.ok) throw await failureOf(response);
      return parseRehearsal(await response.json());
    },
    async saveRehearsal(rehearsal) {
      const response = await fetch(ROUTE, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(rehearsal),
      });
      if (!response.ok) throw await failureOf(response);
    },
  };
}
