import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { applicationMenuTemplate, type MenuActions } from '../../src/main/menu';

vi.mock('electron', () => import('./fake-electron'));

function actions(): MenuActions {
  return { openDeck: vi.fn(), exportPdf: vi.fn(), present: vi.fn(), presentOnThisDisplay: vi.fn(), speakerView: vi.fn(), swapDisplays: vi.fn(), editSlides: vi.fn() };
}

function find(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const all = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
    items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? all(item.submenu) : [])]);
  const item = all(template).find((candidate) => candidate.label === label);
  if (!item) throw new Error(`no menu item "${label}"`);
  return item;
}

describe('the presenting menu items', () => {
  it('open the speaker view with Alt+F5, as PowerPoint does', () => {
    const handlers = actions();
    const item = find(applicationMenuTemplate(handlers, { platform: 'linux', isDevelopment: false }), 'Speaker View');
    expect(item.accelerator).toBe('Alt+F5');
    (item.click as (item: unknown, window: unknown) => void)({}, 'the focused window');
    expect(handlers.speakerView).toHaveBeenCalledWith('the focused window');
  });

  it('swap the displays of the audience and the speaker view', () => {
    const handlers = actions();
    const item = find(applicationMenuTemplate(handlers, { platform: 'darwin', isDevelopment: false }), 'Swap Displays');
    (item.click as () => void)();
    expect(handlers.swapDisplays).toHaveBeenCalledTimes(1);
  });

  it('offer Present on This Display for the focused window, where the app cannot move windows itself', () => {
    const handlers = actions();
    const item = find(applicationMenuTemplate(handlers, { platform: 'linux', isDevelopment: false }), 'Present on This Display');
    (item.click as (item: unknown, window: unknown) => void)({}, 'the focused window');
    expect(handlers.presentOnThisDisplay).toHaveBeenCalledWith('the focused window');
  });
});
