import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDeckEditor } from '../../../src/node/edit/deck-editor';
import { readRehearsal, writeRehearsal } from '../../../src/node/present/rehearsal-file';

let base = '';
let deck = '';
let outside = '';

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'podium-state-'));
  deck = join(base, 'deck');
  outside = join(base, 'outside');
  await mkdir(deck);
  await mkdir(outside);
  await writeFile(join(deck, '01-intro.md'), '# Intro\n');
});
afterEach(() => rm(base, { recursive: true, force: true }));

const rehearsal = { recordedAt: 1, slides: [{ h: 0, v: 0, ms: 1000 }] };

describe("Podium's own folder inside the deck", () => {
  it('is made inside the deck when missing, for the journal, the trash and the rehearsal', async () => {
    const editor = createDeckEditor(deck);
    await editor.recordRecovery('01-intro.md', '# Unsaved\n', 'v1');
    await writeRehearsal(deck, rehearsal);
    const deleted = await editor.deleteSegment('01-intro.md');
    expect((await readdir(join(deck, '.podium'))).sort()).toEqual(['recovery', 'rehearsal.json', 'trash']);
    expect(await readRehearsal(deck)).toEqual(rehearsal);
    await editor.restoreSegment(deleted);
    expect(await readdir(deck)).toContain('01-intro.md');
  });

  describe('when .podium is a symlink out of the deck', () => {
    beforeEach(() => symlink(outside, join(deck, '.podium')));

    it('writes nothing through it: no journal, no rehearsal, no trash, not even a folder', async () => {
      const editor = createDeckEditor(deck);
      await expect(editor.recordRecovery('01-intro.md', '# Unsaved\n', 'v1')).rejects.toThrow(
        '.podium/recovery leads outside the deck (a symlink?)',
      );
      await expect(writeRehearsal(deck, rehearsal)).rejects.toThrow('.podium leads outside the deck');
      await expect(editor.deleteSegment('01-intro.md')).rejects.toThrow(/leads outside the deck/);
      expect(await readdir(outside)).toEqual([]);
      expect(await readdir(deck)).toContain('01-intro.md');
    });

    it('reads nothing through it', async () => {
      await mkdir(join(outside, 'recovery'));
      await writeFile(join(outside, 'rehearsal.json'), JSON.stringify(rehearsal));
      await expect(readRehearsal(deck)).rejects.toThrow(/leads outside the deck/);
      await expect(createDeckEditor(deck).listRecovery()).rejects.toThrow(/leads outside the deck/);
    });
  });

  it('refuses a .podium/recovery that is a symlink out, inside a real .podium', async () => {
    await mkdir(join(deck, '.podium'));
    await symlink(outside, join(deck, '.podium', 'recovery'));
    await expect(createDeckEditor(deck).recordRecovery('01-intro.md', 'x', 'v1')).rejects.toThrow(/leads outside the deck/);
    expect(await readdir(outside)).toEqual([]);
  });
});
