import type { KeyHelpLine } from '../present/presentation-keys';
import { h } from '../dom';
import './key-help-panel.css';

/** One column of the help: a heading and its keys. */
export interface KeyHelpGroup {
  title: string;
  lines: readonly KeyHelpLine[];
}

/**
 * The speaker view's `?` help: every key the view takes, one line each, over the view until `?`
 * again or Esc. It is not modal: the keys keep working behind it, so a presenter can try one.
 * Its groups sit side by side, so that at 1280x720 every key is in sight without scrolling.
 */
export class KeyHelpPanel {
  readonly element: HTMLElement;

  constructor(groups: readonly KeyHelpGroup[]) {
    this.element = h(
      'div',
      { className: 'speaker-key-help', hidden: true, attrs: { role: 'dialog', 'aria-label': 'Keyboard shortcuts' } },
      h('h2', {}, 'Keyboard shortcuts'),
      h(
        'div',
        { className: 'speaker-key-help-groups' },
        ...groups.map((group) =>
          h(
            'table',
            {},
            h('caption', {}, group.title),
            h('tr', {}, h('th', { attrs: { scope: 'col' } }, 'Key'), h('th', { attrs: { scope: 'col' } }, 'Action')),
            ...group.lines.map((line) => h('tr', {}, h('td', { className: 'speaker-key-help-keys' }, line.keys), h('td', {}, line.action))),
          ),
        ),
      ),
    );
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  toggle(): void {
    this.element.hidden = !this.element.hidden;
  }

  close(): void {
    this.element.hidden = true;
  }
}
