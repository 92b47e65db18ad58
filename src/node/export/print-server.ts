import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { DECK_ASSET_PREFIX, HTTP_ROUTES } from '../../shared/api';
import { CONTENT_SECURITY_POLICY_HEADER, DECK_FILE_CONTENT_SECURITY_POLICY } from '../../shared/csp';
import type { Deck } from '../../shared/deck/model';
import { messageOf, PodiumError } from '../../shared/errors';
import { withSlideHtml } from '../../shared/render/deck-html';
import { contentTypeOf, deckFileContentTypeOf, resolveDeckFile } from '../deck/deck-files';
import type { LoadedDeck } from '../deck/load-deck';
import { sendFile } from './send-file';
import { readDrawings } from '../present/drawings-file';

/** The headers of every answer, from serve mode's server and the print server alike. */
export const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
  'X-Content-Type-Options': 'nosniff',
  // frame-ancestors in the CSP, and this for browsers that read only the older header.
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { ...headers, 'Content-Type': contentType, ...SECURITY_HEADERS });
  response.end(body);
}

/** Each version of a deck with its slides' HTML (`GET /api/deck?html`), rendered once. */
const withHtml = new WeakMap<LoadedDeck, Promise<Deck>>();

/** `version`'s deck with its slides' HTML, as a print page asks for it; rendered once per version. */
function deckWithSlideHtml(version: LoadedDeck): Promise<Deck> {
  let rendered = withHtml.get(version);
  if (!rendered) {
    rendered = withSlideHtml(version.deck);
    withHtml.set(version, rendered);
  }
  return rendered;
}

/** What a renderer page is served: one deck version, and what a page of it may see. */
export interface PageSource {
  loaded: LoadedDeck;
  rendererDir: string;
  /** The deck as this page may read it (serve mode's followers get it without notes). */
  deckFor?: (deck: Deck) => Deck;
  /** Deck files this page may not read, though they exist (a follower's: the sources). */
  hides?: (file: string) => Promise<boolean>;
}

/**
 * What every renderer page reads from its server, a GET or HEAD at `path` (from the page's own
 * folder, with its leading slash): `api/deck` (`?html`: with the slides' HTML), the deck's files
 * under `deck/`, and the renderer's own files.
 */
export async function answerPageRequest(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  search: URLSearchParams,
  source: PageSource,
): Promise<void> {
  const { loaded } = source;
  if (path === HTTP_ROUTES.deck) {
    const deck = search.has('html') ? await deckWithSlideHtml(loaded) : loaded.deck;
    return send(response, 200, 'application/json; charset=utf-8', JSON.stringify(source.deckFor ? source.deckFor(deck) : deck));
  }
  const deckPrefix = '/' + DECK_ASSET_PREFIX;
  const fromDeck = path.startsWith(deckPrefix);
  const file = fromDeck
    ? await resolveDeckFile(loaded.root, path.slice(deckPrefix.length))
    : await resolveDeckFile(source.rendererDir, path === '/' ? 'index.html' : path.slice(1));
  if (file === null || (fromDeck && (await source.hides?.(file)))) {
    return send(response, 404, 'text/plain; charset=utf-8', 'podium: not found');
  }
  return sendFile(request, response, file, {
    ...SECURITY_HEADERS,
    ...(fromDeck
      ? { 'Content-Security-Policy': DECK_FILE_CONTENT_SECURITY_POLICY, 'Content-Type': deckFileContentTypeOf(file) }
      : { 'Content-Type': contentTypeOf(file) }),
  });
}

/** Where print pages live on a server: `/print/<id>/`, one id per page, never guessed. */
const PRINT_PREFIX = '/print/';

/** A print page of one deck: its path on the server, the deck it shows, and its end. */
export interface PrintPage {
  /** `/print/<id>/`: the renderer's page, with `api/deck` and `deck/` beside it. */
  readonly path: string;
  /** The page's deck from now on (`export --watch`: the page refreshes in place). */
  show(loaded: LoadedDeck): void;
  remove(): void;
}

/**
 * The print pages of a server, each showing one deck version at a path of its own: what an export
 * prints is the deck it checked, whatever the server shows its other pages meanwhile. A page's
 * path carries 24 random bytes, as a token does; serve mode also asks its token.
 */
export class PrintPages {
  private readonly pages = new Map<string, LoadedDeck>();

