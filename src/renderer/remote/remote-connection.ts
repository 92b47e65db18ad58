import { HTTP_ROUTES } from '../../shared/api';
import type { RemoteView } from '../../shared/present/remote';

/** How the phone's link to the laptop stands, as its page says it. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'revoked';

/** Twice the server's heartbeat: a stream silent this long is dead, even if the socket says nothing. */
const SILENCE_MS = 25_000;
const RETRY_MS = [500, 1_000, 2_000, 4_000, 8_000];

const relative = (route: string): string => route.replace(/^\//, '');

/**
 * The phone's event stream from the laptop, kept alive on its own: when the network drops (Wi-Fi
 * roaming, a phone locked and woken, the laptop's server restarted) it connects again, soon and
 * then less often, at once when the phone says it is back online, and when the stream falls silent.
 * A link that the laptop refuses (403: the remote was turned off) stops trying and says so.
 */
export class RemoteConnection {
  private events: EventSource | null = null;
  private retry = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private silenceTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(
    private readonly onView: (view: RemoteView) => void,
    private readonly onState: (state: ConnectionState) => void,
  ) {
    window.addEventListener('online', () => this.reconnectNow());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && this.events?.readyState !== EventSource.OPEN) this.reconnectNow();
    });
  }

  start(): void {
    this.onState('connecting');
    this.open();
  }

  /** The laptop refused this link: no more tries. */
  revoke(): void {
    this.stopped = true;
    this.close();
    this.onState('revoked');
  }

  private open(): void {
    if (this.stopped) return;
    this.close();
    const events = new EventSource(relative(HTTP_ROUTES.remoteEvents));
    this.events = events;
    this.expectWord();
    events.addEventListener('remote', (event: MessageEvent<string>) => {
      this.retry = 0;
      this.onState('connected');
      this.expectWord();
      this.onView(JSON.parse(event.data) as RemoteView);
    });
    events.addEventListener('heartbeat', () => this.expectWord());
    events.addEventListener('error', () => {
      // EventSource retries a dropped stream itself, but gives up for good on a failed connection
      // or a refusal: from then on this class retries, and asks why.
      this.onState('reconnecting');
      if (events.readyState === EventSource.CLOSED) void this.afterFailure();
    });
  }

  private async afterFailure(): Promise<void> {
    this.close();
    try {
      // The page's own URL answers 403 once its token is revoked, and 200 while it is good.
      const response = await fetch('./', { method: 'HEAD', cache: 'no-store' });
      if (response.status === 403) return this.revoke();
    } catch {
      // No network: try again below.
    }
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    const delay = RETRY_MS[Math.min(this.retry, RETRY_MS.length - 1)] ?? 8_000;
    this.retry++;
    this.retryTimer = setTimeout(() => this.open(), delay);
  }

  private reconnectNow(): void {
    if (this.stopped) return;
    this.retry = 0;
    clearTimeout(this.retryTimer);
    this.onState('reconnecting');
    this.open();
  }

  /** Restarts the silence watch: the stream must say something again before it runs out. */
  private expectWord(): void {
    clearTimeout(this.silenceTimer);
    this.silenceTimer = setTimeout(() => this.reconnectNow(), SILENCE_MS);
  }

  private close(): void {
    clearTimeout(this.silenceTimer);
    this.events?.close();
    this.events = null;
  }
}
