import type { IncomingMessage } from 'node:http';

/**
 * Who a request comes from: the presenter's token drives the talk, a follower's only watches, and
 * the phone remote's may only move slides and point the laser (remote-hub.ts).
 */
export type ServeRole = 'presenter' | 'follower' | 'remote';

/**
 * Why serve mode refuses a write, or null when it may go ahead. Only the presenter's token may
 * write, and only from a page of this server: the request's Origin must be the origin it addressed
 * (its Host header, already checked to name this server), so that another site open in the same
 * browser cannot write with the presenter's cookie.
 */
export function writeRefusal(request: IncomingMessage, role: ServeRole, action: string): string | null {
  if (role !== 'presenter') return `a ${role} cannot ${action}`;
  if (request.headers.origin !== `http://${request.headers.host ?? ''}`) {
    return `only a page of this server may ${action}`;
  }
  return null;
}
