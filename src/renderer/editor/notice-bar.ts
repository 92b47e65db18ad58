export interface NoticeAction {
  label: string;
  run: () => void | Promise<void>;
  /** The notice stays up after this action, for actions that do not settle it (a download). */
  keepsNotice?: boolean;
}

/** One message at a time above the editor: a conflict, a recovery offer, an undo, an error. */
export class NoticeBar {
  private readonly element: HTMLDivElement;

  constructor(parent: HTMLElement) {
    this.element = document.createElement('div');
    this.element.className = 'podium-notice';
    this.element.hidden = true;
    parent.prepend(this.element);
  }

  show(kind: 'info' | 'warning' | 'error', message: string, actions: NoticeAction[] = []): void {
    this.element.hidden = false;
    this.element.dataset.kind = kind;
    const text = document.createElement('span');
    text.textContent = message;
    const buttons = actions.map((action) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = action.label;
      button.addEventListener('click', () => {
        if (!action.keepsNotice) this.clear();
        void action.run();
      });
      return button;
    });
    this.element.replaceChildren(text, ...buttons);
  }

  clear(): void {
    this.element.hidden = true;
    this.element.replaceChildren();
  }
}
