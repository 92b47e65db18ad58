import { mkdtemp, readdir, readFile, rm, writeFile, chmod } from 'node:fs/promises';
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
