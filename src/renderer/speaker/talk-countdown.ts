import type { Deck } from '../../shared/deck/model';
import { countdownLevel, segmentOverrunMs, talkLengthMs } from '../../shared/present/countdown';
import { formatDuration } from '../../shared/present/talk-clock';
import { h } from '../dom';
import './talk-countdown.css';

/**
 * The speaker view's countdown beside the elapsed time: the time left of the talk's length
 * (deck.yaml's `duration`, else the segments' planned minutes), amber from five minutes left, red
 * from one, and at zero a "Time's up" banner over the whole view with the time over counting up.
 * A badge says when the segment the presenter is in runs past its own plan. Only the speaker view
 * builds one: the audience's pages and followers never see any of it.
 */
export class TalkCountdown {
  /** Goes beside the elapsed time. */
  readonly display: HTMLElement;
  private readonly left = h('span', { className: 'speaker-countdown-time' });
  /** Says when the segment the presenter is in runs past its plan: goes beside NOW's label. */
  readonly segmentBadge = h('span', { className: 'speaker-segment-over', hidden: true });
  private readonly banner: HTMLElement;
  private readonly bannerDetail = h('span', { className: 'speaker-time-up-detail' });
  private length: number | null = null;

  /** `bannerHost` holds the "Time's up" banner: where it hides what matters least then. */
  constructor(
    private readonly root: HTMLElement,
    bannerHost: HTMLElement = root,
  ) {
    this.display = h('span', { className: 'speaker-countdown', hidden: true }, this.left);
    // role="alert" on the banner alone: it is announced once when it appears, not at every tick.
    this.banner = h(
      'div',
      { className: 'speaker-time-up', hidden: true, attrs: { role: 'alert' } },
      h('strong', {}, "Time's up"),
      this.bannerDetail,
    );
    bannerHost.append(this.banner);
  }

  /** The talk's length; null when the deck plans none. */
  get lengthMs(): number | null {
    return this.length;
  }

  setDeck(deck: Deck): void {
    this.length = talkLengthMs(deck);
    this.display.title =
      deck.settings.duration !== undefined
        ? `Time left of the talk's ${formatDuration(this.length ?? 0)} (deck.yaml's duration)`
        : "Time left of the segments' planned minutes";
  }

  update(deck: Deck, elapsedMs: number, planned: readonly (number | null)[], spent: readonly number[], current: number): void {
    const length = this.length;
    this.display.hidden = length === null;
    const over = segmentOverrunMs(planned, spent, current);
    this.segmentBadge.hidden = over === null;
    if (over !== null) {
      const segment = deck.segments[current];
      this.segmentBadge.textContent = `${segment?.title ?? segment?.file ?? 'This segment'} over by ${formatDuration(over)}`;
    }
    this.root.classList.toggle('segment-over', over !== null);
    if (length === null) {
      this.setLevel(null);
      return;
    }
    const leftMs = length - elapsedMs;
    const level = countdownLevel(leftMs);
    this.display.dataset.level = level;
    this.display.dataset.leftMs = String(Math.round(leftMs));
    // Counted down in whole seconds shown as still to go (4:59.2 left reads 5:00 until it is 4:59).
    this.left.textContent = level === 'over' ? `+${formatDuration(-leftMs)} over` : `${formatDuration(Math.ceil(leftMs / 1000) * 1000)} left`;
    this.bannerDetail.textContent = level === 'over' ? `${formatDuration(-leftMs)} over the planned ${formatDuration(length)}` : '';
    this.setLevel(level);
  }

  private setLevel(level: string | null): void {
    const over = level === 'over';
    this.banner.hidden = !over;
    this.root.classList.toggle('time-up', over);
    if (level === null) delete this.root.dataset.countdown;
    else this.root.dataset.countdown = level;
  }
}
