import type { Deck } from '../../shared/deck/model';

export interface SegmentListEvents {
  onSelect(file: string): void;
  onCreate(): void;
  onDuplicate(file: string): void;
  onRename(file: string): void;
  onDelete(file: string): void;
  /** All segment files in their new order, after a drag. */
  onReorder(files: string[]): void;
}

/** The deck's segments: pick one to edit, drag to reorder, and the usual file actions. */
export class SegmentList {
  private readonly list: HTMLOListElement;
  private current: string | null = null;
  private dragged: string | null = null;

  constructor(parent: HTMLElement, private readonly events: SegmentListEvents) {
    const toolbar = document.createElement('div');
    toolbar.className = 'podium-segment-actions';
    const button = (label: string, title: string, run: () => void): HTMLButtonElement => {
      const element = document.createElement('button');
      element.type = 'button';
      element.textContent = label;
      element.title = title;
      element.addEventListener('click', run);
      toolbar.append(element);
      return element;
    };
    button('New', 'Add a segment after this one', () => events.onCreate());
    button('Duplicate', 'Duplicate this segment', () => this.current && events.onDuplicate(this.current));
    button('Rename', 'Rename this segment file', () => this.current && events.onRename(this.current));
    button('Delete', 'Delete this segment (can be undone)', () => this.current && events.onDelete(this.current));
    this.list = document.createElement('ol');
    this.list.className = 'podium-segments';
    parent.append(toolbar, this.list);
  }

  render(deck: Deck, current: string | null, dirty: ReadonlySet<string>): void {
    this.current = current;
    this.list.replaceChildren(
      ...deck.segments.map((segment) => {
        const item = document.createElement('li');
        item.dataset.file = segment.file;
        item.draggable = true;
        item.classList.toggle('current', segment.file === current);
        const title = document.createElement('span');
        title.className = 'podium-segment-title';
        title.textContent = `${dirty.has(segment.file) ? '● ' : ''}${segment.title ?? segment.file}`;
        const file = document.createElement('span');
        file.className = 'podium-segment-file';
        file.textContent = segment.file;
        item.append(title, file);
        item.addEventListener('click', () => this.events.onSelect(segment.file));
        item.addEventListener('dragstart', () => (this.dragged = segment.file));
        item.addEventListener('dragover', (event) => event.preventDefault());
        item.addEventListener('drop', (event) => {
          event.preventDefault();
          this.drop(deck, segment.file);
        });
        return item;
      }),
    );
  }

  private drop(deck: Deck, onto: string): void {
    const moving = this.dragged;
    this.dragged = null;
    if (!moving || moving === onto) return;
    const files = deck.segments.map((segment) => segment.file).filter((file) => file !== moving);
    const from = deck.segments.findIndex((segment) => segment.file === moving);
    const to = deck.segments.findIndex((segment) => segment.file === onto);
    // Dropped on a later segment: after it; on an earlier one: before it.
    files.splice(files.indexOf(onto) + (from < to ? 1 : 0), 0, moving);
    this.events.onReorder(files);
  }
}
