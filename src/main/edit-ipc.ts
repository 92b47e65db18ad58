import { IPC_CHANNELS } from '../shared/api';
import { isValidEditCall, type EditMethod } from '../shared/edit/edit-api';
import { PodiumError } from '../shared/errors';
import { createDeckEditor } from '../node/edit/deck-editor';
import { explainWriteFailure } from '../node/fs/write-failure';
import { handleIpc, type IpcArgumentParser } from './ipc';

const editCall: IpcArgumentParser<[EditMethod, unknown[]]> = (args) => {
  const [method, callArgs] = args;
  if (args.length !== 2 || typeof method !== 'string' || !isValidEditCall(method, callArgs)) {
    throw new Error(`not a valid edit call: ${String(method)}`);
  }
  return [method as EditMethod, callArgs];
};

/** The main side of DeckEditApi: the same host code as serve mode's edit routes, for the open deck. */
export function registerEditIpc(getDeckRoot: () => string | null): void {
  handleIpc(IPC_CHANNELS.edit, editCall, (method, args) => {
    const root = getDeckRoot();
    if (root === null) throw new Error('no deck is open');
    const call = createDeckEditor(root)[method] as (...values: unknown[]) => Promise<unknown>;
    // As serve mode's edit routes answer: a refusal as it is, a disk's failure in words.
    return call(...args).catch((error: unknown) => {
      throw error instanceof PodiumError ? error : new Error(explainWriteFailure(error));
    });
  });
}
