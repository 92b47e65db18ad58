import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { Deck } from '../../shared/deck/model';
import { buildDeck } from '../../shared/deck/build-deck';
import type { PresenterState } from '../../shared/present/presenter-state';
import type { RemoteClock, RemoteStatus } from '../../shared/present/remote';
import { contentTypeOf, resolveDeckFile } from '../deck/deck-files';
import { ownHostHeaders, SECURITY_HEADERS, send } from '../export/print-server';
import { lanAddresses } from './lan-addresses';
import { RemoteHub, type RemoteCommand } from './remote-hub';
import { closeListener, createBoundedServer, listenOn, type SERVER_LIMITS } from './http-listener';
import type { ShortenableLimits } from './limits';
import { sendFile } from '../export/send-file';

/** The remote's page, and the renderer's built scripts and styles it loads. */
const REMOTE_PAGE = '/remote.html';
const RENDERER_ASSETS = '/assets/';
/** `/<token>` and the path under it, from its slash on (none when the URL stops at the token). */
const SCOPED_PATH = /^\/([^/]+)(\/.*)?$/;

/**
 * A request with the remote's token: the phone's page (`remote.html`) and its scripts, its stream,
 * its steps and its laser, nothing else. The deck, its files and every other route answer 403.
 * `pathname` is the path under the token, null when the URL stops at the token.
 */
export async function answerRemoteRequest(
  hub: RemoteHub,
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string | null,
  rendererDir: string,
): Promise<void> {
  if (pathname === null) {
    return send(response, 303, 'text/plain; charset=utf-8', '', { Location: `/${hub.currentToken ?? ''}/` });
  }
  const page = pathname === '/' ? REMOTE_PAGE : pathname;
  if ((request.method === 'GET' || request.method === 'HEAD') && (page === REMOTE_PAGE || page.startsWith(RENDERER_ASSETS))) {
    const file = await resolveDeckFile(rendererDir, page.slice(1));
    if (file === null) return send(response, 404, 'text/plain; charset=utf-8', 'podium: not found');
    return sendFile(request, response, file, { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(file) });
  }
  const answer = await hub.handleRemote(request, response, pathname);
  if (answer) send(response, answer.status, 'application/json; charset=utf-8', answer.body);
}

/** The origin a phone opens: on every interface, the machine's first network address. */
export function remoteOrigin(host: string, port: number): string {
  const address = host === '0.0.0.0' || host === '::' ? (lanAddresses()[0] ?? '127.0.0.1') : host;
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
}

export function tokenMatches(given: string | null | undefined, token: string | null): boolean {
  if (!given || !token) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `limits`: the bounds of serve mode's listeners (SERVER_LIMITS), which the phone's listener shares. */
export interface AppRemoteOptions extends ShortenableLimits<typeof SERVER_LIMITS> {
  /** The built renderer, where `remote.html` and its assets are. */
  rendererDir: string;
  /** The deck the app shows; null while none is open. */
  deck(): Deck | null;
  presenterState(): PresenterState | null;
  /** Whether a presentation or speaker view is open to move. */
  presenterOpen(): boolean;
  /** Passes the phone's step or laser point on to the app's windows. */
  sendCommand(command: RemoteCommand): void;
  /** Every interface by default, for a phone on the same network; 0 picks a free port. */
  host?: string;
  port?: number;
}

export interface AppRemote {
  status(): RemoteStatus;
  setOn(on: boolean): Promise<RemoteStatus>;
  setClock(clock: RemoteClock): void;
  /** The presenter moved or the deck changed: the phone is shown it. */
  changed(): void;
  close(): Promise<void>;
}

const NO_DECK = buildDeck({ fallbackTitle: '', segments: [] });

/**
 * The desktop app's phone remote: no server at all until the person turns it on; then one that
 * listens on the network and answers only the remote's own token, exactly as serve mode's remote
 * listener does (the phone's page, its stream, its steps and its laser). Turning it off closes the
 * port and revokes the token.
 */
export function createAppRemote(options: AppRemoteOptions): AppRemote {
  const host = options.host ?? '0.0.0.0';
  let hosts = new Set<string>();
  const hub: RemoteHub = new RemoteHub({
    address: remoteOrigin(host, options.port ?? 0),
    deck: () => options.deck() ?? NO_DECK,
    presenterState: options.presenterState,
    presenterOpen: options.presenterOpen,
    // The app has no followers: the laser reaches its windows as a command.
    broadcastLaser: () => undefined,
    sendCommand: options.sendCommand,
    async listen() {
      const server = createBoundedServer(options, handle);
      const port = await listenOn(server, host, options.port ?? 0);
      hosts = ownHostHeaders(host, port);
      return {
        origin: remoteOrigin(host, port),
        close: () => closeListener(server),
      };
    },
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://placeholder');
    if (!hosts.has((request.headers.host ?? '').toLowerCase())) {
      return send(response, 403, 'text/plain; charset=utf-8', 'podium: foreign Host header refused');
    }
    const scoped = SCOPED_PATH.exec(url.pathname);
    const entry = url.pathname === '/' ? url.searchParams.get('token') : null;
    if (!tokenMatches(entry ?? scoped?.[1] ?? null, hub.currentToken)) return send(response, 403, 'text/plain; charset=utf-8', 'podium: refused');
    return answerRemoteRequest(hub, request, response, entry === null ? (scoped?.[2] ?? null) : null, options.rendererDir);
  }

  return {
    status: () => hub.status(),
    setOn: (on) => hub.setOn(on),
    setClock: (clock) => hub.setClock(clock),
    changed: () => hub.changed(),
    close: () => hub.close(),
  };
}
