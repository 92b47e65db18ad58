import { HTTP_ROUTES } from '../../shared/api';
import { parseDrawingMessage } from '../../shared/present/drawing';
import { parseRemoteStep, type RemoteStatus } from '../../shared/present/remote';
import type { RemoteApi } from '../../shared/remote-api';
import { failureOf } from './http-failure';
import { onServerEvent } from './shared-event-stream';

const relative = (route: string): string => route.replace(/^\//, '');

/**
 * Serve mode's side of the phone remote, for the presenter's windows. The phone's steps and laser
 * come as `step` and `laser` events on the deck's own event stream: a presentation window holds no
 * connection more for the remote.
 */
export function createHttpRemoteApi(): RemoteApi {
  const events = relative(HTTP_ROUTES.events);
  let clockPosting = false;
  return {
    async remoteStatus() {
      const response = await fetch(relative(HTTP_ROUTES.remote), { cache: 'no-store' });
      if (!response.ok) throw await failureOf(response);
      return (await response.json()) as RemoteStatus;
    },
    async setRemote(on) {
      const response = await fetch(relative(HTTP_ROUTES.remote), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ on }),
      });
      if (!response.ok) throw await failureOf(response);
      return (await response.json()) as RemoteStatus;
    },
    onRemoteStep: (listener) =>
      onServerEvent(events, 'step', (data) => {
        const step = parseRemoteStep(JSON.parse(data));
        if (step) listener(step);
      }),
    onRemoteLaser: (listener) =>
      onServerEvent(events, 'laser', (data) => {
        const message = parseDrawingMessage(JSON.parse(data));
        if (message?.kind === 'laser') listener(message);
      }),
    sendClock(clock) {
      // The phone misses one reading while one is on its way; the next comes within seconds.
      if (clockPosting) return;
      clockPosting = true;
      fetch(relative(HTTP_ROUTES.remoteClock), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(clock),
      })
        .catch(() => undefined)
        .finally(() => (clockPosting = false));
    },
  };
}
