import { isAbsolute } from 'node:path';
import { IPC_CHANNELS } from '../shared/api';
import { handleIpc, type IpcArgumentParser } from './ipc';

/** The path the preload read from the dropped File: one absolute path, nothing else. */
const droppedPathArgument: IpcArgumentParser<[string]> = (args) => {
  const [path] = args;
  if (args.length !== 1 || typeof path !== 'string') throw new Error('expected the dropped path as one string');
  if (!isAbsolute(path) || path.includes('\0')) throw new Error(`expected an absolute path, got ${JSON.stringify(path)}`);
  return [path];
};

/**
 * The main side of `DeckDropApi.openDroppedDeck`. The page is not trusted with what it sends:
 * `openFromOutside` checks that the path is a folder or `.md` file that exists before opening it.
 */
export function registerDropIpc(openFromOutside: (path: string) => Promise<boolean>): void {
  handleIpc(IPC_CHANNELS.openDroppedDeck, droppedPathArgument, async (path) => {
    await openFromOutside(path);
  });
}
