import type { RevealApi } from 'reveal.js';
import type { DeckApi } from '../../shared/api';
import { presenterStateOf, samePresenterState, type PresenterState } from '../../shared/present/presenter-state';

export interface RevealPresenterLinkOptions {
  /** False for a follower: it moves with the presenter and never tells anyone where it is. */
  drives: boolean;
}

/**
 * Keeps one reveal.js deck on the presenter's slide and fragment: moves it when another window of
 * the talk moves, and, when it `drives`, announces its own moves (key, click, hash) to the others.
 */
export function linkRevealToPresenter(reveal: RevealApi, api: DeckApi, options: RevealPresenterLinkOptions): () => void {
  let applyingRemoteMove = false;
  const current = (): PresenterState => presenterStateOf(reveal.getIndices());
  let announced: PresenterState | null = null;

  const announce = (): void => {
    // A move this window made because another one asked is not news to the others.
    if (!options.drives || applyingRemoteMove) return;
    const state = current();
    if (samePresenterState(state, announced)) return;
    announced = state;
    api.sendPresenterState(state);
  };
  const events = ['slidechanged', 'fragmentshown', 'fragmenthidden'] as const;
  for (const event of events) reveal.on(event, announce);
  // Announce first, then listen: a speaker view already open answers the listener's greeting with
  // this state rather than with an older one.
  announce();

  const unsubscribe = api.onPresenterState((state) => {
    if (samePresenterState(state, current())) return;
    applyingRemoteMove = true;
    try {
      reveal.slide(state.h, state.v, state.f);
      announced = current();
    } finally {
      applyingRemoteMove = false;
    }
  });

  return () => {
    unsubscribe();
    for (const event of events) reveal.off(event, announce);
  };
}
