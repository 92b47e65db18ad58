import { randomBytes } from 'node:crypto';
import { cp, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PodiumError } from '../shared/errors';

/**
 * Makes a new deck at `target` from the template folder: whole or not at all. The copy is made in
 * a hidden sibling and renamed into place, so a failure halfway leaves no half-made deck, and a
 * folder that already holds files is refused, never written into.
 */
export async function createDeckFromTemplate(templateDir: string, target: string): Promise<void> {
  const existing = await readdir(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    if (error.code === 'ENOTDIR') throw new PodiumError('usage', `${target} is a file, not a folder`);
    throw error;
  });
  if (existing !== null && existing.length > 0) {
    throw new PodiumError('usage', `${target} already holds files: choose a new or empty folder for the deck`);
  }
  const staging = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await cp(templateDir, staging, { recursive: true, errorOnExist: true, force: false });
    if (existing !== null) await rmdir(target);
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
