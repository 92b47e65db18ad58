import { describe, expect, it, vi, type Mock } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { applicationMenuTemplate, type MenuActions } from '../../src/main/menu';

vi.mock('electron', () => import('./fake-electron'));

function actions(): { [K in keyof MenuActions]: Mock<MenuActions[K]> } {
  return { openDeck: vi.fn(), exportPdf: vi.fn(), present: vi.fn(), presentOnThisDisplay: vi.fn(), speakerView: vi.fn(), swapDisplays: vi.fn(), editSlides: vi.fn() };
}

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

function find(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const item = items(template).find((candidate) => candidate.label === label);
  if (!item) throw new Error(`no menu item "${label}"`);
  return item;
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as (item: unknown, window: unknown, event: unknown) => void)({}, undefined, {});
}

describe('applicationMenuTemplate', () => {
  it('opens a deck with CmdOrCtrl+O', () => {
    const handlers = actions();
    const item = find(applicationMenuTemplate(handlers, { platform: 'linux', isDevelopment: false }), 'Open Deck…');
    expect(item.accelerator).toBe('CmdOrCtrl+O');
    click(item);
    expect(handlers.openDeck).toHaveBeenCalledWith(undefined, 'folder');
  });

  it('offers a Markdown file picker where the Open dialog cannot pick both', () => {
    const handlers = actions();
    click(find(applicationMenuTemplate(handlers, { platform: 'win32', isDevelopment: false }), 'Open Markdown File…'));
    expect(handlers.openDeck).toHaveBeenCalledWith(undefined, 'markdown-file');
  });

  it('picks a folder or a file in one dialog on macOS', () => {
    const handlers = actions();
    const template = applicationMenuTemplate(handlers, { platform: 'darwin', isDevelopment: false });
    click(find(template, 'Open Deck…'));
    expect(handlers.openDeck).toHaveBeenCalledWith(undefined, 'folder-or-file');
    expect(items(template).some((item) => item.label === 'Open Markdown File…')).toBe(false);
  });

  it('exports a PDF and presents from the menu, each with a shortcut', () => {
    const handlers = actions();
    const template = applicationMenuTemplate(handlers, { platform: 'linux', isDevelopment: false });
    const exportItem = find(template, 'Export PDF…');
    const present = find(template, 'Present');
    expect(exportItem.accelerator).toBeTruthy();
    expect(present.accelerator).toBeTruthy();
    click(exportItem);
    click(present);
    expect(handlers.exportPdf).toHaveBeenCalledTimes(1);
    expect(handlers.present).toHaveBeenCalledTimes(1);
  });

  it('has no two items on the same shortcut', () => {
    const accelerators = items(applicationMenuTemplate(actions(), { platform: 'linux', isDevelopment: true }))
      .map((item) => item.accelerator)
      .filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('offers developer tools only in development', () => {
    const roles = (isDevelopment: boolean): unknown[] =>
      items(applicationMenuTemplate(actions(), { platform: 'linux', isDevelopment })).map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('keeps the Edit menu so that copy and paste work', () => {
    const roles = items(applicationMenuTemplate(actions(), { platform: 'linux', isDevelopment: false })).map(
      (item) => item.role,
    );
    expect(roles).toEqual(expect.arrayContaining(['editMenu', 'reload', 'quit']));
  });
});
