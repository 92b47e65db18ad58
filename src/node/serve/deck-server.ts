import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { FOLLOW_VIEW_QUERY, HTTP_ROUTES } from '../../shared/api';
import type { Deck, Problem } from '../../shared/deck/model';
import { diskProblems } from '../check/file-problems';
import { DeckWatcher } from '../deck/deck-watcher';
import { loadDeck, type LoadedDeck } from '../deck/load-deck';
import { createDeckEditor } from '../edit/deck-editor';
import { answerPageRequest, ownHostHeaders, PrintPages, SECURITY_HEADERS, send } from '../export/print-server';
import { handleEditRequest } from './edit-routes';
import { FollowHub } from './follow';
import { DRAWING_EVENT, DrawingHub } from './drawing-routes';
import { deckForFollower, isPresenterOnlyFile } from './follower-view';
import type { ServeRole } from './write-guard';
import { handleRehearsalRequest } from './rehearsal-routes';
import { ExportRoute } from './export-route';
import { RemoteHub } from './remote-hub';
import type { ShortenableLimits } from './limits';
import { closeListener, createBoundedServer, listenOn, type SERVER_LIMITS } from './http-listener';
import { answerRemoteRequest, remoteOrigin, tokenMatches } from './remote-server';
import type { RemoteStatus } from '../../shared/present/remote';

/** `limits`: see SERVER_LIMITS. */
export interface DeckServerOptions extends ShortenableLimits<typeof SERVER_LIMITS> {
  deckPath: string;
  /** The built renderer (`out/renderer`). */
  rendererDir: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Reload the page's deck when a file of the deck changes. */
  watch?: boolean;
  onReloadError?: (error: unknown) => void;
  /** The deck as first read and as read again after each change, for a caller that reports on it. */
  onDeckLoaded?: (loaded: LoadedDeck) => void;
  /** Turn the phone remote on from the start (`podium serve --remote`); the speaker view can too. */
  remote?: boolean;
  /** Where the remote listens: every interface by default, for a phone on the same network. */
  remoteHost?: string;
  /** 0 picks a free port. */
  remotePort?: number;
}

export interface DeckServer {
  /**
   * The page's URL, with the per-run token as `/?token=…`: a person may add `&view=edit`. The
   * server answers it with a redirect to the page under the token's path, `/<token>/`.
   */
  url: string;
  /** A read-only URL for the audience: its own token, and a page that follows the presenter. */
  followUrl: string;
  origin: string;
  token: string;
  readonly deck: Deck;
  /** The phone remote: its status, and turning it on (a network listener, a new token) or off. */
  remote: { status(): RemoteStatus; setOn(on: boolean): Promise<RemoteStatus> };
  close(): Promise<void>;
}

/**
 * Serves the renderer and one deck over HTTP, speaking the DeckApi contract: `GET /api/deck`, and
 * server-sent events on `/api/events` when the deck changes. Everything lives under a path that is
 * the per-run token, `/<token>/…`, and every request needs a Host header naming this server, which
 * stops other pages in the browser and DNS-rebinding sites from reading the deck.
 *
 * Why a path and not a cookie: browsers do not scope cookies by port, so a token cookie for
 * 127.0.0.1 is sent to every other server on 127.0.0.1 the browser visits, and that server could
 * then save, delete and export with it. A header the page's script adds cannot be sent by `<img>`,
 * CSS `url()`, fonts, `<video>` Range requests or EventSource; a random `*.localhost` host name
 * does not resolve everywhere (Safari, a follower on the LAN). The page's relative URLs all inherit
 * the token's path, so every request, subresources included, carries it, and only to this origin:
 * another origin learns it from no cookie, and from no Referer (`Referrer-Policy: no-referrer`).
 */
