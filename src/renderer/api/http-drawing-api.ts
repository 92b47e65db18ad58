import { HTTP_ROUTES, type DeckApi } from '../../shared/api';
import { parseDrawingMessage, parseSavedDrawings, type DrawingMessage } from '../../shared/present/drawing';
import { failureOf } from './http-failure';
import { openSettledEventSource } from './settled-event-source';

type DrawingApi = Pick<DeckApi, 'sendDrawing' | 'onDrawing' | 'saveDrawings'>;

/** The presenter's windows of one run share this channel, as they share the presenter link's. */
const CHANNEL_NAME = 'podium-drawing';
const relative = (route: string): string => route.replace(/^\//, '');

/**
 * Serve mode's drawings. The presenter's windows pass each message straight to one another over a
 * BroadcastChannel, and post it to the server for followers, one request at a time and in order:
 * while one is on its way, a newer laser point or a newer version of the same stroke replaces the
 * one waiting, so a slow server costs followers frames, never the presenter's page. A follower
 * receives the messages as server-sent events, and every page drawn so far when it connects.
 */
export function createHttpDrawingApi(options: { follower: boolean }): DrawingApi {
  if (options.follower) return followerDrawingApi();
  const channel = new BroadcastChannel(CHANNEL_NAME);
  const queue: DrawingMessage[] = [];
  let posting = false;

  const post = async (): Promise<void> => {
    if (posting) return;
    posting = true;
    try {
      for (let message = queue.shift(); message; message = queue.shift()) {
        await fetch(relative(HTTP_ROUTES.drawing), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(message),
        }).catch(() => undefined);
      }
    } finally {
      posting = false;
    }
  };

  return {
    sendDrawing(message) {
      channel.postMessage(message);
      const waiting = queue.findIndex((queued) => supersedes(message, queued));
      if (waiting >= 0) queue.splice(waiting, 1);
      queue.push(message);
      void post();
    },
    onDrawing(listener) {
      const onMessage = (event: MessageEvent<unknown>): void => {
        const message = parseDrawingMessage(event.data);
        if (message) listener(message);
      };
      channel.addEventListener('message', onMessage);
      // What the talk has drawn so far, as the server holds it (the saved drawings, then every message since).
      void fetch(relative(HTTP_ROUTES.drawings), { cache: 'no-store' })
        .then(async (response) => (response.ok ? parseSavedDrawings(await response.json()) : null))
        .then((drawings) => drawings && listener({ kind: 'all', drawings }))
        .catch(() => undefined);
      return () => channel.removeEventListener('message', onMessage);
    },
    async saveDrawings(drawings) {
      const response = await fetch(relative(HTTP_ROUTES.drawings), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(drawings),
      });
      if (!response.ok) throw await failureOf(response);
    },
  };
}

/** A newer laser point makes a waiting one pointless; so does a newer version of the same stroke. */
function supersedes(message: DrawingMessage, queued: DrawingMessage): boolean {
  if (message.kind === 'laser') return queued.kind === 'laser';
  return message.kind === 'stroke' && queued.kind === 'stroke' && queued.stroke.id === message.stroke.id;
}

function followerDrawingApi(): DrawingApi {
  return {
    sendDrawing() {
      // A follower never draws; the server would refuse its token anyway.
    },
    onDrawing(listener) {
      return openSettledEventSource(relative(HTTP_ROUTES.presenterEvents), {
        drawing: (event) => {
          const message = parseDrawingMessage(JSON.parse(event.data));
          if (message) listener(message);
        },
      });
    },
    saveDrawings: () => Promise.reject(new Error('a follower cannot save drawings')),
  };
}
