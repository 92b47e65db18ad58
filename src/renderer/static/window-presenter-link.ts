import { SPEAKER_VIEW_QUERY, type DeckApi } from '../../shared/api';
import { parsePresenterState, presenterStateHash, type PresenterState } from '../../shared/present/presenter-state';
import { parseView } from '../../shared/view-route';

type PresenterLink = Pick<DeckApi, 'sendPresenterState' | 'onPresenterState' | 'openSpeakerView'>;

type LinkMessage = { podium: 'presenter-state'; state: PresenterState } | { podium: 'hello' } | { podium: 'ping' };

/** The name of the speaker view's window: pressing S again brings the same one forward. */
const SPEAKER_WINDOW_NAME = 'podium-speaker';

/**
 * How often the speaker view reminds the presentation that it is there. A presentation reloaded
 * mid-talk (F5) has lost the handle to the speaker view it opened, while the speaker view still
 * holds its opener: the first ping after the reload links them again.
 */
const PING_INTERVAL_MS = 1000;

/**
 * The presenter link of a static copy opened from file://, where there is no server and a
 * BroadcastChannel may not reach the other window (every file: page has an opaque origin). The
 * presentation opens the speaker view, so the two hold each other (`window.open`'s result, and
 * `window.opener`) and talk by postMessage. A message is taken only from one of those two windows:
 * the target origin must be '*' (an opaque origin cannot be named), so the source is what is checked.
 */
export function createWindowPresenterLink(self: Window): PresenterLink {
  // Only the speaker view listens to its opener: a presentation opened from some other page
  // (a link on a website) must not take moves from, nor ping, that page.
  const isSpeakerView = parseView(self.location.search).kind === 'speaker';
  const opener = isSpeakerView ? (self.opener as Window | null) : null;
  let speaker: Window | null = null;
  let lastKnown: PresenterState | null = null;
  const listeners = new Set<(state: PresenterState) => void>();

  const peers = (): Window[] => [opener, speaker].filter((peer): peer is Window => peer !== null && !peer.closed);
  const post = (message: LinkMessage, to: Window[] = peers()): void => {
    for (const peer of to) peer.postMessage(message, '*');
  };
  const isPeer = (source: MessageEventSource | null): source is Window => {
    if (source === null || source === self) return false;
    if (source === opener || source === speaker) return true;
    // A speaker view this window opened before it was reloaded: the reload lost the handle, not the link.
    try {
      return (source as Window).opener === self;
    } catch {
      return false;
    }
  };

  self.addEventListener('message', (event: MessageEvent<unknown>) => {
    const source = event.source;
    if (!isPeer(source)) return;
    const known = source === opener || source === speaker;
    if (!known) speaker = source;
    const message = event.data as Partial<LinkMessage> | null;
    if (message?.podium === 'ping') {
      // Only a speaker view found again is told where the talk is: answering every ping could
      // cross a move the speaker view just made and take it back.
      if (!known && lastKnown) post({ podium: 'presenter-state', state: lastKnown }, [source]);
      return;
    }
    if (message?.podium === 'hello') {
      // A window that just opened asks where the talk is; whoever knows answers.
      if (lastKnown) post({ podium: 'presenter-state', state: lastKnown }, [source]);
      return;
    }
    if (message?.podium !== 'presenter-state') return;
    const state = parsePresenterState(message.state);
    if (!state) return;
    lastKnown = state;
    for (const listener of listeners) listener(state);
  });

  if (opener) {
    self.setInterval(() => {
      if (!opener.closed) opener.postMessage({ podium: 'ping' } satisfies LinkMessage, '*');
    }, PING_INTERVAL_MS);
  }

  return {
    sendPresenterState(state) {
      lastKnown = state;
      post({ podium: 'presenter-state', state });
    },
    onPresenterState(listener) {
      listeners.add(listener);
      post({ podium: 'hello' });
      return () => listeners.delete(listener);
    },
    openSpeakerView() {
      const hash = lastKnown ? presenterStateHash(lastKnown) : '';
      // The page's own file with a query: `./?…` would name the folder, not index.html.
      const url = new URL(`?${SPEAKER_VIEW_QUERY}${hash}`, self.location.href).href;
      speaker = self.open(url, SPEAKER_WINDOW_NAME, 'popup,width=1280,height=800') ?? speaker;
      speaker?.focus();
    },
  };
}
