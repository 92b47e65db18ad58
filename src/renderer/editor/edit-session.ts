import type { Deck } from '../../shared/deck/model';
import type { DeckEditApi, RecoveryEntry, SegmentText } from '../../shared/edit/edit-api';
import { messageOf } from '../../shared/errors';

/** A pause this long after the last keystroke saves the file. */
export const AUTOSAVE_MS = 1000;
/** Unsaved text reaches the recovery journal this soon after a keystroke. */
export const JOURNAL_MS = 300;

/** The text being edited, as the session sees it: the Markdown editor, or a test's stand-in. */
export interface EditBuffer {
  readonly currentFile: string | null;
  readonly text: string;
  /** Shows `file` with `text`, a fresh start (read from disk). */
  open(file: string, text: string): void;
  /** Replaces the text from outside (a change on disk), without reporting it as an edit. */
  replaceText(text: string): void;
  /** The open file was renamed: the same text under its new name. */
  rename(from: string, to: string): void;
}

/** What the session tells the view, which decides how each is shown. */
export interface EditSessionEvents {
  /** Saving started or ended, or the text became saved or unsaved. */
  onStateChange(): void;
  /** The file changed on disk since it was read or saved, under unsaved edits (or a save found it so). */
  onConflict(theirs: SegmentText): void;
  onSaveFailed(file: string, message: string): void;
  onRenamedOnDisk(from: string, to: string, withUnsavedEdits: boolean): void;
  onRemovedOnDisk(file: string): void;
}

/** All the session reads of a deck: which segment files it has. */
export type DeckFiles = Pick<Deck, 'segments'>;

export type EditStatus = 'saved' | 'dirty' | 'saving';

/**
 * The editor's save logic, without a DOM: which bytes on disk the text was made on (its base
 * version), whether it has unsaved edits, autosave after a pause, the recovery journal, conflicts
 * with a change on disk, and a rename on disk followed by the editor.
 */
export class EditSession {
  private baseVersion = '';
  private dirty = false;
  private saving: Promise<void> | null = null;
  private autosaveTimer: ReturnType<typeof setTimeout> | undefined;
  private journalTimer: ReturnType<typeof setTimeout> | undefined;
  private destroyed = false;

  constructor(
    private readonly api: DeckEditApi,
    private readonly buffer: EditBuffer,
    private readonly events: EditSessionEvents,
  ) {}

  get hasUnsavedEdits(): boolean {
    return this.dirty;
  }

  get status(): EditStatus {
    return this.saving ? 'saving' : this.dirty ? 'dirty' : 'saved';
  }

  /** Opens `file` from disk, saving the open one first; an already open file is left as it is. */
  async open(file: string): Promise<void> {
    if (file === this.buffer.currentFile) return;
    await this.save();
    const read = await this.api.readSegment(file);
    this.buffer.open(file, read.text);
    this.baseVersion = read.version;
    this.dirty = false;
  }

  /** The text was typed in: it saves after a pause, and reaches the journal sooner. */
  edited(text: string): void {
    if (this.destroyed) return;
    this.dirty = true;
    clearTimeout(this.autosaveTimer);
    this.autosaveTimer = setTimeout(() => void this.save(), AUTOSAVE_MS);
    clearTimeout(this.journalTimer);
    const file = this.buffer.currentFile;
    const base = this.baseVersion;
    this.journalTimer = setTimeout(() => {
      if (file && this.dirty) this.api.recordRecovery(file, text, base).catch(() => undefined);
    }, JOURNAL_MS);
  }

  /** Saves the open segment if it has unsaved edits; a stale base version becomes a conflict. */
  async save(force = false): Promise<void> {
    if (this.saving) await this.saving;
    const file = this.buffer.currentFile;
    if (!file || (!this.dirty && !force)) return;
    clearTimeout(this.autosaveTimer);
    const text = this.buffer.text;
    this.saving = this.write(file, text, force);
    this.events.onStateChange();
    await this.saving;
    this.saving = null;
    this.events.onStateChange();
  }

  private async write(file: string, text: string, force: boolean): Promise<void> {
    try {
      const result = await this.api.saveSegment(file, text, this.baseVersion, force);
      if (result.saved) {
        this.baseVersion = result.version;
        // Typed on while the save was under way: that text is still unsaved.
        if (this.buffer.text === text) this.dirty = false;
      } else {
        this.events.onConflict(result.conflict);
      }
    } catch (error) {
      this.events.onSaveFailed(file, messageOf(error));
    }
  }

  /** Resolves once no save is under way: our own save comes back from the watcher too. */
  async settled(): Promise<void> {
    if (this.saving) await this.saving;
  }

  /** The conflict's answer that writes the text being edited over the file on disk. */
  keepMine(): Promise<void> {
    return this.save(true);
  }

  /** The conflict's answer that drops the unsaved edits for what is on disk. */
  takeTheirs(theirs: SegmentText): void {
    this.buffer.replaceText(theirs.text);
    this.baseVersion = theirs.version;
    this.dirty = false;
  }

  /**
   * The deck on disk changed from `before` to `after`: the open file was renamed, removed, changed
   * (taken in, or a conflict under unsaved edits), or is as it was.
   */
  async diskChanged(before: DeckFiles, after: DeckFiles): Promise<void> {
    const file = this.buffer.currentFile;
    if (!file) return;
    if (!after.segments.some((segment) => segment.file === file)) {
      const renamedTo = await this.findRenamed(before, after);
      if (renamedTo === null) this.events.onRemovedOnDisk(file);
      else {
        this.buffer.rename(file, renamedTo);
        this.events.onRenamedOnDisk(file, renamedTo, this.dirty);
      }
      return;
    }
    const read = await this.api.readSegment(file);
    if (read.version === this.baseVersion) return;
    if (this.dirty) this.events.onConflict(read);
    else {
      this.buffer.replaceText(read.text);
      this.baseVersion = read.version;
    }
  }

  /**
   * The segment that appeared on disk with exactly the bytes the open one had when last read or
   * saved: the open segment, renamed (by another program, a file manager, git). Null if none.
   */
  private async findRenamed(before: DeckFiles, after: DeckFiles): Promise<string | null> {
    const known = new Set(before.segments.map((segment) => segment.file));
    for (const segment of after.segments) {
      if (known.has(segment.file)) continue;
      const read = await this.api.readSegment(segment.file).catch(() => null);
      if (read?.version === this.baseVersion) return segment.file;
    }
    return null;
  }

  /** The newest unsaved edits a previous session left in the journal, if any. */
  async recovered(): Promise<RecoveryEntry | null> {
    const entries = await this.api.listRecovery().catch(() => []);
    return entries[0] ?? null;
  }

  /** Puts recovered edits back over their file, opened: an edit like any other, on the version they were made on. */
  async restore(entry: RecoveryEntry): Promise<void> {
    await this.open(entry.file);
    this.baseVersion = entry.baseVersion;
    this.buffer.replaceText(entry.text);
    this.edited(entry.text);
  }

  discardRecovery(entry: RecoveryEntry): Promise<void> {
    return this.api.discardRecovery(entry.file);
  }

  /** No autosave nor journal write happens after this. */
  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.autosaveTimer);
    clearTimeout(this.journalTimer);
  }
}

