import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PodiumError } from '../../shared/errors';
import { send } from '../export/print-server';
import { limitsOf, type ShortenableLimits } from './limits';

/**
 * A request's headers must arrive within 10 s and the whole request within 30 s (a trickling
 * client is cut off); idle keep-alive sockets close after 5 s; a presenter, a speaker view and a
 * hall of followers stay far below the connection limit. Event streams are responses, which no
 * request timeout cuts.
 */
export const SERVER_LIMITS = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1_000,
};

/**
 * An HTTP server with those bounds, answering with `handle`: serve mode's listeners and the app's
 * phone remote alike. A handler that throws answers 500 (or cuts a response already begun).
 */
export function createBoundedServer(
  options: ShortenableLimits<typeof SERVER_LIMITS>,
  handle: (request: IncomingMessage, response: ServerResponse) => Promise<void>,
): Server {
  const limits = limitsOf(SERVER_LIMITS, options);
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // How often Node looks for requests past those deadlines (its default, 30 s, would let them linger).
      connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
    },
    (request, response) => {
      handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', `podium: ${String(error)}`);
        else response.destroy();
      });
    },
  );
  // A flood of sockets (trickling headers, or simply held open) must not starve the presenter's page.
  server.maxConnections = limits.maxConnections;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  return server;
}

/** Listens on host:port (0 picks a free port); resolves with the port, or fails naming the address. */
export function listenOn(server: Server, host: string, port: number): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new PodiumError('runtime', `cannot listen on ${host}:${port}: ${error.code ?? error.message}`)),
    );
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/** Stops listening, then drops every connection (an open event stream included); resolves once closed. */
export function closeListener(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  return closed;
}
