import type { RevealApi } from 'reveal.js';
import { h } from '../dom';
import type { AudienceScreen } from '../../shared/present/presenter-state';

const WHITEBOARD_CLASS = 'podium-whiteboard';

/**
 * What a deck shows instead of its slide: reveal.js's own pause (B, ".") for a black screen, and
 * a whiteboard, a blank white sheet over the slide (W). One at a time: choosing one ends the other.
 */
export class AudienceScreenControl {
  private readonly whiteboard: HTMLElement;
  private readonly listeners = new Set<() => void>();
  private readonly onPauseChange = (): void => this.changed();

  constructor(private readonly reveal: RevealApi) {
    const root = reveal.getRevealElement() as HTMLElement;
    this.whiteboard = h('div', { className: WHITEBOARD_CLASS, hidden: true, attrs: { 'aria-label': 'Whiteboard' } });
    root.append(this.whiteboard);
    reveal.on('paused', this.onPauseChange);
    reveal.on('resumed', this.onPauseChange);
  }

  get screen(): AudienceScreen | undefined {
    if (this.reveal.isPaused()) return 'black';
    return this.whiteboard.hidden ? undefined : 'white';
  }

  set(screen: AudienceScreen | undefined): void {
    if (screen === this.screen) return;
    this.whiteboard.hidden = screen !== 'white';
    // reveal.js fires 'paused' or 'resumed' only when the pause really changes.
    const paused = this.reveal.isPaused();
    if ((screen === 'black') !== paused) this.reveal.togglePause(screen === 'black');
    else this.changed();
  }

  toggleWhiteboard(): void {
    this.set(this.screen === 'white' ? undefined : 'white');
  }

  /** Called after each change of screen, whoever made it. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.reveal.off('paused', this.onPauseChange);
    this.reveal.off('resumed', this.onPauseChange);
    this.whiteboard.remove();
    this.listeners.clear();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