  constructor(private readonly rendererDir: string) {}

  add(loaded: LoadedDeck): PrintPage {
    const id = randomBytes(24).toString('base64url');
    const pages = this.pages;
    const show = (version: LoadedDeck): void => {
      pages.set(id, version);
      // Its page asks for the slides' HTML as soon as it starts: the server has nothing else to do meanwhile.
      deckWithSlideHtml(version).catch(() => undefined);
    };
    show(loaded);
    return { path: `${PRINT_PREFIX}${id}/`, show, remove: () => void pages.delete(id) };
  }

  handles(pathname: string): boolean {
    return pathname.startsWith(PRINT_PREFIX);
  }

  /** Answers a GET or HEAD under `/print/`; an unknown (or removed) page is not found. */
  handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> | void {
    const end = url.pathname.indexOf('/', PRINT_PREFIX.length);
    const loaded = end < 0 ? undefined : this.pages.get(url.pathname.slice(PRINT_PREFIX.length, end));
    if (loaded === undefined) return send(response, 404, 'text/plain; charset=utf-8', 'podium: not found');
    // `--drawings`: the print page lays the drawings saved beside the deck over their slides.
    if (url.pathname.slice(end) === HTTP_ROUTES.drawings) {
      return readDrawings(loaded.root).then(
        (drawings) => send(response, 200, 'application/json; charset=utf-8', JSON.stringify(drawings)),
        (error: unknown) => send(response, 500, 'application/json; charset=utf-8', JSON.stringify({ message: messageOf(error) })),
      );
    }
    return answerPageRequest(request, response, url.pathname.slice(end), url.searchParams, { loaded, rendererDir: this.rendererDir });
  }
}

/** A server of print pages, seen by the export that prints them. */
export interface PrintHost {
  /** Serves `loaded` on a print page; `url` is the page's, its query string begun (it ends in `?` or `&`). */
  openPrintPage(loaded: LoadedDeck): PrintPage & { url: string };
}

export interface PrintServer extends PrintHost {
  close(): Promise<void>;
}

/**
 * The print server of `podium export` and `podium check`: the renderer's files, the deck's JSON
 * and the deck's files, for headless Chromium's print pages, on a free loopback port, and nothing
 * else (serve mode's server adds its own routes on top of the same pages, deck-server.ts).
 */
export async function startPrintServer(rendererDir: string): Promise<PrintServer> {
  const pages = new PrintPages(rendererDir);
  const host = '127.0.0.1';
  let ownHosts = new Set<string>();
  const server = createServer((request, response) => {
    const answer = async (): Promise<void> => {
      const url = new URL(request.url ?? '/', 'http://placeholder');
      if (!ownHosts.has((request.headers.host ?? '').toLowerCase())) {
        return send(response, 403, 'text/plain; charset=utf-8', 'podium: foreign Host header refused');
      }
      if ((request.method !== 'GET' && request.method !== 'HEAD') || !pages.handles(url.pathname)) {
        return send(response, 404, 'text/plain; charset=utf-8', 'podium: not found');
      }
      return pages.handle(request, response, url);
    };
    answer().catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', `podium: ${String(error)}`);
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(new PodiumError('runtime', `cannot listen on ${host}: ${error.code ?? error.message}`)));
    server.listen(0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  ownHosts = ownHostHeaders(host, port);
  const origin = `http://${host}:${port}`;
  return {
    openPrintPage(loaded) {
      const page = pages.add(loaded);
      return { ...page, url: `${origin}${page.path}?` };
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

/**
 * The Host headers a request to this server may carry: loopback names, the address it listens on,
 * and, listening on every interface (`--host 0.0.0.0`, asked for to reach the LAN), each of this
 * machine's addresses and its name. Any other name is a DNS-rebinding page, refused.
 */
export function ownHostHeaders(host: string, port: number): Set<string> {
  const names = new Set(['localhost', '127.0.0.1', '[::1]', host.includes(':') ? `[${host}]` : host]);
  if (host === '0.0.0.0' || host === '::') {
    for (const addresses of Object.values(networkInterfaces())) {
      for (const { address, family } of addresses ?? []) names.add(family === 'IPv6' ? `[${address}]` : address);
    }
    names.add(hostname());
    names.add(`${hostname()}.local`);
  }
  return new Set([...names].map((name) => `${name.toLowerCase()}:${port}`));
}
