import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeckWatcher } from '../../../src/node/deck/deck-watcher';

describe('DeckWatcher', () => {
  let dir = '';
  let watcher: DeckWatcher | null = null;
  afterEach(async () => {
    await watcher?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('survives a symlink loop and a link out of the deck, and still reports changes inside it', async () => {
    dir = await mkdtemp(join(tmpdir(), 'podium-watch-'));
    await writeFile(join(dir, '1.md'), '# One\n');
    await symlink(dir, join(dir, 'loop'));
    await symlink(tmpdir(), join(dir, 'outside'));
    const onChange = vi.fn();
    const onError = vi.fn();
    watcher = new DeckWatcher(dir, onChange, onError);
    await watcher.ready();
    await writeFile(join(dir, '1.md'), '# One, edited\n');
    await vi.waitFor(() => expect(onChange).toHaveBeenCalled());
    // Nothing outside the deck is watched: a change there is not the deck's.
    onChange.mockClear();
    await writeFile(join(tmpdir(), `podium-watch-outside-${process.pid}.md`), 'x');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(onChange).not.toHaveBeenCalled();
    await rm(join(tmpdir(), `podium-watch-outside-${process.pid}.md`));
  });
});
