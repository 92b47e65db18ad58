import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { protocol } from 'electron';
import { DECK_ASSET_PREFIX } from '../shared/api';
import { CONTENT_SECURITY_POLICY_HEADER, DECK_FILE_CONTENT_SECURITY_POLICY } from '../shared/csp';
import { answerByteRange } from '../node/deck/byte-range';
import { contentTypeOf, deckFileContentTypeOf, resolveDeckFile } from '../node/deck/deck-files';
import { APP_HOST, APP_PAGE_PATH, APP_SCHEME } from './app-url';

export interface AppProtocolOptions {
  /** The built renderer folder (`out/renderer`): the page, its scripts and styles. */
  rendererDir: string;
  /** The open deck's folder, or `null` while none is open. */
  getDeckRoot: () => string | null;
}

/**
 * Must run before the app is ready. `standard` gives the scheme an origin and relative URLs,
 * `secure` makes it a secure context, `supportFetchAPI` lets the page fetch its deck's files.
 * `stream` makes Chromium's media player read the scheme as it reads http: in byte ranges, which
 * is what lets a `<video>` or `<audio>` seek (Electron's protocol docs, `CustomScheme.privileges`).
 */
export function registerAppSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

export function installAppProtocol(options: AppProtocolOptions): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(options));
}

/**
 * Serves `podium://app/deck/<path>` from the deck folder and every other `podium://app/<path>` from
 * the renderer folder. Both go through `resolveDeckFile`, which confines a request to its folder.
 * A `Range` request gets 206 and those bytes alone, and every file is streamed from disk: a deck's
 * video may be gigabytes, and a seek must not wait for the whole of it.
 */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return notFound();

    const fromDeck = url.pathname.startsWith(`/${DECK_ASSET_PREFIX}`);
    const file = await resolveRequestedFile(url.pathname, options);
    if (file === null) return notFound();
    let size: number;
    try {
      size = (await stat(file)).size;
    } catch {
      // Removed since it was resolved.
      return notFound();
    }
    const answer = answerByteRange(request.headers.get('range'), request.headers.get('if-range'), size);
    const body =
      request.method === 'HEAD' || answer.bytes === null
        ? null
        : (Readable.toWeb(createReadStream(file, answer.bytes)) as ReadableStream<Uint8Array>);
    return new Response(body, {
      status: answer.status,
      headers: {
        ...SECURITY_HEADERS,
        ...answer.headers,
        ...(fromDeck
          ? { 'Content-Security-Policy': DECK_FILE_CONTENT_SECURITY_POLICY, 'Content-Type': deckFileContentTypeOf(file) }
          : { 'Content-Type': contentTypeOf(file) }),
        // Deck files change under the app while it runs; a reload must show the new ones.
        'Cache-Control': 'no-cache',
      },
    });
  };
}

async function resolveRequestedFile(pathname: string, options: AppProtocolOptions): Promise<string | null> {
  const deckPrefix = `/${DECK_ASSET_PREFIX}`;
  if (pathname.startsWith(deckPrefix)) {
    const root = options.getDeckRoot();
    return root === null ? null : resolveDeckFile(root, pathname.slice(deckPrefix.length));
  }
  const inRenderer = pathname === '/' ? APP_PAGE_PATH : pathname;
  return resolveDeckFile(options.rendererDir, inRenderer.slice(1));
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
};

function notFound(): Response {
  return textResponse(404, 'Not found');
}

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
