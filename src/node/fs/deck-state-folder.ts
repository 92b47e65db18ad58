import { mkdir, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { PodiumError } from '../../shared/errors';
import { isInside } from '../deck/deck-files';

/**
 * The real path of a folder of Podium's own inside the deck (`.podium/recovery`, `.podium/trash`),
 * made one level at a time if missing. Each level is checked before the next is made, so a
 * `.podium` that is a symlink out of the deck gets nothing written through it, not even a folder.
 */
export async function deckStateFolderForWriting(root: string, relative: string): Promise<string> {
  const realRoot = await realpath(root);
  let current = realRoot;
  for (const part of relative.split('/')) {
    const next = join(current, part);
    await mkdir(next).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
    current = await insideOrRefuse(realRoot, next, relative);
  }
  return current;
}

/** As `deckStateFolderForWriting`, for reading: null when the folder does not exist, nothing made. */
export async function deckStateFolderForReading(root: string, relative: string): Promise<string | null> {
  const realRoot = await realpath(root);
  const real = await realpath(join(realRoot, relative)).catch(() => null);
  if (real === null) return null;
  return insideOrRefuse(realRoot, real, relative);
}

async function insideOrRefuse(realRoot: string, path: string, relative: string): Promise<string> {
  const real = await realpath(path).catch(() => null);
  if (real === null || !isInside(realRoot, real)) {
    throw new PodiumError('usage', `${relative} leads outside the deck (a symlink?): Podium keeps nothing there`);
  }
  return real;
}
