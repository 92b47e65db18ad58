import { redo, redoDepth, undo, undoDepth } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { yamlFrontmatter } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { openSearchPanel } from '@codemirror/search';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import type { Problem } from '../../shared/deck/model';

const SEARCH_PHRASES: Record<string, string> = {
  next: 'Next',
  previous: 'Previous',
  all: 'All',
  'match case': 'Match case',
  regexp: 'Regexp',
  'by word': 'By word',
  replace: 'Replace',
  'replace all': 'Replace all',
  close: 'Close',
};

export interface MarkdownEditorEvents {
  onChange(text: string): void;
  /** 1-based line of the cursor, whenever it moves. */
  onCursorLine(line: number): void;
  onSave(): void;
}

/**
 * CodeMirror 6 over one segment file at a time. Each file keeps its own editor state, so undo
 * history survives switching between segments.
 */
export class MarkdownEditor {
  readonly view: EditorView;
  private readonly states = new Map<string, EditorState>();
  private file: string | null = null;
  private applyingExternalText = false;
  private problems: readonly Problem[] = [];
  /** The problems last marked, as a key: typing that changes none of them dispatches nothing. */
  private marked = '';

  constructor(parent: HTMLElement, private readonly events: MarkdownEditorEvents) {
    this.view = new EditorView({ parent, state: this.createState('') });
  }

  private createState(text: string): EditorState {
    const extensions: Extension[] = [
      basicSetup,
      // A segment's leading `---` block is YAML, not a Markdown setext heading.
      yamlFrontmatter({ content: markdown() }),
      lintGutter(),
      // The search panel's words, capitalised as the toolbar's labels are.
      EditorState.phrases.of(SEARCH_PHRASES),
      EditorView.lineWrapping,
      // A tab stop axe-core can see: it does not count contenteditable as one, and would call the
      // scroller around it a region the keyboard cannot reach.
      EditorView.contentAttributes.of({ 'aria-label': 'Markdown of the segment', tabindex: '0' }),
      keymap.of([{ key: 'Mod-s', preventDefault: true, run: () => (this.events.onSave(), true) }]),
      EditorView.updateListener.of((update) => {
        if (update.docChanged && !this.applyingExternalText) this.events.onChange(update.state.doc.toString());
        if (update.selectionSet || update.docChanged) {
          this.events.onCursorLine(update.state.doc.lineAt(update.state.selection.main.head).number);
        }
      }),
    ];
    return EditorState.create({ doc: text, extensions });
  }

  get currentFile(): string | null {
    return this.file;
  }

  get text(): string {
    return this.view.state.doc.toString();
  }

  /** Shows `file`, with `text` when it was not open before (or `reset`), keeping its undo history otherwise. */
  open(file: string, text: string, reset = false): void {
    if (this.file !== null) this.states.set(this.file, this.view.state);
    const kept = reset ? undefined : this.states.get(file);
    this.file = file;
    this.view.setState(kept ?? this.createState(text));
    this.marked = '';
    this.markProblems();
  }

  /**
   * Marks the lines of the open file that `problems` (the deck's, as `check` reports them) name:
   * a sign in the gutter, the line underlined, the message on hover.
   */
  showProblems(problems: readonly Problem[]): void {
    this.problems = problems;
    this.markProblems();
  }

  private markProblems(): void {
    const own = this.problems.filter((problem) => problem.file === this.file);
    const key = JSON.stringify(own);
    if (key === this.marked) return;
    this.marked = key;
    // Problems arrive from the edit they describe, while CodeMirror is still applying it.
    queueMicrotask(() => {
      const doc = this.view.state.doc;
      const diagnostics: Diagnostic[] = own.map((problem) => {
        const line = doc.line(Math.max(1, Math.min(problem.line, doc.lines)));
        return { from: line.from, to: line.to, severity: problem.severity, source: problem.code, message: problem.message };
      });
      this.view.dispatch(setDiagnostics(this.view.state, diagnostics));
    });
  }

  /** Replaces the text from outside (a change on disk) as one undoable step, keeping the cursor's line. */
  replaceText(text: string): void {
    const line = this.view.state.doc.lineAt(this.view.state.selection.main.head).number;
    this.applyingExternalText = true;
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: text } });
    this.applyingExternalText = false;
    this.goToLine(Math.min(line, this.view.state.doc.lines), false);
  }

  /** basicSetup's history, of the open file only. */
  get canUndo(): boolean {
    return undoDepth(this.view.state) > 0;
  }

  get canRedo(): boolean {
    return redoDepth(this.view.state) > 0;
  }

  undo(): void {
    undo(this.view);
  }

  redo(): void {
    redo(this.view);
  }

  /** CodeMirror's find and replace panel, its field focused (as Ctrl+F opens it). */
  openSearch(): void {
    openSearchPanel(this.view);
  }

  goToLine(line: number, focus = true): void {
    const target = this.view.state.doc.line(Math.max(1, Math.min(line, this.view.state.doc.lines)));
    this.view.dispatch({ selection: { anchor: target.from }, effects: EditorView.scrollIntoView(target.from, { y: 'center' }) });
    if (focus) this.view.focus();
  }

  /** The open file was renamed: the same text, undo history and cursor, under its new name. */
  rename(from: string, to: string): void {
    if (this.file === from) this.file = to;
    const state = this.states.get(from);
    this.states.delete(from);
    if (state) this.states.set(to, state);
  }

  forget(file: string): void {
    this.states.delete(file);
  }
}
