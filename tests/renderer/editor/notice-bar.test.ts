// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NoticeBar } from '../../../src/renderer/editor/notice-bar';

describe('NoticeBar', () => {
  let parent: HTMLElement;
  let notice: NoticeBar;
  const bar = (): HTMLElement => parent.querySelector<HTMLElement>('.podium-notice')!;
  const button = (label: string): HTMLButtonElement =>
    [...bar().querySelectorAll('button')].find((candidate) => candidate.textContent === label)!;

  beforeEach(() => {
    document.body.replaceChildren();
    parent = document.createElement('main');
    parent.append(document.createElement('div'));
    document.body.append(parent);
    notice = new NoticeBar(parent);
  });

  it('is hidden, first in its parent, until it has something to say', () => {
    expect(parent.firstElementChild).toBe(bar());
    expect(bar().hidden).toBe(true);
  });

  it('shows one message with its kind and a button per action', () => {
    notice.show('warning', 'a.md changed on disk', [{ label: 'Keep mine', run: () => undefined }]);
    expect(bar().hidden).toBe(false);
    expect(bar().dataset.kind).toBe('warning');
    expect(bar().querySelector('span')?.textContent).toBe('a.md changed on disk');
    expect(button('Keep mine')).toBeDefined();
    notice.show('info', 'Deleted a.md.');
    expect(bar().querySelectorAll('span')).toHaveLength(1);
    expect(bar().querySelectorAll('button')).toHaveLength(0);
  });

  it('runs an action and closes, unless the action keeps the notice', () => {
    const undo = vi.fn();
    const download = vi.fn();
    notice.show('error', 'Could not save', [
      { label: 'Download a copy', run: download, keepsNotice: true },
      { label: 'Undo', run: undo },
    ]);
    button('Download a copy').click();
    expect(download).toHaveBeenCalledOnce();
    expect(bar().hidden).toBe(false);
    button('Undo').click();
    expect(undo).toHaveBeenCalledOnce();
    expect(bar().hidden).toBe(true);
    expect(bar().childElementCount).toBe(0);
  });
});
