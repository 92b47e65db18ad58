import { IPC_CHANNELS } from '../shared/api';
import { parseRehearsal, type Rehearsal } from '../shared/present/rehearsal';
import { readRehearsal, writeRehearsal } from '../node/present/rehearsal-file';
import { handleIpc, noArguments, type IpcArgumentParser } from './ipc';

const oneRehearsal: IpcArgumentParser<[Rehearsal]> = (args) => {
  const rehearsal = args.length === 1 ? parseRehearsal(args[0]) : null;
  if (rehearsal === null) throw new Error('not a rehearsal: expected {"recordedAt": n, "slides": [{"h", "v", "ms"}]}');
  return [rehearsal];
};

/** The main side of `DeckApi.loadRehearsal` and `saveRehearsal`, for the open deck. */
export function registerRehearsalIpc(getDeckRoot: () => string | null): void {
  const rootOrThrow = (): string => {
    const root = getDeckRoot();
    if (root === null) throw new Error('no deck is open');
    return root;
  };
  handleIpc(IPC_CHANNELS.loadRehearsal, noArguments, () => readRehearsal(rootOrThrow()));
  handleIpc(IPC_CHANNELS.saveRehearsal, oneRehearsal, (rehearsal) => writeRehearsal(rootOrThrow(), rehearsal));
}
