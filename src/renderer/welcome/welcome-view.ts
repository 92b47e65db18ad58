import './welcome.css';
import { EDIT_VIEW_QUERY } from '../../shared/api';
import type { RecentDeck, WelcomeApi } from '../../shared/welcome-api';
import { messageOf } from '../../shared/errors';
import { h } from '../dom';

/**
 * The app's first window when it is started without a deck, as Keynote's or VS Code's: start a
 * new deck from the template, open a folder, reopen a recent deck, or look at the sample. Once a
 * deck is open the window shows it: the presentation, or the edit view for a new deck.
 */
export class WelcomeView {
  private readonly status = h('p', { className: 'podium-welcome-status', attrs: { role: 'alert' } });
  /** Aborted by destroy: every button's listener is added with its signal. */
  private readonly lifetime = new AbortController();
  private readonly main = h('main', { className: 'podium-welcome' });

  constructor(
    private readonly api: WelcomeApi,
    private readonly body: HTMLElement,
  ) {}

  async start(): Promise<void> {
    const actions = h(
      'div',
      { className: 'podium-welcome-actions' },
      this.action('New Deck…', 'A deck folder made from a template, opened for editing', () => this.api.newDeck(), EDIT_VIEW_QUERY),
      this.action('Open Folder…', 'A folder of Markdown segments, or one .md file', () => this.api.openFolder()),
      this.action('Sample Deck', 'The Paris 2024 closing ceremony recap', () => this.api.openSample()),
    );
    const title = h('h1', { className: 'podium-welcome-title' }, 'Podium');
    const intro = h('section', { className: 'podium-welcome-start' }, title, actions, this.status);
    const recent = h(
      'section',
      { className: 'podium-welcome-recent', attrs: { 'aria-labelledby': 'podium-welcome-recent-heading' } },
      h('h2', { id: 'podium-welcome-recent-heading' }, 'Recent Decks'),
      this.recentList(await this.api.recentDecks()),
    );
    if (this.lifetime.signal.aborted) return;
    this.main.append(intro, recent);
    this.body.replaceChildren(this.main);
    actions.querySelector('button')?.focus();
  }

  private recentList(decks: RecentDeck[]): HTMLElement {
    if (decks.length === 0) return h('p', { className: 'podium-welcome-empty' }, 'Decks you open appear here.');
    return h(
      'ul',
      { className: 'podium-welcome-recent-list' },
      ...decks.map((deck) => h('li', {}, this.action(deck.title || deck.path, deck.path, () => this.api.openRecent(deck.path)))),
    );
  }

  private action(label: string, detail: string, run: () => Promise<boolean>, thenQuery = ''): HTMLButtonElement {
    return h(
      'button',
      {
        type: 'button',
        className: 'podium-welcome-action',
        on: { click: () => void this.choose(run, thenQuery) },
        signal: this.lifetime.signal,
      },
      h('span', { className: 'podium-welcome-action-name' }, label),
      h('span', { className: 'podium-welcome-action-detail' }, detail),
    );
  }

  /** Takes the window's content away and no choice runs after this. */
  destroy(): void {
    this.lifetime.abort();
    this.main.remove();
  }

  /** One choice at a time: the buttons wait while a dialog is open or a deck loads. */
  private async choose(run: () => Promise<boolean>, thenQuery: string): Promise<void> {
    const buttons = [...this.body.querySelectorAll('button')];
    for (const button of buttons) button.disabled = true;
    this.status.textContent = '';
    try {
      if (await run()) {
        location.replace(thenQuery === '' ? location.pathname : `${location.pathname}?${thenQuery}`);
        return;
      }
    } catch (error) {
      this.status.textContent = messageOf(error);
    }
    for (const button of buttons) button.disabled = false;
  }
}
