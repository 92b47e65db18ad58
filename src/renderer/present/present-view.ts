import type { DeckApi } from '../../shared/api';
import type { RemoteApi } from '../../shared/remote-api';
import type { Deck } from '../../shared/deck/model';
import { DeckView } from '../deck-view/deck-view';
import { startFollowMode, startPresentMode } from './present-mode';

/** Who moves the deck: the presenter (keys, clicker, speaker view) or a follower moved by them. */
export type PresentRole = 'present' | 'follow';

/**
 * The presentation and the follower's screen as one controller, as the speaker, edit and welcome
 * views are: start shows the deck and keeps it in step with its files, update shows a changed deck
 * on the same slide, destroy releases every listener, stream and reveal.js itself.
 */
export class PresentView {
  private readonly deckView: DeckView;
  private readonly releases: Array<() => void> = [];

  constructor(
    private readonly api: DeckApi,
    root: HTMLElement,
    private readonly role: PresentRole,
    /** The phone remote's steps and laser, for a presentation that has one. */
    private readonly remote: RemoteApi | null = null,
  ) {
    this.deckView = new DeckView(root, { printView: false });
  }

  async start(): Promise<void> {
    await this.deckView.show(await this.api.loadDeck());
    this.releases.push(this.api.onDeckChanged((deck) => void this.update(deck)));
    const reveal = this.deckView.revealApi;
    if (reveal) this.releases.push(this.role === 'follow' ? startFollowMode(reveal, this.api) : startPresentMode(reveal, this.api, this.remote));
  }

  update(deck: Deck): Promise<void> {
    return this.deckView.update(deck);
  }

  destroy(): void {
    for (const release of this.releases.splice(0).reverse()) release();
    this.deckView.destroy();
  }
}
