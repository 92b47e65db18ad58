import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Deck } from '../../src/shared/deck/model';
import { PodiumError } from '../../src/shared/errors';
import { DeckSession } from '../../src/main/deck-session';

let base: string;
let session: DeckSession;
let changes: Deck[];
let failures: unknown[];

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'podium-session-'));
  await mkdir(join(base, 'talk'));
  await writeFile(join(base, 'talk', '01-intro.md'), '# Hello\n');
  await mkdir(join(base, 'other'));
  await writeFile(join(base, 'other', 'only.md'), '# Other deck\n');
  changes = [];
  failures = [];
  session = new DeckSession(
    (deck) => changes.push(deck),
    (error) => failures.push(error),
  );
});

afterEach(async () => {
  await session.close();
  await rm(base, { recursive: true, force: true });
});

async function nextChange(count: number): Promise<Deck> {
  await vi.waitFor(() => expect(changes.length, `deck change #${count}`).toBeGreaterThanOrEqual(count), { timeout: 5000 });
  return changes[count - 1] as Deck;
}

describe('DeckSession', () => {
  it('opens a deck folder and knows its root', async () => {
    const loaded = await session.open(join(base, 'talk'));
    expect(loaded.root).toBe(join(base, 'talk'));
    expect(session.current?.deck.slides.map((slide) => slide.title)).toEqual(['Hello']);
  });

  it('throws a PodiumError for a path that is not a deck, keeping the open deck', async () => {
    await session.open(join(base, 'talk'));
    await expect(session.open(join(base, 'missing'))).rejects.toBeInstanceOf(PodiumError);
    expect(session.current?.root).toBe(join(base, 'talk'));
  });

  it('reloads and reports the new deck when a segment changes on disk', async () => {
    await session.open(join(base, 'talk'));
    expect(changes).toHaveLength(1);
    await writeFile(join(base, 'talk', '01-intro.md'), '# Hello again\n');
    const changed = await nextChange(2);
    expect(changed.slides.map((slide) => slide.title)).toEqual(['Hello again']);
    expect(session.shownDeck).toBe(changed);
    expect(session.current?.deck.slides).toBe(changed.slides);
  });

  it("sends the windows a missing image among the deck's problems, and keeps it out of what exports read", async () => {
    await session.open(join(base, 'talk'));
    await writeFile(join(base, 'talk', '01-intro.md'), '# Hello\n\n![The stadium](stadium.png)\n');
    const changed = await nextChange(2);
    expect(changed.problems).toEqual([
      expect.objectContaining({ code: 'missing-file', severity: 'error', file: '01-intro.md', line: 3 }),
    ]);
    expect(session.current?.deck.problems).toEqual([]);
  });

  it('stops watching the first deck once another is opened', async () => {
    await session.open(join(base, 'talk'));
    await session.open(join(base, 'other'));
    expect(changes.map((deck) => deck.title)).toEqual(['Hello', 'Other deck']);
    await writeFile(join(base, 'talk', '01-intro.md'), '# Changed behind our back\n');
    // The first deck's edit came first: had it been watched, its reload would be reported by the
    // time the open deck's later edit is.
    await writeFile(join(base, 'other', 'only.md'), '# Other deck, edited\n');
    expect((await nextChange(3)).title).toBe('Other deck, edited');
    expect(changes.map((deck) => deck.title)).toEqual(['Hello', 'Other deck', 'Other deck, edited']);
  });

  it('keeps the last deck when its folder vanishes, says why, and loads it again once it is back', async () => {
    await session.open(join(base, 'talk'));
    await rename(join(base, 'talk'), join(base, 'talk-away'));
    await vi.waitFor(() => expect(failures).toHaveLength(1), { timeout: 5000 });
    expect(String(failures[0])).toContain(join(base, 'talk'));
    expect(session.current?.deck.slides.map((slide) => slide.title)).toEqual(['Hello']);

    await writeFile(join(base, 'talk-away', '01-intro.md'), '# Back again\n');
    await rename(join(base, 'talk-away'), join(base, 'talk'));
    const back = await nextChange(2);
    expect(back.slides.map((slide) => slide.title)).toEqual(['Back again']);

    // Watched again: later edits are seen.
    await writeFile(join(base, 'talk', '01-intro.md'), '# Edited after\n');
    expect((await nextChange(3)).slides.map((slide) => slide.title)).toEqual(['Edited after']);
  });
});
