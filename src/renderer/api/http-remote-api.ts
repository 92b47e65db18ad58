import { HTTP_ROUTES } from '../../shared/api';
import { parseDrawingMessage, type DrawingMessage } from '../../shared/present/drawing';
import { parseRemoteStep, type RemoteStatus, type RemoteStep } from '../../shared/present/remote';
import type { RemoteApi } from '../../shared/remote-api';
import { failureOf } from './http-failure';

const relative = (route: string): string => route.replace(/^\//, '');

/**
 * Serve mode's side of the phone remote, for the presenter's windows. One event stream per window
 * carries the phone's steps and laser, opened while a listener wants them; the server counts these
 * streams to tell the phone whether a presentation is open.
 */
export function createHttpRemoteApi(): RemoteApi {
  const stepListeners = new Set<(step: RemoteStep) => void>();
  const laserListeners = new Set<(message: DrawingMessage) => void>();
  let events: EventSource | null = null;

  const listen = (): void => {
    if (events) return;
    events = new EventSource(relative(HTTP_ROUTES.remoteCommands));
    events.addEventListener('step', (event: MessageEvent<string>) => {
      const step = parseRemoteStep(JSON.parse(event.data));
      if (step) for (const listener of stepListeners) listener(step);
    });
    events.addEventListener('laser', (event: MessageEvent<string>) => {
      const message = parseDrawingMessage(JSON.parse(event.data));
      if (message?.kind === 'laser') for (const listener of laserListeners) listener(message);
    });
  };
  const unlisten = (): void => {
    if (stepListeners.size > 0 || laserListeners.size > 0) return;
    events?.close();
    events = null;
  };
  const subscribe = <T>(listeners: Set<T>, listener: T): (() => void) => {
    listeners.add(listener);
    listen();
    return () => {
      listeners.delete(listener);
      unlisten();
    };
  };

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
    onRemoteStep: (listener) => subscribe(stepListeners, listener),
    onRemoteLaser: (listener) => subscribe(laserListeners, listener),
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
