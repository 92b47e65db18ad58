import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeDirectoryAtomically } from '../../../src/node/fs/write-directory-atomic';

const MARKER = '.made-by-podium';

describe('writeDirectoryAtomically', () => {
  let parent = '';
  let target = '';
  beforeEach(async () => {
    parent = await mkdtemp(join(tmpdir(), 'podium-write-dir-'));
    target = join(parent, 'out');
  });
  afterEach(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  const fillWith = (files: Record<string, string>) => async (folder: string) => {
    for (const [name, text] of Object.entries(files)) await writeFile(join(folder, name), text);
  };
  const write = (fill: (folder: string) => Promise<void>) => writeDirectoryAtomically({ target, marker: MARKER, what: 'HTML export', fill });

  describe('when an earlier call died between its two renames', () => {
    // What the swap leaves at that moment: the old folder stepped aside, the new one not yet in place.
    const crashBetweenRenames = async () => {
      await write(fillWith({ 'index.html': 'old', [MARKER]: '' }));
      await rename(target, join(parent, '.out.0123456789ab.old'));
    };

    it('puts the old folder back before a write that fails', async () => {
      await crashBetweenRenames();
      await expect(write(() => Promise.reject(new Error('fill failed')))).rejects.toThrow('fill failed');
      expect(await readFile(join(target, 'index.html'), 'utf8')).toBe('old');
      expect(await readdir(parent)).toEqual(['out']);
    });

    it('replaces the restored folder with the new one, and leaves nothing beside it', async () => {
      await crashBetweenRenames();
      await write(fillWith({ 'index.html': 'new', [MARKER]: '' }));
      expect(await readFile(join(target, 'index.html'), 'utf8')).toBe('new');
      expect(await readdir(parent)).toEqual(['out']);
    });
  });

  describe('when the folder does not exist', () => {
    it('makes it with what fill wrote, and leaves nothing beside it', async () => {
      await write(fillWith({ 'index.html': 'new', [MARKER]: '' }));
      expect((await readdir(target)).sort()).toEqual([MARKER, 'index.html']);
      expect(await readdir(parent)).toEqual(['out']);
    });
  });

  describe('when the folder exists', () => {
    it('fills an empty one', async () => {
      await mkdir(target);
      await write(fillWith({ 'index.html': 'new' }));
      expect(await readFile(join(target, 'index.html'), 'utf8')).toBe('new');
    });

    it('replaces an earlier one whole: no file of the old one is left', async () => {
      await mkdir(target);
      await writeFile(join(target, MARKER), '');
      await writeFile(join(target, 'old-slide.svg'), 'old');
      await write(fillWith({ 'index.html': 'new', [MARKER]: '' }));
      expect((await readdir(target)).sort()).toEqual([MARKER, 'index.html']);
      expect(await readdir(parent)).toEqual(['out']);
    });

    it('refuses one that holds anything else, and leaves it untouched', async () => {
      await mkdir(target);
      await writeFile(join(target, 'thesis.tex'), 'years of work');
      await expect(write(fillWith({ 'index.html': 'new' }))).rejects.toThrow(
        /out is not empty and is not an earlier Podium HTML export; no HTML export written/,
      );
      expect(await readdir(target)).toEqual(['thesis.tex']);
      expect(await readdir(parent)).toEqual(['out']);
    });

    it('refuses a file in its place', async () => {
      await writeFile(target, 'a file');
      await expect(write(fillWith({}))).rejects.toThrow(/out exists and is not a folder/);
      expect(await readFile(target, 'utf8')).toBe('a file');
    });
  });

  describe('when fill fails half-way', () => {
    it('leaves the earlier folder as it was and no temporary folder behind', async () => {
      await mkdir(target);
      await writeFile(join(target, MARKER), '');
      await writeFile(join(target, 'index.html'), 'old');
      const failing = async (folder: string): Promise<void> => {
        await writeFile(join(folder, 'index.html'), 'half');
        throw new Error('disk full');
      };
      await expect(write(failing)).rejects.toThrow('disk full');
      expect(await readFile(join(target, 'index.html'), 'utf8')).toBe('old');
      expect(await readdir(parent)).toEqual(['out']);
    });

    it('leaves no folder at all where there was none', async () => {
      await expect(write(() => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
      expect(await readdir(parent)).toEqual([]);
    });
  });
});
