import type { IncomingMessage } from 'node:http';
import { HTTP_ROUTES } from '../../shared/api';
import { isEditMethod, isValidEditCall, type DeckEditApi, type EditMethod } from '../../shared/edit/edit-api';
import { errorReportOf, type ErrorReport } from '../../shared/error-report';
import { PodiumError } from '../../shared/errors';
import { errorBody } from './error-body';
import { MAX_SEGMENT_BYTES } from '../deck/load-deck';
import type { ServeRole } from './write-guard';
import { readBody } from './read-body';
import { writeRefusal } from './write-guard';
import { explainWriteFailure } from '../fs/write-failure';

export interface EditReply {
  status: number;
  /** JSON: `{"result": …}`, or an error's `{"message": "…", "kind": "…"}` (error-body.ts). */
  body: string;
}

const reply = (status: number, value: object): EditReply => ({ status, body: JSON.stringify(value) });
const error = (status: number, failure: ErrorReport | string): EditReply => ({ status, body: errorBody(failure) });

/**
 * Serve mode's side of DeckEditApi: `POST /api/edit/<method>` with `{"args": [...]}`. Only the
 * presenter's token may write, only from a page of this server (its Origin: another site open in
 * the same browser cannot), and only with arguments of the method's shapes.
 */
export async function handleEditRequest(
  request: IncomingMessage,
  pathname: string,
  editor: DeckEditApi,
  role: ServeRole,
): Promise<EditReply> {
  if (request.method !== 'POST') return error(405, 'edits are POSTed');
  const refusal = writeRefusal(request, role, 'edit the deck');
  if (refusal) return error(403, refusal);
  // A segment's text, JSON-escaped, is at most a few times the segment limit.
  const body = await readBody(request, 4 * MAX_SEGMENT_BYTES);
  if (body === null) return error(413, 'too large');
  const method = pathname.slice(HTTP_ROUTES.edit.length);
  if (!isEditMethod(method)) return error(404, `no such edit method: ${method}`);
  let args: unknown;
  try {
    args = (JSON.parse(body) as { args?: unknown }).args;
  } catch {
    return error(400, 'expected {"args": [...]}');
  }
  if (!isValidEditCall(method, args)) return error(400, `not a valid call: ${method}`);
  try {
    const call = editor[method as EditMethod] as (...values: unknown[]) => Promise<unknown>;
    return reply(200, { result: (await call(...args)) ?? null });
  } catch (failure) {
    if (failure instanceof PodiumError) return error(400, errorReportOf(failure));
    // EROFS, EACCES, ENOSPC…: the save did not happen and the editor keeps the text.
    return error(500, explainWriteFailure(failure));
  }
}
