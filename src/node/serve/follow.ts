import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTP_ROUTES } from '../../shared/api';
import { readBody } from './read-body';
import { writeRefusal, type ServeRole } from './write-guard';
import { parsePresenterState, samePresenterState, type PresenterState } from '../../shared/present/presenter-state';

/** A presenter state is a few dozen bytes of JSON; anything much larger is not one. */
const MAX_STATE_BYTES = 1024;

export interface FollowReply {
  status: number;
  message: string;
}

/**
 * Audience follow: the presenter's windows POST where they are; followers (a remote screen, a
 * second laptop) receive each move as a server-sent event, and the latest one as soon as they
 * connect. Only the presenter's token may post, and only from a page of this server (its Origin),
 * so that neither a follower nor another site in the presenter's browser can drive the deck.
 */
export class FollowHub {
  private latest: PresenterState | null = null;
  private readonly streams = new Set<ServerResponse>();

  /**
   * `greeting`: more events for a follower that joins (the drawings so far), after the presenter's
   * state; `onMove`: called after each new state (the phone remote shows it).
   */
  constructor(
    private readonly greeting: () => string = () => '',
    private readonly onMove: () => void = () => undefined,
  ) {}

  get state(): PresenterState | null {
    return this.latest;
  }

  handles(pathname: string): boolean {
    return pathname === HTTP_ROUTES.presenter || pathname === HTTP_ROUTES.presenterEvents;
  }

  /** Answers a request for one of the follow routes. */
  async handle(request: IncomingMessage, response: ServerResponse, pathname: string, role: ServeRole): Promise<FollowReply | null> {
    if (pathname === HTTP_ROUTES.presenterEvents) {
      if (request.method !== 'GET') return { status: 405, message: 'podium: presenter events are read with GET' };
      this.subscribe(request, response);
      return null;
    }
    if (request.method !== 'POST') return { status: 405, message: 'podium: post the presenter state here' };
    const refusal = writeRefusal(request, role, 'drive the deck');
    if (refusal) return { status: 403, message: `podium: ${refusal}` };
    const body = await readBody(request, MAX_STATE_BYTES);
    if (body === null) return { status: 413, message: 'podium: a presenter state is a small JSON object' };
    let state: PresenterState | null = null;
    try {
      state = parsePresenterState(JSON.parse(body));
    } catch {
      state = null;
    }
    if (state === null) return { status: 400, message: 'podium: expected {"h": n, "v": n, "f": n}' };
    this.publish(state);
    return { status: 204, message: '' };
  }

  /** Sends one server-sent event (`event: name`, JSON data) to every follower. */
  broadcast(name: string, data: unknown): void {
    const event = `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const stream of this.streams) stream.write(event);
  }

  close(): void {
    for (const stream of this.streams) stream.end();
    this.streams.clear();
  }

  private publish(state: PresenterState): void {
    if (samePresenterState(state, this.latest)) return;
    this.latest = state;
    for (const stream of this.streams) stream.write(presenterEvent(state));
    this.onMove();
  }

  private subscribe(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    // A follower that joins mid-talk goes straight to the presenter's slide.
    if (this.latest) response.write(presenterEvent(this.latest));
    const greeting = this.greeting();
    if (greeting) response.write(greeting);
    this.streams.add(response);
    request.on('close', () => this.streams.delete(response));
  }
}

function presenterEvent(state: PresenterState): string {
  return `event: presenter\ndata: ${JSON.stringify(state)}\n\n`;
}
