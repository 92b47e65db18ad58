import type { RevealApi } from 'reveal.js';
import type { DeckApi } from '../../shared/api';
import { presenterStateOf } from '../../shared/present/presenter-state';
import type { RemoteApi } from '../../shared/remote-api';

/**
 * The phone remote's presses, taken by a presentation window: a step from where the server last
 * knew the talk to be. A window elsewhere ignores it (a press made before the last move arrived),
 * so that two presentation windows, both there, take the same single step.
 */
export function obeyRemoteSteps(reveal: RevealApi, remote: RemoteApi): () => void {
  return remote.onRemoteStep(({ direction, from }) => {
    const at = presenterStateOf(reveal.getIndices());
    if (at.h !== from.h || at.v !== from.v || at.f !== from.f) return;
    if (direction === 'next') reveal.next();
    else reveal.prev();
  });
}

/** `api`, with the phone's laser among the drawing messages its windows receive. */
export function withRemoteLaser(api: DeckApi, remote: RemoteApi): DeckApi {
  return {
    ...api,
    onDrawing(listener) {
      const unsubscribeHost = api.onDrawing(listener);
      const unsubscribeRemote = remote.onRemoteLaser(listener);
      return () => {
        unsubscribeHost();
        unsubscribeRemote();
      };
    },
  };
}
