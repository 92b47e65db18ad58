import { HTTP_ROUTES, SPEAKER_VIEW_QUERY, type DeckApi } from '../../shared/api';
import {
  parsePresenterState,
  presenterStateHash,
  type PresenterState,
} from '../../shared/present/presenter-state';
import { openSettledEventSource } from './settled-event-source';

type PresenterLink = Pick<DeckApi, 'sendPresenterState' | 'onPresenterState' | 'openSpeakerView'>;

/** One channel per origin, and serve mode has one origin per run: windows of other runs never hear it. */
const CHANNEL_NAME = 'podium-presenter';

type ChannelMessage = { kind: 'state'; state: PresenterState } | { kind: 'hello' };

/**
 * Serve mode's presenter link. The presenter's windows (presentation and speaker view, same
 * browser, same origin) talk directly over a BroadcastChannel; each move is also posted to the
 * server, which passes it on to followers as server-sent events. A follower only listens.
 */
export function createHttpPresenterLink(options: { follower: boolean }): PresenterLink {
  if (options.follower) return followerLink();
  const channel = new BroadcastChannel(CHANNEL_NAME);
  let lastKnown: PresenterState | null = null;
  const listeners = new Set<(state: PresenterState) => void>();

  channel.addEventListener('message', (event: MessageEvent<ChannelMessage>) => {
    const message = event.data;
    if (message.kind === 'hello') {
      // A window that just opened asks where the talk is; whoever knows answers.
      if (lastKnown) channel.postMessage({ kind: 'state', state: lastKnown } satisfies ChannelMessage);
      return;
    }
    const state = parsePresenterState(message.state);
    if (!state) return;
    lastKnown = state;
    for (const listener of listeners) listener(state);
  });

  return {
    sendPresenterState(state) {
      lastKnown = state;
      channel.postMessage({ kind: 'state', state } satisfies ChannelMessage);
      void postToFollowers(state);
    },
    onPresenterState(listener) {
      listeners.add(listener);
      channel.postMessage({ kind: 'hello' } satisfies ChannelMessage);
      return () => listeners.delete(listener);
    },
    openSpeakerView() {
      const hash = lastKnown ? presenterStateHash(lastKnown) : '';
      // A named window: pressing S again brings the same speaker view forward rather than a second one.
      window.open(`./?${SPEAKER_VIEW_QUERY}${hash}`, 'podium-speaker', 'popup,width=1280,height=800');
    },
  };
}

function followerLink(): PresenterLink {
  return {
    sendPresenterState() {
      // A follower never drives the talk; the server would refuse its token anyway.
    },
    onPresenterState(listener) {
      return openSettledEventSource(HTTP_ROUTES.presenterEvents.slice(1), {
        presenter: (event) => {
          const state = parsePresenterState(JSON.parse(event.data));
          if (state) listener(state);
        },
      });
    },
    openSpeakerView() {},
  };
}

async function postToFollowers(state: PresenterState): Promise<void> {
  try {
    await fetch(HTTP_ROUTES.presenter.slice(1), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(state),
    });
  } catch {
    // Followers miss one move while the server is gone; the presentation itself goes on.
  }
}
