import { whenPageSettled } from './settled-event-source';

/**
 * One EventSource per route and page, shared by every listener on it and closed with the last,
 * and opened only once the page has settled (settled-event-source.ts).
 * A browser keeps at most six HTTP/1.1 connections per origin, and each open stream holds one:
 * a presentation, its speaker view and a follower in one browser would otherwise hold all six,
 * and the next request (a move posted for the followers) would wait for ever.
 */
interface SharedStream {
  source: EventSource | null;
  users: number;
  closed: boolean;
  opened: Promise<EventSource | null>;
}

const streams = new Map<string, SharedStream>();

function streamOf(route: string): SharedStream {
  const known = streams.get(route);
  if (known) return known;
  const stream: SharedStream = { source: null, users: 0, closed: false, opened: Promise.resolve(null) };
  stream.opened = whenPageSettled().then(() => (stream.closed ? null : (stream.source = new EventSource(route))));
  streams.set(route, stream);
  return stream;
}

/**
 * Calls `listener` with the data of each `event` on the stream of `route` (relative to the page),
 * and `onOpen` each time the stream (re)connects, so that what changed meanwhile is caught up on.
 */
export function onServerEvent(route: string, event: string, listener: (data: string) => void, onOpen?: () => void): () => void {
  const stream = streamOf(route);
  stream.users++;
  const handle = (message: MessageEvent<string>): void => listener(message.data);
  let listening = true;
  void stream.opened.then((source) => {
    if (!listening || !source) return;
    source.addEventListener(event, handle);
    if (!onOpen) return;
    source.addEventListener('open', onOpen);
    // Joining a stream already open, this listener missed its opening.
    if (source.readyState === EventSource.OPEN) onOpen();
  });
  return () => {
    if (!listening) return;
    listening = false;
    stream.source?.removeEventListener(event, handle);
    if (onOpen) stream.source?.removeEventListener('open', onOpen);
    if (--stream.users > 0) return;
    stream.closed = true;
    stream.source?.close();
    streams.delete(route);
  };
}
