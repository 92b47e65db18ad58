import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_RECENT_DECKS, RecentDecks } from '../../src/main/recent-decks';

let base: string;
let userData: string;

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'podium-recent-'));
  userData = join(base, 'config', 'Podium');
});
afterEach(() => rm(base, { recursive: true, force: true }));

async function deckFolder(name: string): Promise<string> {
  const path = join(base, name);
  await mkdir(path, { recursive: true });
  return path;
}

describe('RecentDecks', () => {
  it('is empty before anything was opened, even without a userData folder', async () => {
    expect(await new RecentDecks(userData).list()).toEqual([]);
  });

  it('lists decks newest first, once each, and keeps them on disk for the next start', async () => {
    const talk = await deckFolder('talk');
    const keynote = await deckFolder('keynote');
    const recent = new RecentDecks(userData);
    await recent.add({ path: talk, title: 'Talk' });
    await recent.add({ path: keynote, title: 'Keynote' });
    await recent.add({ path: talk, title: 'Talk, renamed' });

    const expected = [
      { path: talk, title: 'Talk, renamed' },
      { path: keynote, title: 'Keynote' },
    ];
    expect(await recent.list()).toEqual(expected);
    expect(await new RecentDecks(userData).list()).toEqual(expected);
    expect(JSON.parse(await readFile(join(userData, 'recent-decks.json'), 'utf8'))).toEqual(expected);
  });

  it(`keeps the ${MAX_RECENT_DECKS} newest`, async () => {
    const recent = new RecentDecks(userData);
    for (let index = 0; index < MAX_RECENT_DECKS + 3; index++) {
      await recent.add({ path: await deckFolder(`deck-${index}`), title: `Deck ${index}` });
    }
    const listed = await recent.list();
    expect(listed).toHaveLength(MAX_RECENT_DECKS);
    expect(listed[0]?.title).toBe(`Deck ${MAX_RECENT_DECKS + 2}`);
  });

  it('leaves out decks that are no longer on disk', async () => {
    const gone = await deckFolder('gone');
    const kept = await deckFolder('kept');
    const recent = new RecentDecks(userData);
    await recent.add({ path: gone, title: 'Gone' });
    await recent.add({ path: kept, title: 'Kept' });
    await rm(gone, { recursive: true });
    expect((await recent.list()).map((deck) => deck.title)).toEqual(['Kept']);
  });

  it('adds two decks opened at once without losing either', async () => {
    const recent = new RecentDecks(userData);
    const [first, second] = [await deckFolder('first'), await deckFolder('second')];
    await Promise.all([recent.add({ path: first, title: 'First' }), recent.add({ path: second, title: 'Second' })]);
    expect((await recent.list()).map((deck) => deck.title).sort()).toEqual(['First', 'Second']);
  });

  it('reads a damaged file as an empty list, and writes a good one over it', async () => {
    await mkdir(userData, { recursive: true });
    await writeFile(join(userData, 'recent-decks.json'), '{"path": trunc');
    const recent = new RecentDecks(userData);
    expect(await recent.list()).toEqual([]);
    const talk = await deckFolder('talk');
    await recent.add({ path: talk, title: 'Talk' });
    expect(await recent.list()).toEqual([{ path: talk, title: 'Talk' }]);
  });
});
