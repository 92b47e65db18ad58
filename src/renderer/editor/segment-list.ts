import type { Deck } from '../../shared/deck/model';
import { h } from '../dom';

export interface SegmentListEvents {
  onSelect(file: string): void;
  /** All segment files in their new order, after a drag. */
  onReorder(files: string[]): void;
}

/**
 * The deck's segments: pick one to edit (a click, or Enter on its button), drag or Alt+↑/↓ to
 * reorder. The file actions are the edit toolbar's.
 */
export class SegmentList {
  private readonly list: HTMLOListElement;
  private dragged: string | null = null;
  private deck: Deck | null = null;
  private readonly items = new Map<string, HTMLLIElement>();
  /**
   * A segment moved from the keyboard: the place its button takes focus again once the deck comes
   * back in the new order (the move renames files and rebuilds items, which loses focus).
   */
  private focusAfterMove: { index: number; orderBefore: string } | null = null;

  constructor(parent: HTMLElement, private readonly events: SegmentListEvents) {
    this.list = h('ol', { className: 'podium-segments', attrs: { 'aria-labelledby': 'podium-segments-heading' } });
    parent.append(h('h2', { className: 'podium-pane-heading', id: 'podium-segments-heading' }, 'Segments'), this.list);
  }

  /**
   * Keyed by file: each keystroke re-renders the list, which must not rebuild every item (nor lose
   * a drag under way); an item is made once per file and only its text and classes change after.
   */
  render(deck: Deck, current: string | null, dirty: ReadonlySet<string>): void {
    this.deck = deck;
    const wanted = new Set(deck.segments.map((segment) => segment.file));
    for (const [file, item] of this.items) {
      if (wanted.has(file)) continue;
      item.remove();
      this.items.delete(file);
    }
    deck.segments.forEach((segment, index) => {
      const item = this.items.get(segment.file) ?? this.createItem(segment.file);
      item.classList.toggle('current', segment.file === current);
      const pick = item.querySelector('.podium-segment-pick');
      if (segment.file === current) pick?.setAttribute('aria-current', 'true');
      else pick?.removeAttribute('aria-current');
      const title = `${dirty.has(segment.file) ? '● ' : ''}${segment.title ?? segment.file}`;
      const titleElement = item.querySelector('.podium-segment-title')!;
      if (titleElement.textContent !== title) titleElement.textContent = title;
      if (this.list.children[index] !== item) this.list.insertBefore(item, this.list.children[index] ?? null);
    });
    const moved = this.focusAfterMove;
    if (moved && deck.segments.map((segment) => segment.file).join('\n') !== moved.orderBefore) {
      this.focusAfterMove = null;
      this.list.children[moved.index]?.querySelector<HTMLElement>('.podium-segment-pick')?.focus();
    }
  }

  private createItem(file: string): HTMLLIElement {
    const item = h(
      'li',
      {
        dataset: { file },
        draggable: true,
        on: {
          click: () => this.events.onSelect(file),
          dragstart: () => (this.dragged = file),
          dragover: (event) => event.preventDefault(),
          drop: (event) => {
            event.preventDefault();
            this.drop(this.deck, file);
          },
        },
      },
      // A button, so that the keyboard reaches each segment; its click bubbles to the item's.
      h(
        'button',
        {
          type: 'button',
          className: 'podium-segment-pick',
          title: 'Edit this segment; Alt+↑ or Alt+↓ moves it',
          on: { keydown: (event) => this.moveWithKeys(event, file) },
        },
        h('span', { className: 'podium-segment-title' }),
        h('span', { className: 'podium-segment-file' }, file),
      ),
    );
    this.items.set(file, item);
    return item;
  }

  /** Alt+↑ and Alt+↓ move the focused segment one place, as dragging it onto its neighbour does. */
  private moveWithKeys(event: KeyboardEvent, file: string): void {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    this.move(file, event.key === 'ArrowUp' ? -1 : 1, true);
  }

  /** Moves `file` one place up (-1) or down (1); `refocus` gives its item focus again in its new place. */
  move(file: string, by: -1 | 1, refocus = false): void {
    const files = this.deck?.segments.map((segment) => segment.file) ?? [];
    const from = files.indexOf(file);
    const to = from + by;
    if (from < 0 || to < 0 || to >= files.length) return;
    if (refocus) this.focusAfterMove = { index: to, orderBefore: files.join('\n') };
    files.splice(from, 1);
    files.splice(to, 0, file);
    this.events.onReorder(files);
  }

  private drop(deck: Deck | null, onto: string): void {
    const moving = this.dragged;
    this.dragged = null;
    if (!deck || !moving || moving === onto) return;
    const files = deck.segments.map((segment) => segment.file).filter((file) => file !== moving);
    const from = deck.segments.findIndex((segment) => segment.file === moving);
    const to = deck.segments.findIndex((segment) => segment.file === onto);
    // Dropped on a later segment: after it; on an earlier one: before it.
    files.splice(files.indexOf(onto) + (from < to ? 1 : 0), 0, moving);
    this.events.onReorder(files);
  }
}
