import { BrowserWindow, dialog, type BaseWindow, type SaveDialogOptions, type WebContents } from 'electron';
import { join } from 'node:path';
import { IPC_CHANNELS } from '../shared/api';
import { PodiumError } from '../shared/errors';
import { createDeckFromTemplate } from './new-deck';
import { handleIpc, handleIpcFromSender, noArguments, type IpcArgumentParser } from './ipc';
import { chooseDeckPath, defaultDeckPicker } from './open-deck-dialog';
import type { RecentDecks } from './recent-decks';

export interface WelcomeHost {
  recent: RecentDecks;
  /** The folder `newDeck` copies: resources/templates/basic. */
  templateDir: string;
  /** The ceremony deck that comes with the app. */
  sampleDeckDir: string;
  /** Where the New Deck dialog starts: the person's documents folder. */
  documentsDir: string;
  platform: NodeJS.Platform;
  /** Opens the deck in the app, or throws a sentence; the page then shows it. */
  openDeck(path: string): Promise<void>;
}

const onePath: IpcArgumentParser<[string]> = (args) => {
  const [path] = args;
  if (args.length !== 1 || typeof path !== 'string') throw new Error('expected one argument: a recent deck’s path');
  return [path];
};

/** The main side of `WelcomeApi`: each choice of the welcome window, as its dialogs and checks. */
export function registerWelcomeIpc(host: WelcomeHost): void {
  handleIpc(IPC_CHANNELS.welcomeRecentDecks, noArguments, () => host.recent.list());
  handleIpc(IPC_CHANNELS.welcomeOpenRecent, onePath, async (path) => {
    // The page names a deck only by picking one it was shown; any other path is refused.
    const known = await host.recent.list();
    if (!known.some((deck) => deck.path === path)) throw new PodiumError('usage', `${path} is not one of the recent decks`);
    await host.openDeck(path);
    return true;
  });
  handleIpcFromSender(IPC_CHANNELS.welcomeOpenFolder, noArguments, async (sender) => {
    const path = await chooseDeckPath(windowOf(sender), defaultDeckPicker(host.platform));
    if (path === null) return false;
    await host.openDeck(path);
    return true;
  });
  handleIpcFromSender(IPC_CHANNELS.welcomeNewDeck, noArguments, async (sender) => {
    const target = await chooseNewDeckFolder(windowOf(sender), host.documentsDir);
    if (target === null) return false;
    await createDeckFromTemplate(host.templateDir, target);
    await host.openDeck(target);
    return true;
  });
  handleIpc(IPC_CHANNELS.welcomeOpenSample, noArguments, async () => {
    await host.openDeck(host.sampleDeckDir);
    return true;
  });
}

/** A save dialog names a folder that does not exist yet, which an open dialog cannot. */
async function chooseNewDeckFolder(parent: BaseWindow | undefined, documentsDir: string): Promise<string | null> {
  const options: SaveDialogOptions = {
    title: 'New Deck',
    buttonLabel: 'Create',
    nameFieldLabel: 'Deck folder:',
    defaultPath: join(documentsDir, 'My talk'),
    properties: ['createDirectory'],
  };
  const choice = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  return choice.canceled || !choice.filePath ? null : choice.filePath;
}

function windowOf(sender: WebContents): BaseWindow | undefined {
  return BrowserWindow.fromWebContents(sender) ?? undefined;
}
