import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerByteRange } from '../deck/byte-range';

/**
 * Streams a file already confined to its folder, with `headers` (its type and security headers).
 * A `Range` request gets 206 and those bytes alone, which is how a `<video>` or `<audio>` seeks;
 * no file is ever read whole into memory, however large a deck's video is.
 */
export async function sendFile(
  request: IncomingMessage,
  response: ServerResponse,
  file: string,
  headers: Record<string, string>,
): Promise<void> {
  const { size } = await stat(file);
  const answer = answerByteRange(request.headers.range, request.headers['if-range']?.toString(), size);
  response.writeHead(answer.status, { ...headers, ...answer.headers });
  if (request.method === 'HEAD' || answer.bytes === null) return void response.end();
  createReadStream(file, answer.bytes).on('error', () => response.destroy()).pipe(response);
}
