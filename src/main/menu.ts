import { Menu, type BaseWindow, type MenuItemConstructorOptions } from 'electron';
import type { DeckPicker } from './open-deck-dialog';

export interface MenuActions {
  openDeck(window: BaseWindow | undefined, picker: DeckPicker): void;
  exportPdf(window: BaseWindow | undefined): void;
  present(window: BaseWindow | undefined): void;
  presentOnThisDisplay(window: BaseWindow | undefined): void;
  speakerView(window: BaseWindow | undefined): void;
  swapDisplays(): void;
  editSlides(window: BaseWindow | undefined): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Adds Toggle Developer Tools; off in the app people present with. */
  isDevelopment: boolean;
}

const MENU_ACCELERATORS = {
  openDeck: 'CmdOrCtrl+O',
  openMarkdownFile: 'CmdOrCtrl+Shift+O',
  // Not CmdOrCtrl+P: that promises a print dialog, and this asks where to save a file.
  exportPdf: 'CmdOrCtrl+Shift+E',
  // F5 starts a slide show in PowerPoint and LibreOffice; the page reloads with CmdOrCtrl+R.
  present: 'F5',
  // PowerPoint's key for its presenter view.
  speakerView: 'Alt+F5',
  editSlides: 'CmdOrCtrl+Shift+D',
} as const;

export function installApplicationMenu(actions: MenuActions, options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(actions, options)));
}

export function applicationMenuTemplate(actions: MenuActions, options: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const openItems: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: 'Open Deck…',
          accelerator: MENU_ACCELERATORS.openDeck,
          click: (_item, window) => actions.openDeck(window, 'folder-or-file'),
        },
      ]
    : [
        {
          label: 'Open Deck…',
          accelerator: MENU_ACCELERATORS.openDeck,
          click: (_item, window) => actions.openDeck(window, 'folder'),
        },
        {
          label: 'Open Markdown File…',
          accelerator: MENU_ACCELERATORS.openMarkdownFile,
          click: (_item, window) => actions.openDeck(window, 'markdown-file'),
        },
      ];

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      ...openItems,
      {
        label: 'Export PDF…',
        accelerator: MENU_ACCELERATORS.exportPdf,
        click: (_item, window) => actions.exportPdf(window),
      },
      { type: 'separator' },
      // macOS quits from the app menu; its File menu closes the window.
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      {
        label: 'Present',
        accelerator: MENU_ACCELERATORS.present,
        click: (_item, window) => actions.present(window),
      },
      {
        // Where the app cannot move windows (Wayland), or guessed the audience's screen wrong.
        label: 'Present on This Display',
        click: (_item, window) => actions.presentOnThisDisplay(window),
      },
      {
        label: 'Speaker View',
        accelerator: MENU_ACCELERATORS.speakerView,
        click: (_item, window) => actions.speakerView(window),
      },
      {
        label: 'Edit Slides',
        accelerator: MENU_ACCELERATORS.editSlides,
        click: (_item, window) => actions.editSlides(window),
      },
      {
        // With two displays: audience on the laptop, speaker view on the projector, or back.
        label: 'Swap Displays',
        click: () => actions.swapDisplays(),
      },
      { type: 'separator' },
      { role: 'reload' },
      ...(options.isDevelopment ? [{ role: 'toggleDevTools' } as const] : []),
    ],
  };

  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    file,
    { role: 'editMenu' },
    view,
    ...(isMac ? [{ role: 'windowMenu' } as const] : []),
  ];
}
