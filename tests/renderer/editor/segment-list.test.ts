// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildDeck } from '../../../src/shared/deck/build-deck';
import { SegmentList, type SegmentListEvents } from '../../../src/renderer/editor/segment-list';

const deckOf = (...files: [string, string][]) =>
  buildDeck({ fallbackTitle: 'deck', segments: files.map(([file, source]) => ({ file, source })) });

describe('SegmentList', () => {
  let parent: HTMLElement;
  let events: { onSelect: ReturnType<typeof vi.fn<(file: string) => void>>; onReorder: ReturnType<typeof vi.fn<(files: string[]) => void>> } & SegmentListEvents;
  let list: SegmentList;
  const items = (): HTMLLIElement[] => [...parent.querySelectorAll<HTMLLIElement>('.podium-segments li')];
  const titles = (): string[] => items().map((item) => item.querySelector('.podium-segment-title')?.textContent ?? '');

  beforeEach(() => {
    document.body.replaceChildren();
    parent = document.createElement('aside');
    document.body.append(parent);
    events = { onSelect: vi.fn(), onReorder: vi.fn() };
    list = new SegmentList(parent, events);
  });

  it('shows each segment with its title, the current one marked, unsaved ones with a dot', () => {
    list.render(deckOf(['1-a.md', '# Alpha\n'], ['2-b.md', '# Beta\n']), '2-b.md', new Set(['2-b.md']));
    expect(titles()).toEqual(['Alpha', '● Beta']);
    expect(items().map((item) => item.classList.contains('current'))).toEqual([false, true]);
  });

  describe('when rendered again, as on each keystroke', () => {
    it('keeps each item and changes only what changed', () => {
      list.render(deckOf(['1-a.md', '# Alpha\n'], ['2-b.md', '# Beta\n']), '1-a.md', new Set());
      const before = items();
      list.render(deckOf(['1-a.md', '# Alpha typed\n'], ['2-b.md', '# Beta\n']), '1-a.md', new Set(['1-a.md']));
      expect(items()).toEqual(before);
      expect(items()[0]).toBe(before[0]);
      expect(titles()).toEqual(['● Alpha typed', 'Beta']);
    });

    it('follows the deck: new segments appear in place, removed ones go, the order is the deck’s', () => {
      list.render(deckOf(['1-a.md', '# A\n'], ['2-b.md', '# B\n'], ['3-c.md', '# C\n']), '1-a.md', new Set());
      const [a, , c] = items();
      list.render(deckOf(['3-c.md', '# C\n'], ['0-new.md', '# New\n'], ['1-a.md', '# A\n']), '1-a.md', new Set());
      expect(titles()).toEqual(['C', 'New', 'A']);
      expect(items()[0]).toBe(c);
      expect(items()[2]).toBe(a);
    });

    it('selects and reorders with the deck of the last render', () => {
      list.render(deckOf(['1-a.md', '# A\n'], ['2-b.md', '# B\n']), '1-a.md', new Set());
      list.render(deckOf(['1-a.md', '# A\n'], ['2-b.md', '# B\n'], ['3-c.md', '# C\n']), '1-a.md', new Set());
      items()[1]!.click();
      expect(events.onSelect).toHaveBeenCalledWith('2-b.md');
      items()[0]!.dispatchEvent(new Event('dragstart'));
      items()[2]!.dispatchEvent(new Event('drop', { cancelable: true }));
      expect(events.onReorder).toHaveBeenCalledWith(['2-b.md', '3-c.md', '1-a.md']);
    });
  });

  describe('from the keyboard', () => {
    const pick = (index: number): HTMLButtonElement => items()[index]!.querySelector<HTMLButtonElement>('button.podium-segment-pick')!;
    const press = (index: number, key: string, altKey = true): void => {
      pick(index).dispatchEvent(new KeyboardEvent('keydown', { key, altKey, bubbles: true, cancelable: true }));
    };

    it('makes each segment a button, the current one marked for readers, that selects it', () => {
      list.render(deckOf(['1-a.md', '# A\n'], ['2-b.md', '# B\n']), '1-a.md', new Set());
      expect(pick(0).getAttribute('aria-current')).toBe('true');
      expect(pick(1).hasAttribute('aria-current')).toBe(false);
      pick(1).click();
      expect(events.onSelect).toHaveBeenCalledWith('2-b.md');
    });

    it('moves a segment one place with Alt+↑ and Alt+↓, not past either end, and focuses it in its new place', () => {
      list.render(deckOf(['1-a.md', '# A\n'], ['2-b.md', '# B\n'], ['3-c.md', '# C\n']), '1-a.md', new Set());
      press(0, 'ArrowUp');
      press(1, 'ArrowDown', false);
      expect(events.onReorder).not.toHaveBeenCalled();
      press(0, 'ArrowDown');
      expect(events.onReorder).toHaveBeenLastCalledWith(['2-b.md', '1-a.md', '3-c.md']);
      // The deck comes back in its new order: focus follows the moved segment.
      list.render(deckOf(['2-b.md', '# B\n'], ['1-a.md', '# A\n'], ['3-c.md', '# C\n']), '1-a.md', new Set());
      expect(document.activeElement).toBe(pick(1));
      expect(pick(1).textContent).toContain('1-a.md');
      press(2, 'ArrowUp');
      expect(events.onReorder).toHaveBeenLastCalledWith(['2-b.md', '3-c.md', '1-a.md']);
    });
  });
});
