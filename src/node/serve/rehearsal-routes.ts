import type { IncomingMessage } from 'node:http';
import { parseRehearsal } from '../../shared/present/rehearsal';
import { readRehearsal, writeRehearsal } from '../present/rehearsal-file';
import type { ServeRole } from './write-guard';
import { readBody } from './read-body';
import { writeRefusal } from './write-guard';
import { explainWriteFailure } from '../fs/write-failure';
import { errorBody } from './error-body';

export interface RehearsalReply {
  status: number;
  /** JSON: the rehearsal (or null), nothing on a save, or an error's `{"message": "…"}` (error-body.ts). */
  body: string;
}

/** A rehearsal of a long deck, a few dozen bytes per slide, is well below this. */
const MAX_REHEARSAL_BYTES = 128 * 1024;

const error = (status: number, message: string): RehearsalReply => ({ status, body: errorBody(message) });

/**
 * Serve mode's side of `loadRehearsal` and `saveRehearsal` on `/api/rehearsal`: GET reads the
 * deck's last rehearsal; POST saves one, and only the presenter's token may, only from a page of
 * this server (its Origin), and only with a body of a rehearsal's shape.
 */
export async function handleRehearsalRequest(
  request: IncomingMessage,
  root: string,
  role: ServeRole,
): Promise<RehearsalReply> {
  // The presenter's timings are the presenter's: the audience's token reads none of them.
  if (role !== 'presenter') return error(403, 'only the presenter reads or saves rehearsals');
  if (request.method === 'GET') return { status: 200, body: JSON.stringify(await readRehearsal(root)) };
  if (request.method !== 'POST') return error(405, 'read a rehearsal with GET, save one with POST');
  const refusal = writeRefusal(request, role, 'save a rehearsal');
  if (refusal) return error(403, refusal);
  const body = await readBody(request, MAX_REHEARSAL_BYTES);
  if (body === null) return error(413, 'too large for a rehearsal');
  let rehearsal = null;
  try {
    rehearsal = parseRehearsal(JSON.parse(body));
  } catch {
    rehearsal = null;
  }
  if (rehearsal === null) return error(400, 'expected {"recordedAt": n, "slides": [{"h": n, "v": n, "ms": n}]}');
  try {
    await writeRehearsal(root, rehearsal);
  } catch (failure) {
    return error(500, `the rehearsal was not saved: ${explainWriteFailure(failure)}`);
  }
  return { status: 204, body: '' };
}
