import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimBrowserProfile, KEPT_PROFILES, type BrowserProfile } from '../../../src/node/browser/browser-profile';
import { CdpBrowser } from '../../../src/node/export/cdp-browser';
import { findBrowser } from '../../../src/node/browser/find-browser';

let folder = '';
let claimed: BrowserProfile[] = [];
beforeEach(async () => {
  folder = join(await mkdtemp(join(tmpdir(), 'podium-profiles-')), 'chromium');
  claimed = [];
});
afterEach(async () => {
  await Promise.all(claimed.map((profile) => profile.release()));
  await rm(join(folder, '..'), { recursive: true, force: true });
});

async function claim(): Promise<BrowserProfile> {
  const profile = await claimBrowserProfile(folder);
  claimed.push(profile);
  return profile;
}

/** The id of a process that has exited. */
function deadPid(): number {
  const { pid } = spawnSync(process.execPath, ['-e', '']);
  if (pid === undefined) throw new Error('no child process');
  return pid;
}

describe('claimBrowserProfile', () => {
  it('hands out each kept profile to one browser at a time, and again once it is released', async () => {
    const first = await claim();
    const second = await claim();
    expect(first).toMatchObject({ dir: join(folder, 'profile-0'), kept: true });
    expect(second).toMatchObject({ dir: join(folder, 'profile-1'), kept: true });
    expect(await readFile(`${first.dir}.lock`, 'utf8')).toBe(String(process.pid));
    await first.release();
    expect(existsSync(`${first.dir}.lock`)).toBe(false);
    expect((await claim()).dir).toBe(first.dir);
  });

  it('takes over a profile whose lock was left by a process that died', async () => {
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'profile-0.lock'), String(deadPid()));
    expect((await claim()).dir).toBe(join(folder, 'profile-0'));
    expect(await readFile(join(folder, 'profile-0.lock'), 'utf8')).toBe(String(process.pid));
  });

  it('leaves alone a lock held by a live process, or one still being written', async () => {
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'profile-0.lock'), '1');
    await writeFile(join(folder, 'profile-1.lock'), '');
    expect((await claim()).dir).toBe(join(folder, 'profile-2'));
  });

  it('gives a throwaway profile, deleted on release, when every kept one is in use', async () => {
    for (let slot = 0; slot < KEPT_PROFILES; slot++) await claim();
    const extra = await claim();
    expect(extra.kept).toBe(false);
    expect(extra.dir.startsWith(join(tmpdir(), 'podium-chromium-'))).toBe(true);
    expect((await stat(extra.dir)).isDirectory()).toBe(true);
    await extra.release();
    expect(existsSync(extra.dir)).toBe(false);
  });

  it('gives a throwaway profile when the cache folder cannot be created', async () => {
    await writeFile(join(folder, '..', 'file'), 'not a folder');
    folder = join(folder, '..', 'file', 'chromium');
    const profile = await claim();
    expect(profile.kept).toBe(false);
  });

  it('discards a kept profile whole, and frees it', async () => {
    const profile = await claim();
    await mkdir(profile.dir, { recursive: true });
    await writeFile(join(profile.dir, 'Local State'), '{}');
    await profile.discard();
    expect(existsSync(profile.dir)).toBe(false);
    expect(existsSync(`${profile.dir}.lock`)).toBe(false);
  });
});

describe('CdpBrowser.launch with kept profiles', () => {
  let cache = '';
  const previous = process.env.XDG_CACHE_HOME;
  beforeEach(async () => {
    cache = await mkdtemp(join(tmpdir(), 'podium-cache-'));
    process.env.XDG_CACHE_HOME = cache;
  });
  afterEach(async () => {
    if (previous === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = previous;
    await rm(cache, { recursive: true, force: true });
  });

  it('starts on a kept profile, keeps it after closing, and frees it', async () => {
    const browser = await CdpBrowser.launch(findBrowser(), 30_000);
    const dir = join(cache, 'podium', 'chromium', 'profile-0');
    expect(existsSync(`${dir}.lock`)).toBe(true);
    await browser.close();
    expect(existsSync(`${dir}.lock`)).toBe(false);
    expect(existsSync(join(dir, 'Local State'))).toBe(true);
  });

  it('keeps nothing of the pages it showed in the kept profile', async () => {
    const title = `podium-private-${process.pid}-${Date.now()}`;
    const server = createServer((_, response) => response.end(`<title>${title}</title><p>${title}</p>`));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const browser = await CdpBrowser.launch(findBrowser(), 30_000);
    try {
      const page = await browser.newPage(800, 600);
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/?secret=${title}`);
      await page.waitFor(`document.title === ${JSON.stringify(title)}`);
      // Long enough for Chromium to record the visit where it records visits.
      await new Promise((resolve) => setTimeout(resolve, 1000));
    } finally {
      await browser.close();
      server.close();
    }
    const found = spawnSync('grep', ['-rl', title, join(cache, 'podium', 'chromium')], { encoding: 'utf8' });
    expect(found.stdout).toBe('');
  });

  it('starts on a new profile when it cannot start on the kept one, and deletes the kept one', async () => {
    const dir = join(cache, 'podium', 'chromium', 'profile-0');
    await mkdir(join(dir, 'Default'), { recursive: true });
    // A browser that fails to start on a kept profile, as on one a crash left unusable.
    const picky = join(cache, 'picky-chromium');
    await writeFile(picky, `#!/bin/sh\ncase "$*" in *podium/chromium/profile-*) exit 1;; esac\nexec ${findBrowser()} "$@"\n`);
    await chmod(picky, 0o755);
    const browser = await CdpBrowser.launch(picky, 30_000);
    try {
      expect(await browser.send('Browser.getVersion')).toHaveProperty('product');
    } finally {
      await browser.close();
    }
    expect(existsSync(dir)).toBe(false);
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });
});
