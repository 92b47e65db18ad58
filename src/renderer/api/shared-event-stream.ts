/**
 * One EventSource per route and page, shared by every listener on it and closed with the last.
 * A browser keeps at most six HTTP/1.1 connections per origin, and each open stream holds one:
 * a presentation, its speaker view and a follower in one browser would otherwise hold all six,
 * and the next request (a move posted for the followers) would wait for ever.
 */
const sources = new Map<string, { source: EventSource; users: number }>();

/** Calls `listener` with the data of each `event` on the stream of `route` (relative to the page). */
export function onServerEvent(route: string, event: string, listener: (data: string) => void): () => void {
  let entry = sources.get(route);
  if (!entry) {
    entry = { source: new EventSource(route), users: 0 };
    sources.set(route, entry);
  }
  const shared = entry;
  shared.users++;
  const handle = (message: MessageEvent<string>): void => listener(message.data);
  shared.source.addEventListener(event, handle);
  let open = true;
  return () => {
    if (!open) return;
    open = false;
    shared.source.removeEventListener(event, handle);
    if (--shared.users > 0) return;
    shared.source.close();
    sources.delete(route);
  };
}
