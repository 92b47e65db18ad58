import './remote.css';
import { HTTP_ROUTES } from '../../shared/api';
import { countdownLevel } from '../../shared/present/countdown';
import { slidePageKey, WHITEBOARD_PAGE, type DrawingMessage, type LaserPoint } from '../../shared/present/drawing';
import type { RemoteDirection, RemoteView } from '../../shared/present/remote';
import { formatDuration } from '../../shared/present/talk-clock';
import { h } from '../dom';
import { RemoteConnection, type ConnectionState } from './remote-connection';

/** A swipe is a mostly sideways move of at least this many CSS pixels. */
const SWIPE_PX = 60;
/** The laser is sent at most this often (30 a second): smooth on the projector, far below the server's limit. */
const LASER_INTERVAL_MS = 33;
const NO_PRESENTATION = 'Open the presentation on the laptop: the remote moves its slides.';
const relative = (route: string): string => route.replace(/^\//, '');

const CONNECTION_TEXT: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'No connection to the laptop: reconnecting…',
  revoked: 'This remote was turned off on the laptop: scan its new QR code to use it again',
};

/**
 * The phone's page: big Previous and Next buttons (and a swipe across the page), the current
 * slide's notes, the speaker view's timer and the next slide's title, and a laser pad: a finger on
 * it points the laser on the projector.
 */
class RemotePage {
  private view: RemoteView | null = null;
  private viewAt = 0;
  private readonly connectionLine = h('p', { className: 'remote-connection', attrs: { role: 'status' } });
  private readonly elapsed = h('span', { className: 'remote-elapsed' }, '—');
  private readonly left = h('span', { className: 'remote-left' });
  private readonly position = h('span', { className: 'remote-position' });
  private readonly title = h('h1', { className: 'remote-title' });
  // Focusable: long notes scroll, from a keyboard too (a phone's, or a laptop's in a browser).
  private readonly notes = h('div', { className: 'remote-notes', attrs: { tabindex: '0', role: 'region', 'aria-label': 'Speaker notes' } });
  private readonly next = h('p', { className: 'remote-next' });
  private readonly feedback = h('p', { className: 'remote-feedback', attrs: { role: 'alert' } });
  private readonly previousButton = h('button', { type: 'button', className: 'remote-previous', attrs: { 'aria-label': 'Previous' } }, arrow('◀'), h('span', {}, 'Previous'));
  private readonly nextButton = h('button', { type: 'button', className: 'remote-next-button', attrs: { 'aria-label': 'Next' } }, h('span', {}, 'Next'), arrow('▶'));
  private readonly laserButton = h('button', { type: 'button', className: 'remote-laser-button', attrs: { 'aria-pressed': 'false' } }, 'Laser');
  private readonly laserPad = h('div', { className: 'remote-laser-pad', attrs: { 'aria-label': 'Laser pad: point on the slide' } });
  /** The room the pad has: the pad is the largest box of the slide's shape that fits in it (remote.css). */
  private readonly laserArea = h('div', { className: 'remote-laser-area', hidden: true }, this.laserPad);
  private readonly connection = new RemoteConnection(
    (view) => this.show(view),
    (state) => this.showConnection(state),
  );
  private lastLaserAt = 0;
  private laserTimer: ReturnType<typeof setTimeout> | undefined;

  start(): void {
    const main = h('main', { className: 'remote-main' }, this.position, this.title, this.notes, this.next, this.laserArea);
    document.body.append(
      h('header', { className: 'remote-bar' }, this.elapsed, this.left, this.laserButton),
      this.connectionLine,
      main,
      this.feedback,
      h('footer', { className: 'remote-buttons' }, this.previousButton, this.nextButton),
    );
    this.previousButton.addEventListener('click', () => void this.step('previous'));
    this.nextButton.addEventListener('click', () => void this.step('next'));
    this.laserButton.addEventListener('click', () => this.toggleLaser());
    this.watchSwipes(main);
    this.watchLaserPad();
    setInterval(() => this.showClock(), 500);
    this.connection.start();
  }

  private show(view: RemoteView): void {
    this.view = view;
    this.viewAt = performance.now();
    this.position.textContent = view.position ? `${view.position.slide} / ${view.position.slides}` : '';
    this.title.textContent = view.title ?? (view.state ? 'Untitled slide' : 'Waiting for the presentation…');
    this.notes.textContent = view.notes ?? 'No notes for this slide.';
    this.notes.classList.toggle('empty', !view.notes);
    this.next.textContent = view.hasNext ? `Next: ${view.nextTitle ?? 'untitled slide'}` : 'Last slide';
    if (!view.presenting) this.say(NO_PRESENTATION);
    else if (this.feedback.textContent === NO_PRESENTATION) this.say('');
    this.laserPad.style.aspectRatio = `${view.slideSize.width} / ${view.slideSize.height}`;
    this.laserArea.style.setProperty('--podium-slide-aspect', String(view.slideSize.width / view.slideSize.height));
    document.body.dataset.slide = view.state ? `${view.state.h}/${view.state.v}/${view.state.f}` : '';
    document.body.dataset.presenting = String(view.presenting);
    this.showClock();
  }

