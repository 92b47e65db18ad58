import './welcome.css';
import { EDIT_VIEW_QUERY } from '../../shared/api';
import type { RecentDeck, WelcomeApi } from '../../shared/welcome-api';
import { messageOf } from '../../shared/errors';

/**
 * The app's first window when it is started without a deck, as Keynote's or VS Code's: start a
 * new deck from the template, open a folder, reopen a recent deck, or look at the sample. Once a
 * deck is open the window shows it: the presentation, or the edit view for a new deck.
 */
export class WelcomeView {
  private readonly status = make('p', 'podium-welcome-status');
  /** Aborted by destroy: every button's listener is added with its signal. */
  private readonly lifetime = new AbortController();
  private readonly main = make('main', 'podium-welcome');

  constructor(
    private readonly api: WelcomeApi,
    private readonly body: HTMLElement,
  ) {}

  async start(): Promise<void> {
    this.status.setAttribute('role', 'alert');
    const actions = make('div', 'podium-welcome-actions');
    actions.append(
      this.action('New Deck…', 'A deck folder made from a template, opened for editing', () => this.api.newDeck(), EDIT_VIEW_QUERY),
      this.action('Open Folder…', 'A folder of Markdown segments, or one .md file', () => this.api.openFolder()),
      this.action('Sample Deck', 'The Paris 2024 closing ceremony recap', () => this.api.openSample()),
    );
    const heading = make('h1', 'podium-welcome-title');
    heading.textContent = 'Podium';
    const intro = make('section', 'podium-welcome-start');
    intro.append(heading, actions, this.status);
    const recent = make('section', 'podium-welcome-recent');
    recent.setAttribute('aria-labelledby', 'podium-welcome-recent-heading');
    const recentHeading = make('h2');
    recentHeading.id = 'podium-welcome-recent-heading';
    recentHeading.textContent = 'Recent Decks';
    recent.append(recentHeading, this.recentList(await this.api.recentDecks()));
    if (this.lifetime.signal.aborted) return;
    this.main.append(intro, recent);
    this.body.replaceChildren(this.main);
    actions.querySelector('button')?.focus();
  }

  private recentList(decks: RecentDeck[]): HTMLElement {
    if (decks.length === 0) {
      const empty = make('p', 'podium-welcome-empty');
      empty.textContent = 'Decks you open appear here.';
      return empty;
    }
    const list = make('ul', 'podium-welcome-recent-list');
    for (const deck of decks) {
      const item = make('li');
      item.append(this.action(deck.title || deck.path, deck.path, () => this.api.openRecent(deck.path)));
      list.append(item);
    }
    return list;
  }

  private action(label: string, detail: string, run: () => Promise<boolean>, thenQuery = ''): HTMLButtonElement {
    const button = make('button', 'podium-welcome-action');
    button.type = 'button';
    const name = make('span', 'podium-welcome-action-name');
    name.textContent = label;
    const description = make('span', 'podium-welcome-action-detail');
    description.textContent = detail;
    button.append(name, description);
    button.addEventListener('click', () => void this.choose(run, thenQuery), { signal: this.lifetime.signal });
    return button;
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

function make<K extends keyof HTMLElementTagNameMap>(tag: K, className = ''): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className !== '') element.className = className;
  return element;
}
