import { HTTP_ROUTES } from '../../shared/api';
import { EDIT_METHODS, type DeckEditApi, type EditMethod } from '../../shared/edit/edit-api';
import { failureOf } from './http-failure';

/** Serve mode's side of DeckEditApi: one POST per call; the server checks token, Origin and shapes. */
export function createHttpEditApi(): DeckEditApi {
  const call = async (method: EditMethod, args: unknown[]): Promise<unknown> => {
    const response = await fetch(HTTP_ROUTES.edit.replace(/^\//, '') + method, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ args }),
    });
    if (!response.ok) throw await failureOf(response);
    return ((await response.json()) as { result?: unknown }).result;
  };
  return Object.fromEntries(
    EDIT_METHODS.map((method) => [method, (...args: unknown[]) => call(method, args)]),
  ) as unknown as DeckEditApi;
}
