import { readFileSync } from 'node:fs';
import { mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises';
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
    // Nothing outside the deck is watched: a change there is not the deck's. A change inside the
    // deck made after it is reported; had the outside one been seen, it would have come first or
    // in the same burst.
    onChange.mockClear();
    const outside = join(tmpdir(), `podium-watch-outside-${process.pid}.md`);
    await writeFile(outside, 'x');
    await writeFile(join(dir, '2.md'), '# Two\n');
    await vi.waitFor(() => expect(onChange.mock.calls.flat(2)).toContain(join(dir, '2.md')));
    expect(onChange.mock.calls.flat(2).filter((path) => !String(path).startsWith(join(dir, '')) || String(path).includes('outside'))).toEqual([]);
    await rm(outside);
  });

  it('reads a save that lands right after the last reload, which chokidar does not report', async () => {
    dir = await mkdtemp(join(tmpdir(), 'podium-watch-'));
    const file = join(dir, '1.md');
    const save = async (text: string): Promise<void> => {
      await writeFile(join(dir, '.1.md.tmp'), text);
      await rename(join(dir, '.1.md.tmp'), file);
    };
    await save('# One\n');
    const reads: string[] = [];
    let reloaded: (() => void) | null = null;
    watcher = new DeckWatcher(dir, () => {
      reads.push(readFileSync(file, 'utf8'));
      reloaded?.();
    });
    await watcher.ready();
    for (const text of ['# Two\n', '# Three\n', '# Four\n']) {
      const seen = new Promise<void>((resolve) => (reloaded = resolve));
      await save(text);
      await seen;
    }
    await save('# Five\n');
    await vi.waitFor(() => expect(reads.at(-1)).toBe('# Five\n'), { timeout: 5000 });
  });
});
