import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDeck } from '../../../src/node/deck/load-deck';
import { createDeckEditor } from '../../../src/node/edit/deck-editor';
import type { DeckEditApi } from '../../../src/shared/edit/edit-api';

describe('createDeckEditor', () => {
  let root = '';
  let editor: DeckEditApi;
  const order = async () => (await loadDeck(root)).deck.segments.map((segment) => segment.file);

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'podium-edit-'));
    await writeFile(join(root, '01-intro.md'), '# Intro\n');
    await writeFile(join(root, '02-music.md'), '# Music\n');
    await writeFile(join(root, '03-close.md'), '# Close\n');
    editor = createDeckEditor(root);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  describe('saving', () => {
    it('writes the text and returns the new version', async () => {
      const { version } = await editor.readSegment('01-intro.md');
      const result = await editor.saveSegment('01-intro.md', '# Intro, edited\n', version, false);
      expect(result.saved).toBe(true);
      expect(await readFile(join(root, '01-intro.md'), 'utf8')).toBe('# Intro, edited\n');
      expect(await readdir(root)).toEqual(['01-intro.md', '02-music.md', '03-close.md']);
    });

    it('lets exactly one of many saves racing from the same version win; every other gets the conflict', async () => {
      const { version } = await editor.readSegment('01-intro.md');
      // Two editors on one deck, as the app and serve mode would be.
      const editors = [editor, createDeckEditor(root)];
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, index) =>
          editors[index % 2]?.saveSegment('01-intro.md', `# Intro, edit ${index}\n`, version, false),
        ),
      );
      const saved = results.flatMap((result, index) => (result?.saved ? [index] : []));
      expect(saved).toHaveLength(1);
      const winner = saved[0] ?? -1;
      const onDisk = await readFile(join(root, '01-intro.md'), 'utf8');
      expect(onDisk).toBe(`# Intro, edit ${winner}\n`);
      for (const result of results) {
        if (result && !result.saved) expect(result.conflict.text).toBe(onDisk);
      }
    });

    it("keeps the file's CRLF line endings and BOM", async () => {
      await writeFile(join(root, '02-music.md'), '\uFEFF# Music\r\n\r\ntext\r\n');
      const read = await editor.readSegment('02-music.md');
      expect(read.text).toBe('# Music\n\ntext\n');
      await editor.saveSegment('02-music.md', '# Music\n\nnew text\n', read.version, false);
      expect(await readFile(join(root, '02-music.md'), 'utf8')).toBe('\uFEFF# Music\r\n\r\nnew text\r\n');
    });

    it('refuses to overwrite a file changed on disk since the edit began, and hands back what is there', async () => {
      const { version } = await editor.readSegment('01-intro.md');
      await writeFile(join(root, '01-intro.md'), '# Changed elsewhere\n');
      const result = await editor.saveSegment('01-intro.md', '# Mine\n', version, false);
      expect(result).toMatchObject({ saved: false, conflict: { text: '# Changed elsewhere\n' } });
      expect(await readFile(join(root, '01-intro.md'), 'utf8')).toBe('# Changed elsewhere\n');
      // "Keep mine" saves over it on purpose.
      expect((await editor.saveSegment('01-intro.md', '# Mine\n', version, true)).saved).toBe(true);
      expect(await readFile(join(root, '01-intro.md'), 'utf8')).toBe('# Mine\n');
    });

    it.each([['../outside.md'], ['/etc/passwd.md'], ['..\\outside.md'], ['notes.txt'], ['.hidden.md'], ['a/../../x.md']])(
      'refuses the path %s',
      async (file) => {
        await expect(editor.saveSegment(file, 'x', 'missing', true)).rejects.toThrow(file);
      },
    );

    it('never follows a symlink out of the deck', async () => {
      const outside = await mkdtemp(join(tmpdir(), 'podium-outside-'));
      try {
        await writeFile(join(outside, 'target.md'), 'outside\n');
        await symlink(join(outside, 'target.md'), join(root, '04-link.md'));
        await expect(editor.saveSegment('04-link.md', 'overwritten', 'missing', true)).rejects.toThrow(/symlink/);
        expect(await readFile(join(outside, 'target.md'), 'utf8')).toBe('outside\n');
      } finally {
        await rm(outside, { recursive: true, force: true });
      }
    });
  });

  describe('the segment list, ordered by file names', () => {
    it('creates a segment after another and renumbers the files', async () => {
      const created = await editor.createSegment('01-intro.md', 'The Golden Voyager');
      expect(created).toBe('02-the-golden-voyager.md');
      expect(await order()).toEqual(['01-intro.md', '02-the-golden-voyager.md', '03-music.md', '04-close.md']);
      expect(await readFile(join(root, created), 'utf8')).toContain('# The Golden Voyager');
    });

    it('duplicates, renames and reorders', async () => {
      const copy = await editor.duplicateSegment('02-music.md');
      expect(await order()).toEqual(['01-intro.md', '02-music.md', '03-music-copy.md', '04-close.md']);
      const renamed = await editor.renameSegment(copy, '03-encore');
      expect(renamed).toBe('03-encore.md');
      await editor.reorderSegments(['04-close.md', '01-intro.md', '02-music.md', '03-encore.md']);
      expect(await order()).toEqual(['01-close.md', '02-intro.md', '03-music.md', '04-encore.md']);
      expect(await readFile(join(root, '01-close.md'), 'utf8')).toBe('# Close\n');
    });

    it('refuses a reorder that loses or invents a segment', async () => {
      await expect(editor.reorderSegments(['01-intro.md', '02-music.md'])).rejects.toThrow(/every segment/);
      expect(await order()).toEqual(['01-intro.md', '02-music.md', '03-close.md']);
    });

    it('deletes into the trash and undoes the deletion', async () => {
      const deleted = await editor.deleteSegment('02-music.md');
      expect(await order()).toEqual(['01-intro.md', '03-close.md']);
      await editor.restoreSegment(deleted);
      expect(await order()).toEqual(['01-intro.md', '02-music.md', '03-close.md']);
      expect(await readFile(join(root, '02-music.md'), 'utf8')).toBe('# Music\n');
    });
  });

  describe('the segment list, ordered by deck.yaml', () => {
    it('rewrites the list and keeps the other settings and comments', async () => {
      await writeFile(join(root, 'deck.yaml'), '# the deck\ntitle: Recap\nsegments:\n  - 03-close.md\n  - 01-intro.md\n  - 02-music.md\n');
      await editor.reorderSegments(['01-intro.md', '02-music.md', '03-close.md']);
      const settings = await readFile(join(root, 'deck.yaml'), 'utf8');
      expect(settings).toContain('# the deck\ntitle: Recap\n');
      expect(await order()).toEqual(['01-intro.md', '02-music.md', '03-close.md']);
      await editor.deleteSegment('02-music.md');
      expect(await order()).toEqual(['01-intro.md', '03-close.md']);
    });

    it('names a new segment and a copy with a number prefix like their siblings, the list saying the order', async () => {
      await writeFile(join(root, 'deck.yaml'), 'title: Recap\nsegments:\n  - 01-intro.md\n  - 02-music.md\n  - 03-close.md\n');
      const created = await editor.createSegment('01-intro.md', 'The Golden Voyager');
      expect(created).toBe('02-the-golden-voyager.md');
      expect(await order()).toEqual(['01-intro.md', '02-the-golden-voyager.md', '02-music.md', '03-close.md']);
      expect(await editor.createSegment(null, 'Encore')).toBe('04-encore.md');
      expect(await editor.duplicateSegment('03-close.md')).toBe('04-close-copy.md');
      expect(await readdir(root)).toEqual(expect.arrayContaining(['02-the-golden-voyager.md', '04-encore.md', '04-close-copy.md']));
    });

    it("puts a deleted segment back at its old place in the list on undo, not last", async () => {
      await writeFile(join(root, 'deck.yaml'), '# the deck\ntitle: Recap\nsegments:\n  - 03-close.md\n  - 01-intro.md\n  - 02-music.md\n');
      const deleted = await editor.deleteSegment('01-intro.md');
      expect(await readFile(join(root, 'deck.yaml'), 'utf8')).not.toContain('01-intro.md');
      await editor.restoreSegment(deleted);
      expect(await order()).toEqual(['03-close.md', '01-intro.md', '02-music.md']);
      const settings = await readFile(join(root, 'deck.yaml'), 'utf8');
      expect(settings).toBe('# the deck\ntitle: Recap\nsegments:\n  - 03-close.md\n  - 01-intro.md\n  - 02-music.md\n');
      const first = await editor.deleteSegment('03-close.md');
      await editor.restoreSegment(first);
      expect(await order()).toEqual(['03-close.md', '01-intro.md', '02-music.md']);
    });
  });

  describe('the recovery journal', () => {
    it('keeps unsaved edits until the file is saved', async () => {
      const { version } = await editor.readSegment('01-intro.md');
      await editor.recordRecovery('01-intro.md', '# Unsaved\n', version);
      expect(await editor.listRecovery()).toEqual([
        { file: '01-intro.md', text: '# Unsaved\n', baseVersion: version, savedAt: expect.any(Number) },
      ]);
      await editor.saveSegment('01-intro.md', '# Unsaved\n', version, false);
      expect(await editor.listRecovery()).toEqual([]);
    });
  });
});
