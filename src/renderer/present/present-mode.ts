import type { RevealApi } from 'reveal.js';
import type { DeckApi } from '../../shared/api';
import { linkRevealToPresenter } from './reveal-presenter-link';

const KEY_S = 83;

/**
 * The presenter's deck: reveal.js's own keys (arrows, space, PageUp/PageDown from clickers, F, O/Esc,
 * B/., ? for the list of keys), S for the speaker view in place of reveal's notes plugin, a cursor
 * that hides when idle, and every move shared with the speaker view and followers.
 */
export function startPresentMode(reveal: RevealApi, api: DeckApi): () => void {
  reveal.configure({ help: true, hideInactiveCursor: true, hideCursorTime: 3000 });
  reveal.addKeyBinding({ keyCode: KEY_S, key: 'S', description: 'Speaker view' }, () => api.openSpeakerView());
  // reveal.js's help lists these keys under other names; a presenter holding a clicker looks for these.
  reveal.registerKeyboardShortcut('PAGE DOWN  ,  PAGE UP', 'Next / previous (clickers)');
  reveal.registerKeyboardShortcut('?', 'Show or hide this help');
  const unlink = linkRevealToPresenter(reveal, api, { drives: true });
  return () => {
    unlink();
    reveal.removeKeyBinding(KEY_S);
  };
}

/** A follower's deck (a remote screen, a second laptop): it moves with the presenter and nothing else. */
export function startFollowMode(reveal: RevealApi, api: DeckApi): () => void {
  reveal.configure({
    keyboard: false,
    controls: false,
    touch: false,
    mouseWheel: false,
    overview: false,
    help: false,
    hideInactiveCursor: true,
  });
  document.documentElement.classList.add('podium-follower');
  return linkRevealToPresenter(reveal, api, { drives: false });
}
