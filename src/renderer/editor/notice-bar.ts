import { h } from '../dom';

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
    this.element = h('div', { className: 'podium-notice', hidden: true });
    parent.prepend(this.element);
  }

  show(kind: 'info' | 'warning' | 'error', message: string, actions: NoticeAction[] = []): void {
    this.element.hidden = false;
    this.element.dataset.kind = kind;
    const buttons = actions.map((action) =>
      h(
        'button',
        {
          type: 'button',
          on: {
            click: () => {
              if (!action.keepsNotice) this.clear();
              void action.run();
            },
          },
        },
        action.label,
      ),
    );
    this.element.replaceChildren(h('span', {}, message), ...buttons);
  }

  clear(): void {
    this.element.hidden = true;
    this.element.replaceChildren();
  }
}
