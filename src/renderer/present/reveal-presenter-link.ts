import type { RevealApi } from 'reveal.js';
import type { DeckApi } from '../../shared/api';
import { presenterStateOf, samePresenterState, type PresenterState } from '../../shared/present/presenter-state';
import { whenScriptDrivesReveal } from '../deck-view/scripted-reveal';
import { AudienceScreenControl } from './audience-screen';

export interface RevealPresenterLinkOptions {
  /** False for a follower: it moves with the presenter and never tells anyone where it is. */
  drives: boolean;
}

/**
 * Keeps one reveal.js deck on the presenter's slide and fragment, and on the screen the audience
 * sees (the slide, black or a whiteboard): moves it when another window of the talk moves, and,
 * when it `drives`, announces its own moves (key, click, hash) to the others.
 *
 * A script that drives the deck through `window.Reveal` takes it out of the talk: decktape stepping
 * through every slide to print them must neither move the audience's screens nor be moved by the
 * presenter. A follower then goes back to the slide it opened on, where such a tool expects to start.
 */
export function linkRevealToPresenter(
  reveal: RevealApi,
  api: DeckApi,
  options: RevealPresenterLinkOptions,
  screen: AudienceScreenControl = new AudienceScreenControl(reveal),
): () => void {
  let applyingRemoteMove = false;
  const openedOn = reveal.getIndices();
  const current = (): PresenterState => presenterStateOf(reveal.getIndices(), screen.screen);
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
  const unwatchScreen = screen.onChange(announce);
  // Announce first, then listen: a speaker view already open answers the listener's greeting with
  // this state rather than with an older one.
  announce();

  const unsubscribe = api.onPresenterState((state) => {
    if (samePresenterState(state, current())) return;
    applyingRemoteMove = true;
    try {
      // A paused reveal.js does not move: the screen comes back first, then the slide changes.
      if (state.screen !== 'black') screen.set(state.screen);
      reveal.slide(state.h, state.v, state.f);
      if (state.screen === 'black') screen.set('black');
      announced = current();
    } finally {
      applyingRemoteMove = false;
    }
  });

  const leaveTalk = (): void => {
    unsubscribe();
    unwatchScreen();
    for (const event of events) reveal.off(event, announce);
  };
  const stopWaiting = whenScriptDrivesReveal(() => {
    leaveTalk();
    if (options.drives) return;
    screen.set(undefined);
    reveal.slide(openedOn.h, openedOn.v, openedOn.f);
  });

  return () => {
    stopWaiting();
    leaveTalk();
    screen.destroy();
  };
}
