import type { RevealApi } from 'reveal.js';
import type { DeckApi } from '../../shared/api';
import { withSegmentSource } from '../../shared/deck/build-deck';
import { missingNotes } from '../../shared/deck/missing-notes';
import type { Deck, Problem, Slide } from '../../shared/deck/model';
import { findOverflowingSlides, overflowProblem } from '../../shared/deck/overflow';
import type { DeckEditApi, SegmentText } from '../../shared/edit/edit-api';
import type { ExportApi } from '../../shared/export/export-api';
import { exportDialogLauncher } from '../export/export-dialog-launcher';
import { DeckView } from '../deck-view/deck-view';
import { askForText, askToConfirm } from './ask-dialog';
import { showCompare, type CompareAction } from './compare-view';
import { MarkdownEditor } from './markdown-editor';
import { downloadText } from './download-text';
import { EditSession, type EditStatus } from './edit-session';
import { EditToolbar } from './edit-toolbar';
import { NoticeBar } from './notice-bar';
import { ProblemList } from './problem-list';
import { SegmentList } from './segment-list';
import { SlideStrip } from './slide-strip';
import './editor.css';
import { messageOf } from '../../shared/errors';
import { h } from '../dom';

const STATUS_TEXT: Record<EditStatus, string> = { saved: 'saved', dirty: '● unsaved', saving: 'saving…' };

/** How long a segment operation waits for the watcher to report the new deck. */
const DECK_WAIT_MS = 3000;

/**
 * The edit view: segments on the left, the Markdown of one segment in the middle, a live preview of
 * the slide under the cursor on the right, with a strip of every slide below it.
 */
export class EditView {
  private diskDeck!: Deck;
  private shownDeck!: Deck;
  private movingPreview = false;
  private stripFrame = 0;
  private deckWaiters: ((deck: Deck) => void)[] = [];
  /** Aborted by destroy: the page's listeners are added with its signal. */
  private readonly lifetime = new AbortController();
  private unsubscribeDeck: (() => void) | null = null;
  private readonly onPreviewMoved = (): void => {
    this.followPreview();
    this.measurePreview();
    this.updateToolbar();
  };
  /** `check`'s overflow rule on the preview's current slide, as laid out at the deck's size. */
  private previewProblems: Problem[] = [];
  private problemCounts = { errors: 0, warnings: 0 };
  private problemsShown = true;
  private readonly toolbar: EditToolbar;
  private readonly notice: NoticeBar;
  private readonly editor: MarkdownEditor;
  private readonly session: EditSession;
  private readonly segments: SegmentList;
  private readonly strip: SlideStrip;
  private readonly status: HTMLElement;
  private readonly problemList: ProblemList;
  private readonly preview: DeckView;

  constructor(
    private readonly deckApi: DeckApi,
    private readonly editApi: DeckEditApi,
    revealRoot: HTMLElement,
    exportApi: ExportApi,
  ) {
    const side = h('aside', { className: 'podium-edit-segments' });
    const editorHost = h('div', { className: 'podium-edit-editor' });
    this.status = h('div', { className: 'podium-edit-status' });
    const source = h('main', { className: 'podium-edit-source' }, editorHost, this.status);
    const previewPane = h(
      'section',
      { className: 'podium-edit-preview', attrs: { 'aria-label': 'Preview' } },
      h('div', { className: 'podium-edit-stage' }, revealRoot),
    );
    this.toolbar = this.createToolbar(exportApi);
    const layout = h('div', { className: 'podium-edit' }, this.toolbar.element, side, source, previewPane);
    document.body.replaceChildren(layout);
    document.documentElement.classList.add('podium-editing');

    this.notice = new NoticeBar(source);
    this.problemList = new ProblemList(source, (problem) => void this.openSegment(problem.file, problem.line));
    source.append(this.status);
    this.segments = new SegmentList(side, {
      onSelect: (file) => void this.openSegment(file),
      onReorder: (files) => void this.reorder(files),
    });
    this.editor = new MarkdownEditor(editorHost, {
      onChange: (text) => this.onEdit(text),
      onCursorLine: (line) => this.showSlideAtLine(line),
      onSave: () => void this.save(),
    });
    const editor = this.editor;
    this.session = new EditSession(
      editApi,
      {
        get currentFile() {
          return editor.currentFile;
        },
        get text() {
          return editor.text;
        },
        open: (file, text) => editor.open(file, text, true),
        replaceText: (text) => editor.replaceText(text),
        rename: (from, to) => editor.rename(from, to),
      },
      {
        onStateChange: () => this.render(),
        onConflict: (theirs) => this.showConflict(theirs),
        onSaveFailed: (file, message) => this.showSaveFailed(file, message),
        onRenamedOnDisk: (from, to, withUnsavedEdits) =>
          this.notice.show('info', `${from} was renamed to ${to} on disk: the editor follows it${withUnsavedEdits ? ', with your unsaved edits' : ''}.`),
        onRemovedOnDisk: (file) =>
          this.notice.show('warning', `${file} is no longer in the deck (renamed or removed on disk). Your text stays here: save it to write it back.`),
      },
    );
    this.strip = new SlideStrip(previewPane, (slide) => void this.goToSlide(slide));
    this.preview = new DeckView(revealRoot, { printView: false, embedded: true });
    // Until the deck is read, what needs a segment or a slide is greyed.
    this.updateToolbar();
  }