export async function startDeckServer(options: DeckServerOptions): Promise<DeckServer> {
  let loaded: LoadedDeck = await loadDeck(options.deckPath);
  // Sent with the presenter's deck, for the edit view's problem list; exports read `loaded` as is.
  let loadedProblems = await diskProblems(loaded.root, loaded.deck);
  options.onDeckLoaded?.(loaded);
  const token = randomBytes(24).toString('base64url');
  const followToken = randomBytes(24).toString('base64url');
  const drawings: DrawingHub = new DrawingHub((message) => follow.broadcast(DRAWING_EVENT, message));
  const follow = new FollowHub(() => drawings.greeting(), () => remote.changed());
  await drawings.load(loaded.root);
  // The page's Export button prints on this server's own print pages: no second server.
  const printPages = new PrintPages(options.rendererDir);
  let origin = '';
  const exportRoute = new ExportRoute(options.deckPath, {
    openPrintPage(version) {
      const page = printPages.add(version);
      return { ...page, url: `${origin}/${token}${page.path}?` };
    },
  });
  const editor = createDeckEditor(loaded.root);
  const host = options.host ?? '127.0.0.1';
  /** Each open event stream, with the role of the page that opened it. */
  const eventStreams = new Map<ServerResponse, ServeRole>();

  /** One server per listener, each answering with `handle`: this machine's, and the remote's on the network. */
  const createListener = (network: boolean): Server => createBoundedServer(options, (request, response) => handle(request, response, network));
  const server = createListener(false);
  const remoteHost = options.remoteHost ?? '0.0.0.0';
  let networkHosts = new Set<string>();
  const remote = new RemoteHub({
    address: remoteOrigin(remoteHost, options.remotePort ?? 0),
    deck: () => loaded.deck,
    presenterState: () => follow.state,
    broadcastLaser: (message) => drawings.pointLaser(message),
    sendCommand({ name, data }) {
      const event = `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
      for (const [stream, role] of eventStreams) if (role === 'presenter') stream.write(event);
    },
    presenterOpen: () => [...eventStreams.values()].includes('presenter'),
    async listen() {
      const network = createListener(true);
      const port = await listenOn(network, remoteHost, options.remotePort ?? 0);
      networkHosts = ownHostHeaders(remoteHost, port);
      return {
        origin: remoteOrigin(remoteHost, port),
        close: () => closeListener(network),
      };
    },
  });

  async function handle(request: IncomingMessage, response: ServerResponse, network: boolean): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://placeholder');
    if (!(network ? networkHosts : ownHosts).has((request.headers.host ?? '').toLowerCase())) {
      return send(response, 403, 'text/plain; charset=utf-8', 'podium: foreign Host header refused');
    }
    const scoped = SCOPED_PATH.exec(url.pathname);
    const entry = url.pathname === '/' ? url.searchParams.get('token') : null;
    const given = entry ?? scoped?.[1] ?? null;
    const role = roleOf(given);
    // The network listener is the remote's alone; a revoked remote token learns nothing either.
    if ((network && role !== 'remote') || (role === null && given !== null && remote.isRevoked(given))) {
      return send(response, 403, 'text/plain; charset=utf-8', 'podium: refused');
    }
    if (role === 'remote') return answerRemoteRequest(remote, request, response, entry === null ? (scoped?.[2] ?? null) : null, options.rendererDir);
    if (role === null) {
      return send(
        response,
        401,
        'text/plain; charset=utf-8',
        'podium: open the URL that `podium serve` printed; it carries this run\'s token',
      );
    }
    // The printed URL (`/?token=…&view=edit`) and a token's path without its slash move to the
    // token's path, whose relative URLs carry the token.
    if (entry !== null || scoped?.[2] === undefined) {
      url.searchParams.delete('token');
      const location = `/${role === 'presenter' ? token : followToken}/${url.search}`;
      return send(response, 303, 'text/plain; charset=utf-8', '', { Location: location });
    }
    const pathname = scoped[2];
    if (remote.handlesPresenter(pathname)) {
      const answer = await remote.handlePresenter(request, pathname, role);
      return send(response, answer.status, 'application/json; charset=utf-8', answer.body);
    }
    if (pathname.startsWith(HTTP_ROUTES.edit)) {
      const edit = await handleEditRequest(request, pathname, editor, role);
      return send(response, edit.status, 'application/json; charset=utf-8', edit.body);
    }
    if (pathname === HTTP_ROUTES.rehearsal) {
      const rehearsal = await handleRehearsalRequest(request, loaded.root, role);
      return send(response, rehearsal.status, 'application/json; charset=utf-8', rehearsal.body);
    }
    if (drawings.handles(pathname)) {
      const drawn = await drawings.handle(request, pathname, loaded.root, role);
      return send(response, drawn.status, 'application/json; charset=utf-8', drawn.body);
    }
    if (exportRoute.handles(pathname)) {
      const exported = await exportRoute.handle(request, pathname, role, loaded.deck);
      return send(response, exported.status, exported.headers['Content-Type'] ?? '', exported.body, exported.headers);
    }
    if (follow.handles(pathname)) {
      const reply = await follow.handle(request, response, pathname, role);
      if (reply) send(response, reply.status, 'text/plain; charset=utf-8', reply.message);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return send(response, 405, 'text/plain; charset=utf-8', 'podium: read-only');
    }

    if (pathname === HTTP_ROUTES.events) {
      response.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/event-stream',
        Connection: 'keep-alive',
      });
      response.write(': connected\n\n');
      eventStreams.set(response, role);
      // The phone shows whether a presentation is open to move.
      remote.changed();
      request.on('close', () => {
        eventStreams.delete(response);
        remote.changed();
      });
      return;
    }
    // Serve mode's exports print here (export-route.ts): pages of the deck as the export read it.
    if (printPages.handles(pathname)) {
      if (role !== 'presenter') return send(response, 404, 'text/plain; charset=utf-8', 'podium: not found');
      return printPages.handle(request, response, new URL(`${pathname}${url.search}`, url));
    }
    return answerPageRequest(request, response, pathname, url.searchParams, {
      loaded,
      rendererDir: options.rendererDir,
      deckFor: (deck) => deckFor(role, deck, loadedProblems),
      // A follower's page needs the deck's images, never its sources: they hold the speaker notes.
      hides: role === 'follower' ? (file) => isPresenterOnlyFile(loaded.root, file) : undefined,
    });
  }

  const port = await listenOn(server, host, options.port ?? 0);
  const ownHosts = ownHostHeaders(host, port);
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  let watcher: DeckWatcher | null = null;
  // Reloads can overlap: one that finishes after a later one must not put its older deck back.
  let reloadsStarted = 0;
  let reloadShown = 0;
  if (options.watch) {
    watcher = new DeckWatcher(loaded.root, () => {
      const reload = ++reloadsStarted;
      loadDeck(options.deckPath)
        .then(async (next) => {
          const problems = await diskProblems(next.root, next.deck);
          if (reload < reloadShown) return;
          reloadShown = reload;
          loadedProblems = problems;
          loaded = next;
          options.onDeckLoaded?.(next);
          remote.changed();
          const payloads = new Map<ServeRole, string>();
          for (const [stream, role] of eventStreams) {
            let payload = payloads.get(role);
            if (payload === undefined) {
              payload = `event: deck\ndata: ${JSON.stringify(deckFor(role, next.deck, loadedProblems))}\n\n`;
              payloads.set(role, payload);
            }
            stream.write(payload);
          }
        })
        .catch((error: unknown) => options.onReloadError?.(error));
    }, (error) => options.onReloadError?.(error));
    await watcher.ready();
  }

  function roleOf(given: string | null): ServeRole | null {
    if (tokenMatches(given, token)) return 'presenter';
    if (tokenMatches(given, remote.currentToken)) return 'remote';
    return tokenMatches(given, followToken) ? 'follower' : null;
  }
  if (options.remote) await remote.setOn(true);

  return {
    url: `${origin}/?token=${token}`,
    followUrl: `${origin}/?token=${followToken}&${FOLLOW_VIEW_QUERY}`,
    origin,
    token,
    get deck() {
      return loaded.deck;
    },
    remote: { status: () => remote.status(), setOn: (on) => remote.setOn(on) },
    async close() {
      // Stop listening first: a page's EventSource reconnects at once, and a connection accepted
      // after closeAllConnections() would keep close() waiting for ever.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const stream of eventStreams.keys()) stream.end();
      follow.close();
      await remote.close();
      server.closeAllConnections();
      await watcher?.close();
      await closed;
    },
  };
}

function deckFor(role: ServeRole, deck: Deck, problems: Problem[]): Deck {
  return role === 'presenter' ? { ...deck, problems } : deckForFollower(deck);
}

/** `/<token>` and the path under it, from its slash on (none when the URL stops at the token). */
const SCOPED_PATH = /^\/([^/]+)(\/.*)?$/;


