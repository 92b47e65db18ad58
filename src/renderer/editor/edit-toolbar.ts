import { h } from '../dom';
import { toolbarIcon, type ToolbarIcon } from './toolbar-icons';

export interface EditToolbarActions {
  save(): void;
  createSegment(): void;
  duplicateSegment(): void;
  renameSegment(): void;
  deleteSegment(): void;
  moveSegment(by: -1 | 1): void;
  undo(): void;
  redo(): void;
  find(): void;
  previousSlide(): void;
  nextSlide(): void;
  toggleProblems(): void;
  exportPdf(): void;
}

/** What the buttons can do right now: each `false` disables its button. */
export interface EditToolbarState {
  title: string;
  canSave: boolean;
  /** A segment of the deck is open: it can be duplicated, renamed, deleted. */
  hasSegment: boolean;
  canMoveUp: boolean;
  canMoveDown: boolean;
  canUndo: boolean;
  canRedo: boolean;
  canGoBack: boolean;
  canGoForward: boolean;
  problemsShown: boolean;
  errors: number;
  warnings: number;
}

/** A shortcut as the person's system writes it: ⌘S on a Mac, Ctrl+S elsewhere. */
const ON_MAC = /Mac|iPhone|iPad/.test(navigator.platform);
const shortcut = (key: string, shift = false): string => (ON_MAC ? `${shift ? '⇧' : ''}⌘${key}` : `Ctrl+${shift ? 'Shift+' : ''}${key}`);

type Tool = 'save' | 'duplicate' | 'rename' | 'delete' | 'moveUp' | 'moveDown' | 'undo' | 'redo' | 'previous' | 'next';

/**
 * Across the top of the edit view, as in Keynote or VS Code: the deck's title, then the file,
 * segment, editing and preview actions in groups, and Export at the end. Each button is a tab stop
 * with its name in text (shown, or read only where the icon says enough), and is disabled, not
 * just greyed, when it can do nothing.
 */
export class EditToolbar {
  readonly element: HTMLElement;
  private readonly title: HTMLElement;
  private readonly tools = new Map<Tool, HTMLButtonElement>();
  private readonly problems: HTMLButtonElement;
  private readonly problemBadge: HTMLElement;

  constructor(actions: EditToolbarActions) {
    const tool = (key: Tool | null, icon: ToolbarIcon, label: string, title: string, run: () => void, labelShown = true): HTMLButtonElement => {
      const button = h(
        'button',
        { type: 'button', className: labelShown ? 'podium-tool' : 'podium-tool podium-tool-icon-only', title, on: { click: run } },
        toolbarIcon(icon),
        h('span', { className: labelShown ? 'podium-tool-label' : 'podium-visually-hidden' }, label),
      );
      if (key) this.tools.set(key, button);
      return button;
    };
    const group = (label: string, ...buttons: HTMLElement[]): HTMLElement =>
      h('div', { className: 'podium-tool-group', attrs: { role: 'group', 'aria-label': label } }, ...buttons);

    this.problemBadge = h('span', { className: 'podium-tool-badge', hidden: true });
    this.problems = tool(null, 'problems', 'Problems', 'Show or hide the list of problems under the editor', () => actions.toggleProblems());
    // The space makes the name "Problems 3" rather than "Problems3"; the flex row does not draw it.
    this.problems.append(' ', this.problemBadge);
    this.title = h('span', { className: 'podium-edit-title' });
    const exportButton = tool(null, 'export', 'Export PDF…', 'Export the deck as a PDF: slides, notes pages or handouts', () => actions.exportPdf());
    exportButton.classList.add('podium-tool-primary');

    this.element = h(
      'header',
      { className: 'podium-edit-bar' },
      this.title,
      h(
        'div',
        { className: 'podium-edit-toolbar', attrs: { role: 'toolbar', 'aria-label': 'Edit' }, on: { keydown: (event) => this.moveWithArrows(event) } },
        group('File', tool('save', 'save', 'Save', `Save this segment (${shortcut('S')})`, () => actions.save())),
        group(
          'Segment',
          tool(null, 'new', 'New', 'Add a segment after this one', () => actions.createSegment()),
          tool('duplicate', 'duplicate', 'Duplicate', 'Duplicate this segment', () => actions.duplicateSegment()),
          tool('rename', 'rename', 'Rename', 'Rename this segment file', () => actions.renameSegment()),
          tool('delete', 'delete', 'Delete', 'Delete this segment (can be undone)', () => actions.deleteSegment()),
          tool('moveUp', 'moveUp', 'Move up', 'Move this segment up (Alt+↑ in the list)', () => actions.moveSegment(-1), false),
          tool('moveDown', 'moveDown', 'Move down', 'Move this segment down (Alt+↓ in the list)', () => actions.moveSegment(1), false),
        ),
        group(
          'Text',
          tool('undo', 'undo', 'Undo', `Undo (${shortcut('Z')})`, () => actions.undo(), false),
          tool('redo', 'redo', 'Redo', `Redo (${ON_MAC ? shortcut('Z', true) : shortcut('Y')})`, () => actions.redo(), false),
          tool(null, 'find', 'Find', `Find and replace in this segment (${shortcut('F')})`, () => actions.find()),
        ),
        group(
          'View',
          tool('previous', 'previous', 'Previous slide', 'Previous slide', () => actions.previousSlide(), false),
          tool('next', 'next', 'Next slide', 'Next slide', () => actions.nextSlide(), false),
          this.problems,
        ),
        h('span', { className: 'podium-tool-spacer' }),
        group('Export', exportButton),
      ),
    );
  }