  /** Across the top: the actions on the file, the segment, the text, the preview and the deck. */
  private createToolbar(exportApi: ExportApi): EditToolbar {
    // The host exports the files on disk: unsaved edits are saved first.
    const openExport = exportDialogLauncher({
      api: exportApi,
      slideCount: async () => this.shownDeck.slides.length,
      beforeExport: () => this.save(),
    }, this.lifetime.signal);
    const withCurrent = (run: (file: string) => void) => (): void => {
      const file = this.editor.currentFile;
      if (file) run(file);
    };
    return new EditToolbar({
      save: () => void this.save(),
      createSegment: () => void this.createSegment(),
      duplicateSegment: withCurrent((file) => void this.segmentOperation(() => this.editApi.duplicateSegment(file))),
      renameSegment: withCurrent((file) => void this.renameSegment(file)),
      deleteSegment: withCurrent((file) => void this.deleteSegment(file)),
      moveSegment: (by) => {
        const file = this.editor.currentFile;
        if (file) this.segments.move(file, by);
      },
      undo: () => this.editor.undo(),
      redo: () => this.editor.redo(),
      find: () => this.editor.openSearch(),
      previousSlide: () => this.stepSlide(-1),
      nextSlide: () => this.stepSlide(1),
      toggleProblems: () => {
        this.problemsShown = !this.problemsShown;
        this.problemList.setVisible(this.problemsShown);
        this.updateToolbar();
      },
      exportPdf: openExport,
    });
  }

  /** The place of the preview's slide in the deck, -1 before the preview is ready. */
  private get previewSlideIndex(): number {
    const indices = this.reveal?.getIndices();
    if (!indices) return -1;
    return this.shownDeck.slides.findIndex((slide) => slide.h === indices.h && slide.v === (indices.v ?? 0));
  }

  /** The toolbar's Previous and Next: the editor moves to that slide's source, focus stays on the button. */
  private stepSlide(by: -1 | 1): void {
    const slide = this.shownDeck.slides[this.previewSlideIndex + by];
    if (this.previewSlideIndex >= 0 && slide) void this.goToSlide(slide, false);
  }

  private updateToolbar(): void {
    const segment = this.shownDeck ? this.segmentIndex : -1;
    const slide = this.shownDeck ? this.previewSlideIndex : -1;
    this.toolbar.update({
      title: this.shownDeck?.title ?? '',
      canSave: this.session.status === 'dirty' && this.editor.currentFile !== null,
      hasSegment: segment >= 0,
      canMoveUp: segment > 0,
      canMoveDown: segment >= 0 && segment < this.diskDeck.segments.length - 1,
      canUndo: this.editor.canUndo,
      canRedo: this.editor.canRedo,
      canGoBack: slide > 0,
      canGoForward: slide >= 0 && slide < this.shownDeck.slides.length - 1,
      problemsShown: this.problemsShown,
      ...this.problemCounts,
    });
  }

  async start(): Promise<void> {
    this.diskDeck = this.shownDeck = await this.deckApi.loadDeck();
    document.title = `Editing: ${this.diskDeck.title}`;
    await this.preview.show(this.diskDeck);
    this.measurePreview();
    if (this.lifetime.signal.aborted) return;
    this.reveal?.on('slidechanged', this.onPreviewMoved);
    this.unsubscribeDeck = this.deckApi.onDeckChanged((deck) => void this.onDiskDeck(deck));
    window.addEventListener(
      'beforeunload',
      (event) => {
        if (this.session.hasUnsavedEdits) event.preventDefault();
      },
      { signal: this.lifetime.signal },
    );
    const first = this.diskDeck.segments[0]?.file;
    if (first) await this.openSegment(first);
    await this.offerRecovery();
  }

  /** Stops autosave, the journal, the watcher's decks, the preview (reveal.js with it), the host's Export requests and the unload guard. */
  destroy(): void {
    this.lifetime.abort();
    this.session.destroy();
    this.unsubscribeDeck?.();
    this.unsubscribeDeck = null;
    this.reveal?.off('slidechanged', this.onPreviewMoved);
    cancelAnimationFrame(this.stripFrame);
    this.stripFrame = 0;
    this.preview.destroy();
  }

