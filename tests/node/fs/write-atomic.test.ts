import { mkdtemp, readdir, readFile, rename, rm, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../../src/node/fs/write-atomic';

describe('writeFileAtomically', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'podium-write-'));
  });
  afterEach(async () => {
    await chmod(dir, 0o755);
    await rm(dir, { recursive: true, force: true });
  });

  it('retries a rename that Windows refuses with EPERM while something holds the file', async () => {
    const path = join(dir, 'deck.pdf');
    await writeFile(path, 'old');
    let refusals = 0;
    const busyTwice: typeof rename = async (from, to) => {
      if (refusals++ < 2) throw Object.assign(new Error('EPERM: operation not permitted, rename'), { code: 'EPERM' });
      return rename(from, to);
    };
    await writeFileAtomically(path, 'new content', busyTwice);
    expect(await readFile(path, 'utf8')).toBe('new content');
    expect(await readdir(dir)).toEqual(['deck.pdf']);
  });

  it('replaces the file and leaves no temporary file behind', async () => {
    const path = join(dir, 'deck.pdf');
    await writeFile(path, 'old');
    await writeFileAtomically(path, 'new content');
    expect(await readFile(path, 'utf8')).toBe('new content');
    expect(await readdir(dir)).toEqual(['deck.pdf']);
  });

  it('leaves the old file whole when the write fails', async () => {
    const path = join(dir, 'deck.pdf');
    await writeFile(path, 'old');
    await chmod(dir, 0o555);
    // As root the folder stays writable; the failure then comes from a missing folder instead.
    const target = process.getuid?.() === 0 ? join(dir, 'missing', 'deck.pdf') : path;
    await expect(writeFileAtomically(target, 'new')).rejects.toThrow();
    expect(await readFile(path, 'utf8')).toBe('old');
  });
});
