import type { RevealApi } from 'reveal.js';
import type { DeckApi } from '../../shared/api';
import { AudienceScreenControl } from './audience-screen';
import { linkRevealToPresenter } from './reveal-presenter-link';
import { drawOnReveal } from './drawing/reveal-drawing';
import type { RemoteApi } from '../../shared/remote-api';
import { obeyRemoteSteps, withRemoteLaser } from './remote-steps';
import { PresentationKeys } from './presentation-keys';

const KEY_S = 83;
const KEY_W = 87;

/**
 * The presenter's deck: reveal.js's own keys (arrows, space, PageUp/PageDown from clickers, F, O/Esc,
 * B/. to black out, ? for the list of keys), W for a whiteboard, S for the speaker view in place of
 * reveal's notes plugin, a cursor that hides when idle, and every move (and what the audience
 * sees) shared with the speaker view and followers. With a `remote` (serve mode), the phone's
 * presses move it and its laser shows on it.
 */
export function startPresentMode(reveal: RevealApi, api: DeckApi, remote: RemoteApi | null = null): () => void {
  reveal.configure({ help: true, hideInactiveCursor: true, hideCursorTime: 3000 });
  const keys = new PresentationKeys(reveal);
  keys.bind(KEY_S, { keys: 'S', action: 'Speaker view' }, () => api.openSpeakerView());
  const screen = new AudienceScreenControl(reveal);
  keys.bind(KEY_W, { keys: 'W', action: 'Whiteboard: a blank white screen to draw on (W again to go back)' }, () => screen.toggleWhiteboard());
  const unlink = linkRevealToPresenter(reveal, api, { drives: true }, screen);
  const undraw = drawOnReveal(reveal, remote ? withRemoteLaser(api, remote) : api, screen, { drives: true, keys });
  const unobey = remote ? obeyRemoteSteps(reveal, remote) : () => undefined;
  return () => {
    unobey();
    undraw();
    unlink();
    keys.destroy();
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
  const screen = new AudienceScreenControl(reveal);
  const unlink = linkRevealToPresenter(reveal, api, { drives: false }, screen);
  const undraw = drawOnReveal(reveal, api, screen, { drives: false });
  return () => {
    undraw();
    unlink();
  };
}