  private get reveal(): RevealApi | null {
    return this.preview.revealApi;
  }

  private get segmentIndex(): number {
    return this.diskDeck.segments.findIndex((segment) => segment.file === this.editor.currentFile);
  }

  private async openSegment(file: string, line?: number, focusEditor = true): Promise<void> {
    await this.session.open(file);
    this.render();
    this.editor.goToLine(line ?? this.slidesOfCurrentSegment()[0]?.line ?? 1, focusEditor);
  }

  private onEdit(text: string): void {
    this.session.edited(text);
    this.showEdit(text);
  }

  /** The preview, the list and the status show the text being typed, saved or not. */
  private showEdit(text: string): void {
    this.shownDeck = withSegmentSource(this.diskDeck, this.segmentIndex, text);
    void this.preview.update(this.shownDeck).then(() => this.measurePreview());
    this.render();
  }

  /** Saves the current segment if it has unsaved edits; a stale base version becomes a conflict. */
  save(): Promise<void> {
    return this.session.save();
  }

  private showSaveFailed(file: string, message: string): void {
    this.notice.show('error', `Could not save ${file}: ${message}. Your edit is still here, unsaved.`, [
      { label: 'Try again', run: () => this.save() },
      { label: 'Download a copy', run: () => downloadText(file, this.editor.text), keepsNotice: true },
    ]);
  }

  private showConflict(theirs: SegmentText): void {
    const keepMine = { label: 'Keep mine', run: () => this.session.keepMine() };
    const takeTheirs = {
      label: 'Take theirs',
      run: () => {
        this.session.takeTheirs(theirs);
        this.onDiskDeckShown();
      },
    };
    const compare = { label: 'Compare', run: () => this.compare(theirs, [keepMine, takeTheirs]) };
    this.notice.show('warning', `${theirs.file} changed on disk while you were editing it.`, [keepMine, takeTheirs, compare]);
  }

  private compare(theirs: SegmentText, actions: CompareAction[]): void {
    showCompare(theirs.file, this.editor.text, theirs.text, actions);
  }

  private async onDiskDeck(deck: Deck): Promise<void> {
    // Our own save comes back from the watcher too: let it finish before judging what changed.
    await this.session.settled();
    const before = this.diskDeck;
    this.diskDeck = deck;
    for (const resolve of this.deckWaiters.splice(0)) resolve(deck);
    await this.session.diskChanged(before, deck);
    this.onDiskDeckShown();
  }

  private onDiskDeckShown(): void {
    const index = this.segmentIndex;
    this.shownDeck = this.session.hasUnsavedEdits && index >= 0 ? withSegmentSource(this.diskDeck, index, this.editor.text) : this.diskDeck;
    void this.preview.update(this.shownDeck).then(() => this.measurePreview());
    this.render();
  }

  private render(): void {
    const file = this.editor.currentFile;
    this.segments.render(this.shownDeck, file, new Set(this.session.hasUnsavedEdits && file ? [file] : []));
    this.scheduleStripRender();
    this.setStatus(this.session.status);
    this.showProblems();
    this.updateToolbar();
  }

  /**
   * The problems of the text as typed: this segment's from parsing it, the rest as the host read
   * them from disk (with the missing files), slides without notes, and the current slide's overflow.
   */
  private showProblems(): void {
    const problems = [...this.shownDeck.problems, ...missingNotes(this.shownDeck), ...this.previewProblems].sort(
      (a, b) => a.file.localeCompare(b.file, 'en', { numeric: true }) || a.line - b.line,
    );
    this.problemList.render(problems);
    this.editor.showProblems(problems);
    const errors = problems.filter((problem) => problem.severity === 'error').length;
    this.problemCounts = { errors, warnings: problems.length - errors };
  }

  private measurePreview(): void {
    const reveal = this.reveal;
    const slide = reveal?.getCurrentSlide();
    if (!reveal || !slide) return;
    const { width, height } = reveal.getConfig();
    this.previewProblems = findOverflowingSlides([slide], Number(width), Number(height)).map(overflowProblem);
    this.showProblems();
  }

  /**
   * The miniatures follow a frame later, once per frame at most: the preview of the slide being
   * typed in comes first, and a deck of hundreds of slides must not slow each keystroke.
   */
  private scheduleStripRender(): void {
    if (this.stripFrame !== 0) return;
    this.stripFrame = requestAnimationFrame(() => {
      this.stripFrame = 0;
      this.strip.render(this.shownDeck, this.reveal?.getIndices() ?? { h: 0, v: 0 });
    });
  }

  private setStatus(status: EditStatus): void {
    this.status.textContent = `${this.editor.currentFile ?? ''} — ${STATUS_TEXT[status]}`;
    this.status.dataset.state = status;
  }

