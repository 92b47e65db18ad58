import './welcome.css';
import appIcon from '../../../resources/icon.svg';
import { EDIT_VIEW_QUERY } from '../../shared/api';
import type { RecentDeck, WelcomeApi } from '../../shared/welcome-api';
import { messageOf } from '../../shared/errors';
import { h } from '../dom';

export interface WelcomeOptions {
  /** The window opens a deck folder or `.md` file dropped on it (the app's preload gives it): say so. */
  acceptsDrops?: boolean;
}

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
    private readonly options: WelcomeOptions = {},
  ) {}

  async start(): Promise<void> {
    const actions = h(
      'div',
      { className: 'podium-welcome-actions' },
      this.action('New Deck…', 'A deck folder made from a template, opened for editing', () => this.api.newDeck(), { thenQuery: EDIT_VIEW_QUERY, icon: '+' }),
      this.action('Open Folder…', 'A folder of Markdown segments, or one .md file', () => this.api.openFolder(), { icon: '↗' }),
      this.action('Sample Deck', 'The Paris 2024 closing ceremony recap', () => this.api.openSample(), { icon: '▶' }),
    );
    const header = h(
      'header',
      { className: 'podium-welcome-header' },
      h('img', { className: 'podium-welcome-icon', src: appIcon, alt: '', width: 64, height: 64 }),
      h('div', {}, h('h1', { className: 'podium-welcome-title' }, 'Podium'), h('p', { className: 'podium-welcome-tagline' }, 'Markdown slide decks, presented with reveal.js')),
    );
    const start = h('section', { className: 'podium-welcome-start', attrs: { 'aria-labelledby': 'podium-welcome-start-heading' } }, h('h2', { id: 'podium-welcome-start-heading' }, 'Start'), actions, this.status);
    const recent = h(
      'section',
      { className: 'podium-welcome-recent', attrs: { 'aria-labelledby': 'podium-welcome-recent-heading' } },
      h('h2', { id: 'podium-welcome-recent-heading' }, 'Recent Decks'),
      this.recentList(await this.api.recentDecks()),
    );
    if (this.lifetime.signal.aborted) return;
    const dropHint = this.options.acceptsDrops ? h('p', { className: 'podium-welcome-drop' }, 'Or drop a deck folder or a .md file on this window to open it.') : null;
    this.main.replaceChildren(h('div', { className: 'podium-welcome-page' }, header, h('div', { className: 'podium-welcome-columns' }, start, recent), dropHint));
    this.body.replaceChildren(this.main);
    if (dropHint) this.showDrags();
    actions.querySelector('button')?.focus();
  }

  private recentList(decks: RecentDeck[]): HTMLElement {
    if (decks.length === 0) return h('p', { className: 'podium-welcome-empty' }, 'Decks you open appear here.');
    return h(
      'ul',
      { className: 'podium-welcome-recent-list' },
      ...decks.map((deck) => h('li', {}, this.action(deck.title || deck.path, deck.path, () => this.api.openRecent(deck.path), { path: true }))),
    );
  }

  private action(label: string, detail: string, run: () => Promise<boolean>, how: { thenQuery?: string; icon?: string; path?: boolean } = {}): HTMLButtonElement {
    return h(
      'button',
      {
        type: 'button',
        className: how.icon ? 'podium-welcome-action with-icon' : 'podium-welcome-action',
        // A path cut short in the window is whole in its tooltip.
        title: how.path ? detail : '',
        on: { click: () => void this.choose(run, how.thenQuery ?? '') },
        signal: this.lifetime.signal,
      },
      how.icon ? h('span', { className: 'podium-welcome-action-icon', attrs: { 'aria-hidden': 'true' } }, how.icon) : null,
      h('span', { className: 'podium-welcome-action-name' }, label),
      how.path ? pathDetail(detail) : h('span', { className: 'podium-welcome-action-detail' }, detail),
    );
  }

  /** Marks the window while files are dragged over it: the drop hint lights up where they will land. */
  private showDrags(): void {
    const { signal } = this.lifetime;
    let depth = 0;
    const set = (dragging: boolean): void => {
      this.main.classList.toggle('dragging', dragging);
    };
    const carriesFiles = (event: DragEvent): boolean => Array.from(event.dataTransfer?.types ?? []).includes('Files');
    // dragenter and dragleave come for every element crossed: the window is left when they even out.
    window.addEventListener('dragenter', (event) => {
      if (carriesFiles(event)) set(++depth > 0);
    }, { signal });
    window.addEventListener('dragleave', (event) => {
      if (carriesFiles(event)) set(--depth > 0);
    }, { signal });
    window.addEventListener('drop', () => {
      depth = 0;
      set(false);
    }, { signal });
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

/**
 * A deck's path on one line: its folders, cut short in the middle when the line is too narrow,
 * then its own name, always whole (the part that tells two decks apart).
 */
function pathDetail(path: string): HTMLElement {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1;
  return h(
    'span',
    { className: 'podium-welcome-action-detail podium-welcome-path' },
    h('span', { className: 'podium-welcome-path-folders' }, path.slice(0, cut)),
    h('span', { className: 'podium-welcome-path-name' }, path.slice(cut)),
  );
}
