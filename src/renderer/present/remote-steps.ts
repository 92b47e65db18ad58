import type { RevealApi } from 'reveal.js';
import type { DeckApi } from '../../shared/api';
import { presenterStateOf, type PresenterState } from '../../shared/present/presenter-state';
import type { RemoteDirection } from '../../shared/present/remote';
import type { RemoteApi } from '../../shared/remote-api';

/**
 * The phone remote's presses, taken by a presentation window: a step from where the server last
 * knew the talk to be. A window elsewhere ignores it (a press made before the last move arrived),
 * so that two presentation windows, both there, take the same single step.
 */
export function obeyRemoteSteps(reveal: RevealApi, remote: RemoteApi): () => void {
  return obeyRemoteStepsAt(remote, () => presenterStateOf(reveal.getIndices()), (direction) => {
    if (direction === 'next') reveal.next();
    else reveal.prev();
  });
}

/**
 * The same rule for any presenter window (the speaker view too, which may be open alone): `step`
 * runs only while the window is `at()` the step's `from`. Windows that all take it land on the
 * same state, and announce the same one.
 */
export function obeyRemoteStepsAt(remote: RemoteApi, at: () => PresenterState, step: (direction: RemoteDirection) => void): () => void {
  return remote.onRemoteStep(({ direction, from }) => {
    const here = at();
    if (here.h !== from.h || here.v !== from.v || here.f !== from.f) return;
    step(direction);
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