  update(state: EditToolbarState): void {
    if (this.title.textContent !== state.title) {
      this.title.textContent = state.title;
      this.title.title = state.title;
    }
    const enabled: Record<Tool, boolean> = {
      save: state.canSave,
      duplicate: state.hasSegment,
      rename: state.hasSegment,
      delete: state.hasSegment,
      moveUp: state.canMoveUp,
      moveDown: state.canMoveDown,
      undo: state.canUndo,
      redo: state.canRedo,
      previous: state.canGoBack,
      next: state.canGoForward,
    };
    // Called on each keystroke: only what changed is written, so that typing relays out nothing here.
    const focused = document.activeElement;
    for (const [key, button] of this.tools) if (button.disabled === enabled[key]) button.disabled = !enabled[key];
    if (focused instanceof HTMLButtonElement && focused.disabled && this.element.contains(focused)) this.keepFocusNear(focused);
    const pressed = String(state.problemsShown);
    if (this.problems.getAttribute('aria-pressed') !== pressed) this.problems.setAttribute('aria-pressed', pressed);
    const count = state.errors + state.warnings;
    const badge = count === 0 ? '' : String(count);
    if (this.problemBadge.textContent !== badge) {
      this.problemBadge.hidden = count === 0;
      this.problemBadge.textContent = badge;
    }
    const severity = state.errors > 0 ? 'error' : 'warning';
    if (this.problemBadge.dataset.severity !== severity) this.problemBadge.dataset.severity = severity;
  }

  /** ← and → (Home, End) move along the toolbar's working buttons, as in an ARIA toolbar; Tab still stops at each. */
  private moveWithArrows(event: KeyboardEvent): void {
    const buttons = [...this.element.querySelectorAll('button')].filter((button) => !button.disabled);
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const target = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (at < 0 || target === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    buttons[(target + buttons.length) % buttons.length]?.focus();
  }

  /**
   * A button that greys while it has focus (Previous on reaching the first slide, Save once saved)
   * would drop the keyboard's place to the top of the page: it goes to the nearest button of the
   * same group that still works, else to the next one along the toolbar.
   */
  private keepFocusNear(button: HTMLButtonElement): void {
    const usable = (candidates: Iterable<Element>): HTMLButtonElement[] =>
      [...candidates].filter((candidate): candidate is HTMLButtonElement => candidate instanceof HTMLButtonElement && !candidate.disabled);
    const group = [...(button.parentElement?.children ?? [])];
    const at = group.indexOf(button);
    const all = [...this.element.querySelectorAll('button')];
    const next =
      usable(group.slice(at + 1))[0] ??
      usable(group.slice(0, at)).at(-1) ??
      usable(all.slice(all.indexOf(button) + 1))[0] ??
      usable(all).at(-1);
    next?.focus();
  }
}
