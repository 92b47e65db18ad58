import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeckEditApi, RecoveryEntry, SaveResult, SegmentText } from '../../../src/shared/edit/edit-api';
import {
  AUTOSAVE_MS,
  EditSession,
  JOURNAL_MS,
  type DeckFiles,
  type EditBuffer,
  type EditSessionEvents,
} from '../../../src/renderer/editor/edit-session';

/** A deck folder in memory: each write gives the file a new version, as its bytes on disk would. */
class FakeDisk {
  readonly files = new Map<string, SegmentText>();
  readonly journal = new Map<string, RecoveryEntry>();
  private versions = 0;
  failSaves: Error | null = null;

  write(file: string, text: string): string {
    const version = `v${++this.versions}`;
    this.files.set(file, { file, text, version });
    return version;
  }

  rename(from: string, to: string): void {
    const read = this.files.get(from)!;
    this.files.delete(from);
    this.files.set(to, { ...read, file: to });
  }

  deck(): DeckFiles {
    return { segments: [...this.files.keys()].map((file) => ({ file, title: null, meta: {} })) };
  }

  api(): DeckEditApi {
    const read = async (file: string): Promise<SegmentText> => {
      const found = this.files.get(file);
      if (!found) throw new Error(`${file} does not exist`);
      return { ...found };
    };
    const notUsed = (): never => {
      throw new Error('not used by the session');
    };
    return {
      readSegment: read,
      saveSegment: async (file, text, baseVersion, force): Promise<SaveResult> => {
        if (this.failSaves) throw this.failSaves;
        const now = this.files.get(file);
        if (now && now.version !== baseVersion && !force) return { saved: false, conflict: { ...now } };
        return { saved: true, version: this.write(file, text) };
      },
      recordRecovery: async (file, text, baseVersion) => {
        this.journal.set(file, { file, text, baseVersion, savedAt: 0 });
      },
      listRecovery: async () => [...this.journal.values()],
      discardRecovery: async (file) => void this.journal.delete(file),
      createSegment: notUsed,
      duplicateSegment: notUsed,
      renameSegment: notUsed,
      deleteSegment: notUsed,
      restoreSegment: notUsed,
      reorderSegments: notUsed,
    };
  }
}

/** The editor as the session sees it: typing goes through `type`, which reports the edit. */
class FakeBuffer implements EditBuffer {
  currentFile: string | null = null;
  text = '';
  session!: EditSession;
  open(file: string, text: string): void {
    this.currentFile = file;
    this.text = text;
  }
  replaceText(text: string): void {
    this.text = text;
  }
  rename(from: string, to: string): void {
    if (this.currentFile === from) this.currentFile = to;
  }
  type(more: string): void {
    this.text += more;
    this.session.edited(this.text);
  }
}

function recordingEvents() {
  return {
    onStateChange: vi.fn(),
    onConflict: vi.fn<(theirs: SegmentText) => void>(),
    onSaveFailed: vi.fn<(file: string, message: string) => void>(),
    onRenamedOnDisk: vi.fn<(from: string, to: string, withUnsavedEdits: boolean) => void>(),
    onRemovedOnDisk: vi.fn<(file: string) => void>(),
  } satisfies EditSessionEvents;
}

