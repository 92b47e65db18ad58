import type { RemoteClock, RemoteStatus } from '../../shared/present/remote';
import type { RemoteApi } from '../../shared/remote-api';
import { messageOf } from '../../shared/errors';
import { h } from '../dom';
import './remote-panel.css';
import type { KeyHelpLine } from '../present/presentation-keys';

/** The remote's key, with its line in the speaker view's `?` help. */
export const REMOTE_KEY_LINE: KeyHelpLine = { keys: 'R', action: 'Phone remote: show or hide its panel (QR code, on and off)' };

/** The phone's clock is corrected this often while it runs, and at once when it pauses, resumes or resets. */
const CLOCK_REPORT_MS = 2_000;

/**
 * The speaker view's phone remote: a button that opens a panel saying which network address turning
 * the remote on opens, and that others on that network can reach the port; once on, the QR code of
 * the phone's URL (drawn here, by the `qrcode` package, on a canvas), the URL, and Turn off, which
 * revokes its token. R opens and closes the panel, Esc closes it. It also tells the phone what the
 * speaker view's clock reads.
 */
export class RemotePanel {
  readonly button: HTMLButtonElement;
  readonly panel: HTMLElement;
  private readonly text = h('p', { className: 'speaker-remote-text' });
  private readonly qr = h('canvas', { className: 'speaker-remote-qr', hidden: true, attrs: { role: 'img' } });
  private readonly link = h('code', { className: 'speaker-remote-url', hidden: true });
  private readonly problem = h('p', { className: 'speaker-remote-problem', hidden: true, attrs: { role: 'alert' } });
  private readonly switchButton: HTMLButtonElement;
  private status: RemoteStatus | null = null;
  private reported: { running: boolean; elapsedMs: number; at: number } | null = null;

  constructor(
    private readonly remote: RemoteApi,
    signal: AbortSignal,
    private readonly now: () => number,
  ) {
    this.button = h(
      'button',
      { type: 'button', className: 'speaker-remote-button', title: 'Use a phone as the clicker (R)', attrs: { 'aria-pressed': 'false' }, signal, on: { click: () => this.toggle() } },
      'Remote',
    );
    this.switchButton = h('button', { type: 'button', className: 'speaker-remote-switch', signal, on: { click: () => void this.flip() } }, 'Turn on');
    const close = h('button', { type: 'button', className: 'speaker-remote-close', signal, on: { click: () => this.close() } }, 'Close');
    this.panel = h(
      'div',
      { className: 'speaker-remote-panel', hidden: true, attrs: { role: 'dialog', 'aria-label': 'Phone remote' } },
      h('h2', {}, 'Phone remote'),
      this.text,
      this.qr,
      this.link,
      this.problem,
      h('div', { className: 'speaker-remote-actions' }, this.switchButton, close),
    );
    document.addEventListener('keydown', (event) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      if (event.key === 'r' || event.key === 'R') {
        event.preventDefault();
        this.toggle();
      } else if (event.key === 'Escape' && !this.panel.hidden) {
        event.preventDefault();
        this.close();
      }
    }, { signal });
  }

  /** Reads whether the remote is on; when `podium serve --remote` turned it on, shows its QR code at once. */
  async start(): Promise<void> {
    try {
      await this.show(await this.remote.remoteStatus());
      if (this.status?.on) this.panel.hidden = false;
    } catch (error) {
      this.showProblem(`The remote's status is unknown: ${messageOf(error)}`);
    }
  }

  /** The speaker view's clock, sent to the phone when it changes course and every few seconds while it runs. */
  reportClock(clock: RemoteClock): void {
    if (!this.status?.on) return;
    const now = this.now();
    const last = this.reported;
    const expected = last === null ? null : last.elapsedMs + (last.running ? now - last.at : 0);
    const changedCourse = last === null || last.running !== clock.running || Math.abs((expected ?? 0) - clock.elapsedMs) > 1_000;
    if (!changedCourse && (!clock.running || now - last.at < CLOCK_REPORT_MS)) return;
    this.reported = { running: clock.running, elapsedMs: clock.elapsedMs, at: now };
    this.remote.sendClock(clock);
  }

  private toggle(): void {
    if (this.panel.hidden) this.panel.hidden = false;
    else this.close();
  }

  private close(): void {
    this.panel.hidden = true;
  }

  private async flip(): Promise<void> {
    const on = !this.status?.on;
    this.switchButton.disabled = true;
    this.problem.hidden = true;
    try {
      await this.show(await this.remote.setRemote(on));
    } catch (error) {
      this.showProblem(`The remote could not be turned ${on ? 'on' : 'off'}: ${messageOf(error)}`);
    } finally {
      this.switchButton.disabled = false;
    }
  }

  private async show(status: RemoteStatus): Promise<void> {
    this.status = status;
    this.reported = null;
    const on = status.on && status.url !== null;
    this.button.setAttribute('aria-pressed', String(on));
    this.button.textContent = on ? 'Remote on' : 'Remote';
    this.panel.classList.toggle('on', on);
    this.switchButton.textContent = on ? 'Turn off' : 'Turn on';
    this.switchButton.title = on ? "Stop listening on the network; the phone's link stops working" : `Listen on ${status.address}`;
    this.text.textContent = on
      ? `Scan this with your phone (on the same network). The remote listens on ${status.address}: anyone on this network can reach that port, and only this link, with its own token, moves the slides.`
      : `Turning the remote on listens on ${status.address}: anyone on this network can reach that port. Only the link it shows, with a token of its own, can move the slides and point the laser; it can never edit, export or read the deck. Turning it off revokes the link.`;
    this.link.hidden = !on;
    this.link.textContent = status.url ?? '';
    this.qr.hidden = !on;
    if (on && status.url) {
      this.qr.setAttribute('aria-label', `QR code of ${status.url}`);
      // Only the speaker view that shows a QR code loads the encoder.
      const { toCanvas } = await import('qrcode');
      await toCanvas(this.qr, status.url, { width: 240, margin: 2, errorCorrectionLevel: 'M' });
    }
  }

  private showProblem(message: string): void {
    this.problem.textContent = message;
    this.problem.hidden = false;
    this.panel.hidden = false;
  }
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA');
}
