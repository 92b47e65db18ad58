import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { HTTP_ROUTES } from '../../shared/api';
import type { Deck } from '../../shared/deck/model';
import { parseDrawingMessage, type DrawingMessage } from '../../shared/present/drawing';
import type { PresenterState } from '../../shared/present/presenter-state';
import {
  parseRemoteClock,
  parseRemoteDirection,
  remoteViewOf,
  type RemoteClock,
  type RemoteStatus,
  type RemoteStep,
} from '../../shared/present/remote';
import { errorBody } from './error-body';
import { limitsOf, type ShortenableLimits } from './limits';
import { RateLimit } from './rate-limit';
import { readBody } from './read-body';
import { writeRefusal, type ServeRole } from './write-guard';

/** What the presenter's windows receive from the phone. */
export type RemoteCommand = { name: 'step'; data: RemoteStep } | { name: 'laser'; data: DrawingMessage };

export interface RemoteReply {
  status: number;
  body: string;
}

/** A listener on the network that the remote's phone reaches. */
export interface RemoteListener {
  /** The URL's origin as a phone on the network opens it: `http://192.168.1.20:53211`. */
  origin: string;
  close(): Promise<void>;
}

/** `limits`: see REMOTE_LIMITS. */
export interface RemoteHubOptions extends ShortenableLimits<typeof REMOTE_LIMITS> {
  /** Starts the network listener, answering with the server's own handler. */
  listen(): Promise<RemoteListener>;
  /** Where the remote would listen, for the speaker view's warning before it is turned on. */
  address: string;
  /** The deck and the presenter's state as the server holds them now. */
  deck(): Deck;
  presenterState(): PresenterState | null;
  /** Passes the phone's laser on to followers, as the presenter's own is. */
  broadcastLaser(message: Extract<DrawingMessage, { kind: 'laser' }>): void;
  /** Passes the phone's step or laser point on to the presenter's windows. */
  sendCommand(command: RemoteCommand): void;
  /** Whether a presenter's window (a presentation or its speaker view) holds that stream open. */
  presenterOpen(): boolean;
}

/**
 * A phone's laser at 60 points a second, and a clicker's presses, pass; a flood gets 429 and is
 * never passed on: the presenter's windows receive at most these rates, whatever the phone sends.
 * A phone that heard nothing for a while (a heartbeat every 10 s) knows its stream is dead.
 */
const REMOTE_LIMITS = {
  laserBurst: 60,
  laserPerSecond: 60,
  stepBurst: 10,
  stepPerSecond: 5,
  heartbeatMs: 10_000,
};
const TALK_START: PresenterState = { h: 0, v: 0, f: -1 };
const MAX_CLOCK_BYTES = 256;
const MAX_STEP_BYTES = 256;
const MAX_LASER_BYTES = 512;
/** Revoked tokens remembered to answer them 403, as any unknown one is on the network listener. */
const MAX_REVOKED = 64;

const reply = (status: number, body: unknown = ''): RemoteReply => ({ status, body: typeof body === 'string' ? body : JSON.stringify(body) });
const error = (status: number, message: string): RemoteReply => ({ status, body: errorBody(message) });

/**
 * The phone remote of serve mode. Off until the presenter turns it on (`--remote`, or the speaker
 * view's button): then a listener on the network answers only the remote's own token, which may
 * move slides and point the laser, nothing else; turning it off closes the listener and revokes the
 * token. The presentation windows receive the phone's presses on the deck's event stream; the phone
 * receives, on its stream, what it shows: the current notes, the next slide's title and the clock.
 */
export class RemoteHub {
  private token: string | null = null;
  private listener: RemoteListener | null = null;
  private readonly revoked: string[] = [];
  /** Turning on and off, one at a time. */
  private switching: Promise<unknown> = Promise.resolve();
  /** The phones' streams of what they show. */
  private readonly phoneStreams = new Set<ServerResponse>();
  private clock: { value: RemoteClock; at: number } | null = null;
  private readonly limits: typeof REMOTE_LIMITS;
  private laserLimit: RateLimit;
  private stepLimit: RateLimit;
  private readonly heartbeat: ReturnType<typeof setInterval>;

  constructor(private readonly options: RemoteHubOptions) {
    this.limits = limitsOf(REMOTE_LIMITS, options);
    this.laserLimit = new RateLimit(this.limits.laserBurst, this.limits.laserPerSecond);
    this.stepLimit = new RateLimit(this.limits.stepBurst, this.limits.stepPerSecond);
    this.heartbeat = setInterval(() => {
      // An event, not a comment: the phone's page sees events only, and reconnects when they stop.
      for (const stream of this.phoneStreams) stream.write('event: heartbeat\ndata: {}\n\n');
    }, this.limits.heartbeatMs);
    this.heartbeat.unref();
  }

  /** The remote's token while it is on. */
  get currentToken(): string | null {
    return this.token;
  }

  isRevoked(given: string): boolean {
    return this.revoked.includes(given);
  }

  status(): RemoteStatus {
    return {
      on: this.token !== null,
      url: this.token !== null && this.listener ? `${this.listener.origin}/${this.token}/` : null,
      address: this.listener?.origin ?? this.options.address,
    };
  }

