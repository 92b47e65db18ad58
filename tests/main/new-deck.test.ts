import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDeckFromTemplate } from '../../src/main/new-deck';
import { loadDeck } from '../../src/node/deck/load-deck';

const TEMPLATE = join(__dirname, '..', '..', 'resources', 'templates', 'basic');

let base: string;
beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'podium-new-deck-'));
});
afterEach(() => rm(base, { recursive: true, force: true }));

describe('createDeckFromTemplate', () => {
  it('makes a deck that loads without problems from the bundled template', async () => {
    const target = join(base, 'My talk');
    await createDeckFromTemplate(TEMPLATE, target);
    const { deck } = await loadDeck(target);
    expect(deck.title).toBe('My talk');
    expect(deck.slides.length).toBeGreaterThanOrEqual(3);
    expect(deck.problems).toEqual([]);
    // Nothing left beside it.
    expect(await readdir(base)).toEqual(['My talk']);
  });

  it('fills an empty folder the person just created in the dialog', async () => {
    const target = join(base, 'empty');
    await mkdir(target);
    await createDeckFromTemplate(TEMPLATE, target);
    expect((await readdir(target)).sort()).toEqual((await readdir(TEMPLATE)).sort());
  });

  it('refuses a folder that already holds files, touching none of them', async () => {
    const target = join(base, 'busy');
    await mkdir(target);
    await writeFile(join(target, 'notes.txt'), 'mine');
    await expect(createDeckFromTemplate(TEMPLATE, target)).rejects.toThrow(`${target} already holds files`);
    expect(await readdir(target)).toEqual(['notes.txt']);
  });

  it('refuses a file', async () => {
    const target = join(base, 'talk.md');
    await writeFile(target, '# A file');
    await expect(createDeckFromTemplate(TEMPLATE, target)).rejects.toThrow('is a file, not a folder');
  });

  it('leaves nothing behind when the template cannot be copied', async () => {
    await expect(createDeckFromTemplate(join(base, 'no-template'), join(base, 'talk'))).rejects.toThrow();
    expect(await readdir(base)).toEqual([]);
  });
});