  private slidesOfCurrentSegment(): Slide[] {
    const index = this.segmentIndex;
    return this.shownDeck.slides.filter((slide) => slide.segment === index);
  }

  /** Cursor to slide: the preview shows the slide whose source holds the cursor's line. */
  private showSlideAtLine(line: number): void {
    const slides = this.slidesOfCurrentSegment();
    const slide = slides.filter((candidate) => candidate.line <= line).at(-1) ?? slides[0];
    const reveal = this.reveal;
    if (!slide || !reveal) return;
    const { h, v } = reveal.getIndices();
    if (h !== slide.h || v !== slide.v) {
      this.movingPreview = true;
      reveal.slide(slide.h, slide.v);
      this.movingPreview = false;
    }
    this.scheduleStripRender();
  }

  /** Slide to cursor: navigating the preview moves the editor to that slide's source. */
  private followPreview(): void {
    if (this.movingPreview || !this.reveal) return;
    const { h, v } = this.reveal.getIndices();
    const slide = this.shownDeck.slides.find((candidate) => candidate.h === h && candidate.v === (v ?? 0));
    if (slide) void this.goToSlide(slide);
  }

  private async goToSlide(slide: Slide, focusEditor = true): Promise<void> {
    const file = this.shownDeck.segments[slide.segment]?.file;
    if (file) await this.openSegment(file, slide.line, focusEditor);
  }

  private waitForDeck(predicate: (deck: Deck) => boolean): Promise<Deck> {
    if (predicate(this.diskDeck)) return Promise.resolve(this.diskDeck);
    return new Promise((resolve) => {
      const timer = setTimeout(() => void this.deckApi.loadDeck().then(resolve), DECK_WAIT_MS);
      const waiter = (deck: Deck): void => {
        if (!predicate(deck)) return void this.deckWaiters.push(waiter);
        clearTimeout(timer);
        resolve(deck);
      };
      this.deckWaiters.push(waiter);
    });
  }

  private async segmentOperation(operation: () => Promise<string>): Promise<void> {
    try {
      await this.save();
      const file = await operation();
      await this.waitForDeck((deck) => deck.segments.some((segment) => segment.file === file));
      await this.openSegment(file);
    } catch (error) {
      this.notice.show('error', messageOf(error));
    }
  }

  private async createSegment(): Promise<void> {
    const title = await askForText('Title of the new segment', 'New segment', 'Create');
    if (title) await this.segmentOperation(() => this.editApi.createSegment(this.editor.currentFile, title));
  }

  private async renameSegment(file: string): Promise<void> {
    const name = await askForText(`New file name for ${file}`, file.split('/').pop() ?? file, 'Rename');
    if (!name) return;
    this.editor.forget(file);
    await this.segmentOperation(() => this.editApi.renameSegment(file, name));
  }

  private async deleteSegment(file: string): Promise<void> {
    if (!(await askToConfirm(`Delete ${file}? You can undo this.`, 'Delete'))) return;
    try {
      await this.save();
      const deleted = await this.editApi.deleteSegment(file);
      this.editor.forget(file);
      const deck = await this.waitForDeck((candidate) => !candidate.segments.some((segment) => segment.file === file));
      const next = deck.segments[0]?.file;
      if (next) await this.openSegment(next);
      this.notice.show('info', `Deleted ${file}.`, [
        { label: 'Undo', run: () => this.segmentOperation(() => this.editApi.restoreSegment(deleted)) },
      ]);
    } catch (error) {
      this.notice.show('error', messageOf(error));
    }
  }

  private async reorder(files: string[]): Promise<void> {
    const current = this.editor.currentFile;
    await this.save();
    const renamed = await this.editApi.reorderSegments(files).catch((error: unknown) => {
      this.notice.show('error', messageOf(error));
      return null;
    });
    if (!renamed) return;
    const target = current ? (renamed[files.indexOf(current)] ?? current) : null;
    await this.waitForDeck((deck) => deck.segments.map((segment) => segment.file).join() === renamed.join());
    if (target && target !== current) {
      if (current) this.editor.forget(current);
      // Focus stays where the move was made: on the segment moved from the keyboard, say.
      await this.openSegment(target, undefined, false);
    } else this.render();
  }

  private async offerRecovery(): Promise<void> {
    const entry = await this.session.recovered();
    if (!entry) return;
    const when = new Date(entry.savedAt).toLocaleString();
    this.notice.show('warning', `Unsaved edits to ${entry.file} from ${when} were recovered.`, [
      {
        label: 'Restore',
        run: async () => {
          await this.openSegment(entry.file);
          await this.session.restore(entry);
          this.showEdit(entry.text);
        },
      },
      { label: 'Discard', run: () => this.session.discardRecovery(entry) },
    ]);
  }
}