  /** Turns the remote on with a new token, listening on the network; or off, revoking the token. */
  setOn(on: boolean): Promise<RemoteStatus> {
    const switched = this.switching.then(async () => {
      if (on && this.token === null) {
        this.listener = await this.options.listen();
        this.token = randomBytes(18).toString('base64url');
        this.laserLimit = new RateLimit(this.limits.laserBurst, this.limits.laserPerSecond);
        this.stepLimit = new RateLimit(this.limits.stepBurst, this.limits.stepPerSecond);
      } else if (!on && this.token !== null) {
        this.revoked.push(this.token);
        if (this.revoked.length > MAX_REVOKED) this.revoked.shift();
        this.token = null;
        for (const stream of this.phoneStreams) stream.end();
        this.phoneStreams.clear();
        const listener = this.listener;
        this.listener = null;
        await listener?.close();
      }
      return this.status();
    });
    this.switching = switched.catch(() => undefined);
    return switched;
  }

  /** The routes of the presenter's windows: the remote's status and switch, its steps, the clock. */
  handlesPresenter(pathname: string): boolean {
    return pathname === HTTP_ROUTES.remote || pathname === HTTP_ROUTES.remoteClock;
  }

  async handlePresenter(request: IncomingMessage, pathname: string, role: ServeRole): Promise<RemoteReply> {
    if (role !== 'presenter') return error(403, 'only the presenter controls the remote');
    if (request.method === 'GET' && pathname === HTTP_ROUTES.remote) return reply(200, this.status());
    if (request.method !== 'POST') return error(405, 'use GET or POST');
    const refusal = writeRefusal(request, role, 'control the remote');
    if (refusal) return error(403, refusal);
    if (pathname === HTTP_ROUTES.remoteClock) {
      const clock = parseRemoteClock(parseJson(await readBody(request, MAX_CLOCK_BYTES)));
      if (clock === null) return error(400, 'expected {"elapsedMs": n, "running": true|false, "lengthMs": n|null}');
      this.setClock(clock);
      return reply(204);
    }
    const body = parseJson(await readBody(request, MAX_STEP_BYTES)) as { on?: unknown } | null;
    if (typeof body?.on !== 'boolean') return error(400, 'expected {"on": true|false}');
    try {
      return reply(200, await this.setOn(body.on));
    } catch (failure) {
      return error(500, `the remote could not listen on the network: ${failure instanceof Error ? failure.message : String(failure)}`);
    }
  }

  /**
   * Everything the remote's token may do: its stream, a step, the laser. Any other route is
   * refused: the remote never reads the deck, its sources or its files, and never edits or exports.
   */
  async handleRemote(request: IncomingMessage, response: ServerResponse, pathname: string): Promise<RemoteReply | null> {
    if (pathname === HTTP_ROUTES.remoteEvents && request.method === 'GET') {
      openStream(request, response, this.phoneStreams);
      response.write(`event: remote\ndata: ${JSON.stringify(this.view())}\n\n`);
      return null;
    }
    if (request.method !== 'POST' || (pathname !== HTTP_ROUTES.remoteStep && pathname !== HTTP_ROUTES.drawing)) {
      return error(403, 'the remote may only move slides and point the laser');
    }
    // The phone's own page posts, from the origin it was served from: no other site can.
    const refusal = writeRefusal(request, 'presenter', 'move the slides');
    if (refusal) return error(403, refusal);
    if (pathname === HTTP_ROUTES.remoteStep) {
      if (!this.stepLimit.take()) return error(429, 'too many presses at once: slow down');
      const direction = parseRemoteDirection(parseJson(await readBody(request, MAX_STEP_BYTES)));
      if (direction === null) return error(400, 'expected {"direction": "next"|"previous"}');
      if (!this.options.presenterOpen()) return error(409, 'no presentation or speaker view is open on the laptop to move');
      // A speaker view opened on its own has moved nothing yet: the talk is at its first slide.
      const from = this.options.presenterState() ?? TALK_START;

      this.options.sendCommand({ name: 'step', data: { direction, from } });
      return reply(204);
    }
    if (!this.laserLimit.take()) return error(429, 'too many laser points at once');
    const message = parseDrawingMessage(parseJson(await readBody(request, MAX_LASER_BYTES)));
    if (message === null) return error(400, 'not a laser message');
    if (message.kind !== 'laser') return error(403, 'the remote may point the laser, never draw');
    this.options.sendCommand({ name: 'laser', data: message });
    this.options.broadcastLaser(message);
    return reply(204);
  }

  /** The speaker view's clock, as the phone is to show it. */
  setClock(clock: RemoteClock): void {
    this.clock = { value: clock, at: performance.now() };
    this.changed();
  }

  /** The presenter moved, the deck changed or the clock did: every phone is shown it. */
  changed(): void {
    if (this.phoneStreams.size === 0) return;
    const event = `event: remote\ndata: ${JSON.stringify(this.view())}\n\n`;
    for (const stream of this.phoneStreams) stream.write(event);
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    for (const stream of this.phoneStreams) stream.end();
    this.phoneStreams.clear();
    await this.listener?.close();
  }

  private view() {
    let clock = this.clock?.value ?? null;
    // The clock as it reads now, not when the speaker view last said.
    if (clock?.running && this.clock) clock = { ...clock, elapsedMs: clock.elapsedMs + (performance.now() - this.clock.at) };
    const open = this.options.presenterOpen();
    return remoteViewOf(this.options.deck(), this.options.presenterState() ?? (open ? TALK_START : null), clock, open);
  }

}

function openStream(request: IncomingMessage, response: ServerResponse, streams: Set<ServerResponse>): void {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  response.write(': connected\n\n');
  streams.add(response);
  request.on('close', () => {
    streams.delete(response);
  });
}

function parseJson(body: string | null): unknown {
  if (body === null) return null;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return null;
  }
}
