import { lstat, realpath } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { normalizeDeckPath } from '../../shared/deck/deck-path';
import { PodiumError } from '../../shared/errors';
import { isInside } from '../deck/deck-files';

/**
 * The absolute path of a segment file named relative to the deck, for reading or writing.
 * Refuses anything but a `.md` file inside the deck folder: `..`, absolute paths, hidden files,
 * and symlinks, whose target could be anywhere (an edit never follows a path out of the deck).
 */
export async function segmentPath(root: string, file: string): Promise<string> {
  const refuse = (why: string): never => {
    throw new PodiumError('usage', `${file}: ${why}`);
  };
  const normalized = file.includes('\\') || file.startsWith('/') ? null : normalizeDeckPath(file.split('/'));
  if (normalized === null || normalized !== file) refuse('not a path inside the deck folder');
  if (!file.toLowerCase().endsWith('.md')) refuse('not a Markdown segment (.md)');
  if (file.split('/').some((part) => part.startsWith('.'))) refuse('hidden files are not segments');

  const realRoot = await realpath(root);
  const path = resolve(realRoot, file);
  const realParent = await realpath(dirname(path)).catch(() => refuse('its folder does not exist'));
  if (realParent !== realRoot && !isInside(realRoot, realParent)) refuse('its folder leads outside the deck');
  const info = await lstat(path).catch(() => null);
  if (info?.isSymbolicLink()) refuse('a symlink; edit the file it points to instead');
  return path;
}