describe('EditSession', () => {
  let disk: FakeDisk;
  let buffer: FakeBuffer;
  let events: ReturnType<typeof recordingEvents>;
  let session: EditSession;

  beforeEach(async () => {
    vi.useFakeTimers();
    disk = new FakeDisk();
    disk.write('1-intro.md', '# Intro\n');
    disk.write('2-end.md', '# End\n');
    buffer = new FakeBuffer();
    events = recordingEvents();
    session = new EditSession(disk.api(), buffer, events);
    buffer.session = session;
    await session.open('1-intro.md');
  });
  afterEach(() => {
    session.destroy();
    vi.useRealTimers();
  });

  describe('when a segment is opened', () => {
    it('shows its text from disk, saved', () => {
      expect(buffer.text).toBe('# Intro\n');
      expect(session.status).toBe('saved');
      expect(session.hasUnsavedEdits).toBe(false);
    });

    it('saves the open one first', async () => {
      buffer.type('more\n');
      await session.open('2-end.md');
      expect(disk.files.get('1-intro.md')?.text).toBe('# Intro\nmore\n');
      expect(buffer.currentFile).toBe('2-end.md');
      expect(session.status).toBe('saved');
    });

    it('leaves the open one as it is when it is opened again', async () => {
      buffer.type('unsaved\n');
      await session.open('1-intro.md');
      expect(buffer.text).toBe('# Intro\nunsaved\n');
      expect(session.hasUnsavedEdits).toBe(true);
    });
  });

  describe('when text is typed', () => {
    it('is unsaved, then saved after the autosave pause', async () => {
      buffer.type('typed\n');
      expect(session.status).toBe('dirty');
      await vi.advanceTimersByTimeAsync(AUTOSAVE_MS - 1);
      expect(disk.files.get('1-intro.md')?.text).toBe('# Intro\n');
      await vi.advanceTimersByTimeAsync(1);
      expect(disk.files.get('1-intro.md')?.text).toBe('# Intro\ntyped\n');
      expect(session.status).toBe('saved');
    });

    it('waits for a pause: each keystroke starts the autosave wait again', async () => {
      buffer.type('a');
      await vi.advanceTimersByTimeAsync(AUTOSAVE_MS - 100);
      buffer.type('b');
      await vi.advanceTimersByTimeAsync(AUTOSAVE_MS - 100);
      expect(disk.files.get('1-intro.md')?.text).toBe('# Intro\n');
      await vi.advanceTimersByTimeAsync(100);
      expect(disk.files.get('1-intro.md')?.text).toBe('# Intro\nab');
    });

    it('reaches the recovery journal before the autosave, with the version it was made on', async () => {
      const base = disk.files.get('1-intro.md')?.version;
      buffer.type('journal me\n');
      await vi.advanceTimersByTimeAsync(JOURNAL_MS);
      expect(disk.journal.get('1-intro.md')).toMatchObject({ text: '# Intro\njournal me\n', baseVersion: base });
      expect(disk.files.get('1-intro.md')?.text).toBe('# Intro\n');
    });

    it('is not journaled once saved', async () => {
      buffer.type('x');
      await session.save();
      await vi.advanceTimersByTimeAsync(JOURNAL_MS);
      expect(disk.journal.size).toBe(0);
    });

    it('reports saving while the save is under way, and stays unsaved when typed on meanwhile', async () => {
      buffer.type('first');
      const saving = session.save();
      expect(session.status).toBe('saving');
      buffer.type(' second');
      await saving;
      expect(disk.files.get('1-intro.md')?.text).toBe('# Intro\nfirst');
      expect(session.status).toBe('dirty');
      expect(events.onStateChange).toHaveBeenCalledTimes(2);
    });
  });

  describe('when a save fails', () => {
    it('keeps the edit unsaved and says why, naming the file', async () => {
      disk.failSaves = new Error('disk full');
      buffer.type('keep me');
      await session.save();
      expect(events.onSaveFailed).toHaveBeenCalledWith('1-intro.md', 'disk full');
      expect(session.status).toBe('dirty');
      disk.failSaves = null;
      await session.save();
      expect(disk.files.get('1-intro.md')?.text).toBe('# Intro\nkeep me');
    });
  });

  describe('when the file changes on disk', () => {
    it('takes the new text in when there are no unsaved edits', async () => {
      const before = disk.deck();
      disk.write('1-intro.md', '# Changed elsewhere\n');
      await session.diskChanged(before, disk.deck());
      expect(buffer.text).toBe('# Changed elsewhere\n');
      expect(events.onConflict).not.toHaveBeenCalled();
      // Taken in, the new version is the base: the next save is no conflict.
      buffer.type('more');
      await session.save();
      expect(disk.files.get('1-intro.md')?.text).toBe('# Changed elsewhere\nmore');
    });

    it('does nothing when the bytes are the ones it has (its own save, seen by the watcher)', async () => {
      buffer.type('mine');
      await session.save();
      await session.diskChanged(disk.deck(), disk.deck());
      expect(buffer.text).toBe('# Intro\nmine');
      expect(events.onConflict).not.toHaveBeenCalled();
    });

    it('is a conflict under unsaved edits, which Keep mine writes over the disk', async () => {
      buffer.type('mine');
      const before = disk.deck();
      disk.write('1-intro.md', '# Theirs\n');
      await session.diskChanged(before, disk.deck());
      expect(events.onConflict).toHaveBeenCalledWith(expect.objectContaining({ file: '1-intro.md', text: '# Theirs\n' }));
      expect(buffer.text).toBe('# Intro\nmine');
      await session.keepMine();
      expect(disk.files.get('1-intro.md')?.text).toBe('# Intro\nmine');
      expect(session.status).toBe('saved');
    });

    it('is a conflict under unsaved edits, which Take theirs settles with the text on disk', async () => {
      buffer.type('mine');
      const before = disk.deck();
      disk.write('1-intro.md', '# Theirs\n');
      await session.diskChanged(before, disk.deck());
      const theirs = events.onConflict.mock.calls[0]![0];
      session.takeTheirs(theirs);
      expect(buffer.text).toBe('# Theirs\n');
      expect(session.status).toBe('saved');
      buffer.type('on theirs');
      await session.save();
      expect(events.onConflict).toHaveBeenCalledOnce();
      expect(disk.files.get('1-intro.md')?.text).toBe('# Theirs\non theirs');
    });

    it('is a conflict when a save finds newer bytes, and nothing is written', async () => {
      disk.write('1-intro.md', '# Theirs\n');
      buffer.type('mine');
      await session.save();
      expect(events.onConflict).toHaveBeenCalledWith(expect.objectContaining({ text: '# Theirs\n' }));
      expect(disk.files.get('1-intro.md')?.text).toBe('# Theirs\n');
      expect(session.hasUnsavedEdits).toBe(true);
    });
  });

  describe('when the open file leaves the deck', () => {
    it('follows a rename: a new file with the bytes it had', async () => {
      buffer.type('unsaved');
      const before = disk.deck();
      disk.rename('1-intro.md', '1-opening.md');
      await session.diskChanged(before, disk.deck());
      expect(buffer.currentFile).toBe('1-opening.md');
      expect(events.onRenamedOnDisk).toHaveBeenCalledWith('1-intro.md', '1-opening.md', true);
      await session.save();
      expect(disk.files.get('1-opening.md')?.text).toBe('# Intro\nunsaved');
    });

    it('says it was removed when no new file has its bytes, and keeps the text', async () => {
      const before = disk.deck();
      disk.files.delete('1-intro.md');
      disk.write('3-other.md', '# Other\n');
      await session.diskChanged(before, disk.deck());
      expect(events.onRemovedOnDisk).toHaveBeenCalledWith('1-intro.md');
      expect(events.onRenamedOnDisk).not.toHaveBeenCalled();
      expect(buffer.currentFile).toBe('1-intro.md');
      expect(buffer.text).toBe('# Intro\n');
    });
  });

  describe('recovery', () => {
    it('offers the journal of an earlier session and restores it as an unsaved edit on its base version', async () => {
      const base = disk.files.get('2-end.md')!.version;
      disk.journal.set('2-end.md', { file: '2-end.md', text: '# End\nrecovered\n', baseVersion: base, savedAt: 1 });
      const entry = await session.recovered();
      expect(entry?.file).toBe('2-end.md');
      await session.restore(entry!);
      expect(buffer.currentFile).toBe('2-end.md');
      expect(buffer.text).toBe('# End\nrecovered\n');
      expect(session.status).toBe('dirty');
      await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
      expect(disk.files.get('2-end.md')?.text).toBe('# End\nrecovered\n');
    });

    it('restored over a file changed since, is a conflict, not an overwrite', async () => {
      const base = disk.files.get('2-end.md')!.version;
      disk.journal.set('2-end.md', { file: '2-end.md', text: 'recovered', baseVersion: base, savedAt: 1 });
      disk.write('2-end.md', '# End, changed later\n');
      await session.restore((await session.recovered())!);
      await session.save();
      expect(events.onConflict).toHaveBeenCalledOnce();
      expect(disk.files.get('2-end.md')?.text).toBe('# End, changed later\n');
    });

    it('has nothing to offer when the journal is empty or cannot be read', async () => {
      expect(await session.recovered()).toBeNull();
      const broken = new EditSession({ ...disk.api(), listRecovery: () => Promise.reject(new Error('no')) }, buffer, events);
      expect(await broken.recovered()).toBeNull();
    });

    it('discards an entry', async () => {
      disk.journal.set('2-end.md', { file: '2-end.md', text: 'x', baseVersion: 'v0', savedAt: 1 });
      await session.discardRecovery((await session.recovered())!);
      expect(disk.journal.size).toBe(0);
    });
  });

  describe('when destroyed', () => {
    it('neither autosaves nor journals what was typed before', async () => {
      buffer.type('typed');
      session.destroy();
      await vi.advanceTimersByTimeAsync(AUTOSAVE_MS * 2);
      expect(disk.files.get('1-intro.md')?.text).toBe('# Intro\n');
      expect(disk.journal.size).toBe(0);
      expect(vi.getTimerCount()).toBe(0);
    });
  });
});
