import { lstat, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { PodiumError } from '../../shared/errors';

export interface DirectoryWrite {
  /** The folder to write; made, or replaced whole. */
  target: string;
  /** A file whose presence marks a folder this writer made before, which it may replace. */
  marker: string;
  /** What the folder is, for messages: "HTML export". */
  what: string;
  /** Fills the temporary folder; the target is only touched once it returned. */
  fill(folder: string): Promise<void>;
}

/**
 * Writes a folder so that the target path only ever holds the previous folder or the whole new
 * one: `fill` writes a sibling temporary folder (same file system, so renames are atomic), which
 * then takes the target's place. A failure removes the temporary folder and leaves the target as
 * it was. A target that holds anything else than an earlier folder of this writer (its `marker`)
 * is refused, never replaced: a typo must not delete someone's folder. A process killed between
 * the swap's two renames leaves no target but the old folder beside it: the next call puts it back
 * before doing anything else.
 */
export async function writeDirectoryAtomically(write: DirectoryWrite): Promise<void> {
  const { target } = write;
  await restoreInterruptedSwap(target);
  const existing = await replaceableState(write);
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const suffix = randomBytes(6).toString('hex');
  const temporary = join(parent, `.${basename(target)}.${suffix}.tmp`);
  await mkdir(temporary);
  try {
    await write.fill(temporary);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
  if (existing === 'absent') {
    await rename(temporary, target).catch(async (error: unknown) => {
      await rm(temporary, { recursive: true, force: true });
      throw error;
    });
    return;
  }
  // No rename swaps two folders portably: the old one steps aside, the new one takes its place,
  // and the old one comes back if that fails.
  const previous = join(parent, `.${basename(target)}.${suffix}.old`);
  await rename(target, previous);
  try {
    await rename(temporary, target);
  } catch (error) {
    await rename(previous, target);
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
  await rm(previous, { recursive: true, force: true });
}

async function replaceableState(write: DirectoryWrite): Promise<'absent' | 'replaceable'> {
  const { target } = write;
  const info = await lstat(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (info === null) return 'absent';
  if (!info.isDirectory()) throw new PodiumError('usage', `${target} exists and is not a folder; no ${write.what} written`);
  const entries = await readdir(target);
  if (entries.length === 0 || entries.includes(write.marker)) return 'replaceable';
  throw new PodiumError(
    'usage',
    `${target} is not empty and is not an earlier Podium ${write.what}; no ${write.what} written (choose a new or empty folder)`,
  );
}

/** Puts back the previous folder a swap moved aside, when the process died before the new one took its place. */
async function restoreInterruptedSwap(target: string): Promise<void> {
  const present = await lstat(target).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
  if (present) return;
  const parent = dirname(target);
  const aside = new RegExp(`^\\.${escapeRegExp(basename(target))}\\.[0-9a-f]{12}\\.old$`);
  const previous = (await readdir(parent).catch(() => [] as string[])).find((name) => aside.test(name));
  if (previous) await rename(join(parent, previous), target);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