  private showClock(): void {
    const clock = this.view?.clock ?? null;
    if (!clock) {
      this.elapsed.textContent = '—';
      this.elapsed.title = 'Open the speaker view on the laptop for the timer';
      this.left.textContent = '';
      delete this.left.dataset.level;
      return;
    }
    const elapsedMs = clock.elapsedMs + (clock.running ? performance.now() - this.viewAt : 0);
    this.elapsed.textContent = formatDuration(elapsedMs);
    this.elapsed.title = clock.running ? 'Elapsed' : 'Elapsed (paused)';
    this.elapsed.classList.toggle('paused', !clock.running);
    if (clock.lengthMs === null) {
      this.left.textContent = '';
      delete this.left.dataset.level;
      return;
    }
    const leftMs = clock.lengthMs - elapsedMs;
    const level = countdownLevel(leftMs);
    this.left.dataset.level = level;
    this.left.textContent = level === 'over' ? `Time's up +${formatDuration(-leftMs)}` : `${formatDuration(Math.ceil(leftMs / 1000) * 1000)} left`;
  }

  private showConnection(state: ConnectionState): void {
    document.body.dataset.connection = state;
    this.connectionLine.textContent = CONNECTION_TEXT[state];
    const usable = state !== 'revoked';
    this.previousButton.disabled = !usable;
    this.nextButton.disabled = !usable;
  }

  private async step(direction: RemoteDirection): Promise<void> {
    const button = direction === 'next' ? this.nextButton : this.previousButton;
    button.classList.add('pressed');
    setTimeout(() => button.classList.remove('pressed'), 150);
    navigator.vibrate?.(15);
    try {
      const response = await this.post(HTTP_ROUTES.remoteStep, { direction });
      if (response.ok) this.say('');
      else if (response.status === 403) this.connection.revoke();
      else if (response.status === 409) this.say(NO_PRESENTATION);
      else if (response.status === 429) this.say('Too many presses at once: wait a moment.');
      else this.say(`The laptop refused the press (${response.status}).`);
    } catch {
      this.say('Not sent: no connection to the laptop.');
    }
  }

  private say(message: string): void {
    this.feedback.textContent = message;
  }

  private post(route: string, body: unknown): Promise<Response> {
    return fetch(relative(route), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  }

  /** A swipe left goes on, right goes back, as on a phone's photo viewer; the laser pad is left alone. */
  private watchSwipes(area: HTMLElement): void {
    let start: { x: number; y: number } | null = null;
    area.addEventListener('pointerdown', (event) => {
      start = this.laserPad.contains(event.target as Node) ? null : { x: event.clientX, y: event.clientY };
    });
    area.addEventListener('pointerup', (event) => {
      if (!start) return;
      const dx = event.clientX - start.x;
      const dy = event.clientY - start.y;
      start = null;
      if (Math.abs(dx) >= SWIPE_PX && Math.abs(dx) > 2 * Math.abs(dy)) void this.step(dx < 0 ? 'next' : 'previous');
    });
    area.addEventListener('pointercancel', () => (start = null));
  }

  private toggleLaser(): void {
    const on = this.laserArea.hidden;
    this.laserArea.hidden = !on;
    this.laserButton.setAttribute('aria-pressed', String(on));
    this.notes.hidden = on;
    if (!on) this.sendLaser(null, true);
  }

  private watchLaserPad(): void {
    const pad = this.laserPad;
    const point = (event: PointerEvent): LaserPoint => {
      const box = pad.getBoundingClientRect();
      const size = this.view?.slideSize ?? { width: 1920, height: 1080 };
      const x = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width)) * size.width;
      const y = Math.min(1, Math.max(0, (event.clientY - box.top) / box.height)) * size.height;
      return { x: Math.round(x), y: Math.round(y) };
    };
    pad.addEventListener('pointerdown', (event) => {
      pad.setPointerCapture(event.pointerId);
      this.sendLaser(point(event), true);
    });
    pad.addEventListener('pointermove', (event) => {
      if (pad.hasPointerCapture(event.pointerId)) this.sendLaser(point(event), false);
    });
    for (const type of ['pointerup', 'pointercancel'] as const) pad.addEventListener(type, () => this.sendLaser(null, true));
  }

  private sendLaser(laser: LaserPoint, always: boolean): void {
    const state = this.view?.state;
    if (!state) return;
    const now = performance.now();
    clearTimeout(this.laserTimer);
    const wait = LASER_INTERVAL_MS - (now - this.lastLaserAt);
    // A point held back is sent once its turn comes, so the dot stops where the finger did.
    if (!always && wait > 0) {
      this.laserTimer = setTimeout(() => this.sendLaser(laser, true), wait);
      return;
    }
    this.lastLaserAt = now;
    const page = state.screen === 'white' ? WHITEBOARD_PAGE : slidePageKey(state.h, state.v);
    this.post(HTTP_ROUTES.drawing, { kind: 'laser', page, point: laser } satisfies DrawingMessage).catch(() => undefined);
  }
}

/** A button's arrow: seen, not read (the button's name says where it goes). */
function arrow(glyph: string): HTMLElement {
  return h('span', { className: 'remote-arrow', attrs: { 'aria-hidden': 'true' } }, glyph);
}

new RemotePage().start();
