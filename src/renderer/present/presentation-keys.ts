import type { RevealApi } from 'reveal.js';
import { h } from '../dom';

/** One line of a `?` help overlay: the keys, as a person reads them, and what they do. */
export interface KeyHelpLine {
  keys: string;
  action: string;
}

/**
 * reveal.js's own keys as the presentation leaves them. reveal.js's help names keys that Podium's
 * bindings take over (L is the laser, not "navigate right"; A the arrow, C clear), and leaves out
 * some it handles (Home, End, PageUp, PageDown, V, /): this list is the truth. Podium's own
 * bindings (S, W, the drawing keys, ?) add theirs.
 */
const REVEAL_KEY_LINES: readonly KeyHelpLine[] = (
  [
    ['N  ,  SPACE  ,  PAGE DOWN', 'Next (fragment or slide; PageDown from clickers)'],
    ['P  ,  Shift SPACE  ,  PAGE UP', 'Previous (PageUp from clickers)'],
    ['←  ,  H', 'Navigate left'],
    ['→', 'Navigate right'],
    ['↑  ,  K', 'Navigate up'],
    ['↓  ,  J', 'Navigate down'],
    ['Alt + ←/↑/→/↓', 'Navigate without fragments'],
    ['Shift + ←/↑/→/↓', 'Jump to first/last slide'],
    ['HOME  ,  END', 'First / last slide'],
    ['B  ,  .  ,  V  ,  /', 'Pause: a black screen (B again to go back)'],
    ['F', 'Fullscreen'],
    ['G', 'Jump to slide'],
    ['ESC  ,  O', 'Slide overview'],
  ] as const
).map(([keys, action]) => ({ keys, action }));

const KEY_QUESTION_MARK = 191;
const KEY_F1 = 112;

/**
 * The presentation's keys beyond reveal.js's own, bound through here so that the `?` (and F1)
 * overlay lists every key the presentation handles, once: reveal.js's keys as above, then each of
 * Podium's with its line. reveal.js builds its overlay from a list of its own that Podium cannot
 * edit (its keyboard controller is not public), so the overlay's table is rebuilt as it opens.
 * `/` alone still pauses, as in reveal.js.
 */
export class PresentationKeys {
  private readonly lines: KeyHelpLine[] = [];
  private readonly keyCodes: number[] = [];
  private readonly onShowHelp = (): void => this.rewriteHelp();

  constructor(private readonly reveal: RevealApi) {
    this.bind(KEY_QUESTION_MARK, { keys: '?  ,  F1', action: 'Show or hide this help' }, (event) => {
      if (event.shiftKey) reveal.toggleHelp();
      else reveal.togglePause();
    });
    this.bind(KEY_F1, null, () => reveal.toggleHelp());
    reveal.on('showhelp', this.onShowHelp);
  }

  /** Binds a key (reveal.js's own action for it is replaced); `line` is its line in the help, null when another line names it. */
  bind(keyCode: number, line: KeyHelpLine | null, callback: (event: KeyboardEvent) => void): void {
    this.reveal.addKeyBinding(keyCode, callback);
    this.keyCodes.push(keyCode);
    if (line) this.lines.push(line);
  }

  destroy(): void {
    for (const keyCode of this.keyCodes.splice(0)) this.reveal.removeKeyBinding(keyCode);
    this.lines.length = 0;
    this.reveal.off('showhelp', this.onShowHelp);
  }

  private rewriteHelp(): void {
    const content = document.querySelector('.r-overlay-help .r-overlay-help-content');
    if (!content) return;
    const lines = [...REVEAL_KEY_LINES, ...this.lines];
    content.querySelector('table')?.remove();
    content.append(
      h(
        'table',
        {},
        h('tr', {}, h('th', {}, 'KEY'), h('th', {}, 'ACTION')),
        ...lines.map((line) => h('tr', {}, h('td', {}, line.keys), h('td', {}, line.action))),
      ),
    );
  }
}
