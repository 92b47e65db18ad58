import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Writes a file so that readers only ever see the old or the whole new content: a temporary file
 * in the same folder (same file system, so the rename is atomic), flushed to disk, then renamed.
 */
export async function writeFileAtomically(path: string, data: string | Uint8Array, renameFile: typeof rename = rename): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temporary, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await renameRetryingBusy(renameFile, temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

// On Windows a virus scanner, the indexer or a reader briefly holding the target makes the rename
// fail with EPERM or EBUSY; write-file-atomic retries it, and so does this, a few times.
const BUSY_RETRIES = 5;

async function renameRetryingBusy(renameFile: typeof rename, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await renameFile(from, to);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if ((code !== 'EPERM' && code !== 'EBUSY') || attempt >= BUSY_RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
    }
  }
}
