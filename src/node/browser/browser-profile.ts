import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import envPaths from 'env-paths';

/** How many profiles are kept: as many browsers can start warm at once. */
export const KEPT_PROFILES = 4;

/** The folder headless Chromium keeps its profiles in: `podium/chromium` in the user's cache folder. */
function keptProfilesFolder(): string {
  return join(envPaths('podium', { suffix: '' }).cache, 'chromium');
}

/** A profile folder (`--user-data-dir`) claimed for one browser. */
export interface BrowserProfile {
  dir: string;
  /** True for a kept profile, false for a throwaway one. */
  kept: boolean;
  /** Frees the profile once its browser has exited: a kept one for the next browser, a throwaway one deleted. */
  release(): Promise<void>;
  /** Deletes the profile whatever it is: a browser could not start with it, and the next one creates it anew. */
  discard(): Promise<void>;
}

/**
 * A profile for a headless Chromium. A new profile costs a browser about 0.1 s of start-up, most
 * of it creating its databases on disk, so KEPT_PROFILES are kept in `folder` and reused, each by
 * one browser at a time: a lock file beside each holds the process id of its user, and a lock
 * whose process has died is taken over. With every kept profile in use, or `folder` not writable,
 * the browser gets a throwaway profile in the temporary folder.
 */
export async function claimBrowserProfile(folder: string = keptProfilesFolder()): Promise<BrowserProfile> {
  try {
    await mkdir(folder, { recursive: true, mode: 0o700 });
    for (let slot = 0; slot < KEPT_PROFILES; slot++) {
      const dir = join(folder, `profile-${slot}`);
      const lock = `${dir}.lock`;
      if (!(await takeLock(lock))) continue;
      const release = (): Promise<void> => rm(lock, { force: true });
      return {
        dir,
        kept: true,
        release,
        discard: async () => {
          await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
          await release();
        },
      };
    }
  } catch {
    // A read-only or missing home: a throwaway profile works as well, only slower to start.
  }
  return throwawayProfile();
}

/** A profile of its own in the temporary folder, deleted when released. */
export async function throwawayProfile(): Promise<BrowserProfile> {
  const dir = await mkdtemp(join(tmpdir(), 'podium-chromium-'));
  // The browser's helper processes may still be writing into the profile for a moment after it exits.
  const remove = (): Promise<void> => rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }).catch(() => undefined);
  return { dir, kept: false, release: remove, discard: remove };
}

/** Creates `lock` holding this process's id; false when a live process holds it. */
async function takeLock(lock: string): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lock, String(process.pid), { flag: 'wx', mode: 0o600 });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readFile(lock, 'utf8').catch(() => null);
    // Empty: its process is writing its id into it right now.
    if (holder === null || holder === '' || isAlive(Number(holder))) return false;
    // Left by a process that was killed before it could free the profile.
    await rm(lock, { force: true });
  }
  return false;
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, and someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
