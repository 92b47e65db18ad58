import './speaker.css';
import type { DeckApi } from '../../shared/api';
import type { Deck } from '../../shared/deck/model';
import {
  presenterStateFromHash,
  samePresenterState,
  type AudienceScreen,
  type PresenterState,
} from '../../shared/present/presenter-state';
import { rehearsedPerSegmentMs, type Rehearsal } from '../../shared/present/rehearsal';
import { RehearsalRecorder } from '../../shared/present/rehearsal-recorder';
import { plannedDurationsMs, formatDuration } from '../../shared/present/talk-clock';
import { SpeakerTimer } from './speaker-timer';
import { applyDeckStylesheets } from '../deck-view/stylesheets';
import { renderSchedule } from './schedule-panel';
import { buildSpeakerLayout, type SpeakerLayout } from './speaker-layout';
import { NotesFontSize } from './notes-font-size';
import { SlidePreview } from './slide-preview';
import { messageOf } from '../../shared/errors';
import { DrawingSession } from '../present/drawing/drawing-session';
import { buildDrawingToolbar } from './drawing-toolbar';
import { TalkCountdown } from './talk-countdown';
import type { RemoteApi } from '../../shared/remote-api';
import { RemotePanel } from './remote-panel';
import { askToConfirm } from '../editor/ask-dialog';
import { SPEAKER_KEY_LINES, speakerActionOf } from './speaker-keys';
import { KeyHelpPanel } from './key-help-panel';
import { DRAWING_KEY_LINES } from '../present/drawing/drawing-session';
import { REMOTE_KEY_LINE } from './remote-panel';
import { obeyRemoteStepsAt, withRemoteLaser } from '../present/remote-steps';

/** The speaker view's focusable text, which long notes or many segments make scroll. */
const SCROLLED_BY_ARROWS = '.speaker-notes-text, .speaker-schedule';

/** Often enough for a seconds display that never looks stuck; the clock itself reads real time. */
const REFRESH_INTERVAL_MS = 250;

/**
 * The presenter's own screen: the slide showing now and the next step, the notes, the timer and
 * the schedule. It moves with the presentation and moves it: its keys and buttons step through
 * the deck exactly as the presentation's would.
 */
export class SpeakerView {
  private readonly layout: SpeakerLayout;
  private readonly current: SlidePreview;
  private readonly next: SlidePreview;
  private readonly notesFontSize: NotesFontSize;
  /** Drawings and the laser over the current slide, in step with the audience screen. */
  private readonly drawing: DrawingSession;
  private readonly countdown: TalkCountdown;
  /** The phone remote's button and panel; serve mode only. */
  private readonly remotePanel: RemotePanel | null = null;
  /** `?`: every key of the view, one line each. */
  private readonly keyHelp: KeyHelpPanel;
  private deck: Deck | null = null;
  private readonly timer: SpeakerTimer;
  private planned: (number | null)[] = [];
  private rehearsal: Rehearsal | null = null;
  private rehearsed: (number | null)[] = [];
  /** Set while a rehearsal run is being recorded. */
  private recorder: RehearsalRecorder | null = null;
  private state: PresenterState = { h: 0, v: 0, f: -1 };
  /** Aborted by destroy: every listener of the view is added with its signal. */
  private readonly lifetime = new AbortController();
  private refreshTimer: ReturnType<typeof setInterval> | undefined;
  private readonly unsubscribes: (() => void)[] = [];

  constructor(
    private readonly api: DeckApi,
    private readonly now: () => number = () => performance.now(),
    private readonly remote: RemoteApi | null = null,
  ) {
    this.layout = buildSpeakerLayout();
    this.current = new SlidePreview(this.layout.currentSlide);
    this.next = new SlidePreview(this.layout.nextSlide);
    this.notesFontSize = new NotesFontSize(this.layout.notes, localStorage);
    // The phone's laser shows on the NOW slide too, as on the presentation.
    this.drawing = new DrawingSession(remote ? withRemoteLaser(api, remote) : api, { drives: true });
    this.timer = new SpeakerTimer(this.layout, now);
    // Over the segments, when time is up: the notes, to wrap up with, stay in sight.
    this.countdown = new TalkCountdown(this.layout.root, this.layout.mainColumn);
    this.layout.elapsed.after(this.countdown.display);
    this.layout.nowBadges.append(this.countdown.segmentBadge);
    if (remote) {
      this.remotePanel = new RemotePanel(remote, this.lifetime.signal, now);
      this.layout.wallClock.before(this.remotePanel.button);
      this.layout.root.append(this.remotePanel.panel);
      void this.remotePanel.start();
    }
    this.keyHelp = new KeyHelpPanel([
      {
        title: 'Presenting',
        lines: [...SPEAKER_KEY_LINES, { keys: 'ESC', action: remote ? "Close this help, or the phone remote's panel" : 'Close this help' }],
      },
      { title: remote ? 'Drawing and the phone remote' : 'Drawing', lines: [...DRAWING_KEY_LINES, ...(remote ? [REMOTE_KEY_LINE] : [])] },
    ]);
    this.layout.root.append(this.keyHelp.element);
  }

  async start(root: HTMLElement): Promise<void> {
    root.replaceWith(this.layout.root);
    document.body.classList.add('podium-speaker-page');
    const deck = await this.api.loadDeck();
    this.deck = deck;
    document.title = `Speaker view · ${deck.title}`;
    this.planned = plannedDurationsMs(deck);
    this.countdown.setDeck(deck);
    this.setSlideShape(deck);
    this.timer.reset(deck.segments.length);
    // Without its last rehearsal the view still presents: the column just shows none.
    this.setRehearsal(await this.api.loadRehearsal().catch(() => null));
    await applyDeckStylesheets(deck.settings, document);
    await Promise.all([this.current.show(deck), this.next.show(deck)]);
    const currentSlides = this.layout.currentSlide.querySelector<HTMLElement>('.slides');
    if (currentSlides) this.drawing.attach(currentSlides, deck.settings, { laserWhileHeld: true });
    (this.layout.currentSlide.parentElement ?? this.layout.currentSlide).after(buildDrawingToolbar(this.drawing, this.lifetime.signal));
    this.state = presenterStateFromHash(location.hash) ?? this.state;
    this.wireControls();
    if (this.lifetime.signal.aborted) return;
    this.unsubscribes.push(
      this.api.onDeckChanged((changed) => void this.updateDeck(changed)),
      this.api.onPresenterState((state) => this.moveTo(state, { announce: false })),
    );
    // The phone moves the talk from here too, with no presentation open (one screen, rehearsing).
    if (this.remote) this.unsubscribes.push(obeyRemoteStepsAt(this.remote, () => this.state, (direction) => this.step(direction)));
    this.moveTo(this.state, { announce: false, force: true });
    this.refreshTimer = setInterval(() => this.refreshClocks(), REFRESH_INTERVAL_MS);
  }

  /** Stops listening to the host, the keys and the clock: nothing of the view runs after this. */
  destroy(): void {
    this.lifetime.abort();
    clearInterval(this.refreshTimer);
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
    this.drawing.destroy();
  }

  private wireControls(): void {
    const { layout } = this;
    const options = { signal: this.lifetime.signal };
    layout.pauseButton.addEventListener('click', () => {
      this.timer.toggle(this.currentSegment());
      this.refreshClocks();
    }, options);
    layout.resetButton.addEventListener('click', () => {
      this.timer.zero(this.currentSegment());
      this.refreshClocks();
    }, options);
    layout.rehearseButton.addEventListener('click', () => void this.toggleRehearsal(), options);
    layout.previousButton.addEventListener('click', () => this.step('previous'), options);
    layout.nextButton.addEventListener('click', () => this.step('next'), options);
    layout.blackButton.addEventListener('click', () => this.toggleScreen('black'), options);
    layout.whiteboardButton.addEventListener('click', () => this.toggleScreen('white'), options);
    layout.smallerNotesButton.addEventListener('click', () => this.notesFontSize.smaller(), options);
    layout.largerNotesButton.addEventListener('click', () => this.notesFontSize.larger(), options);
    document.addEventListener('keydown', (event) => {
      // A question asked (a modal dialog) takes the keys: Enter and arrows are its own.
      if (event.altKey || event.ctrlKey || event.metaKey || document.querySelector('dialog[open]')) return;
      // Space and Enter press the button that has focus, as everywhere else; not "next".
      if ((event.key === ' ' || event.key === 'Enter') && event.target instanceof HTMLButtonElement) return;
      // ↑ and ↓ scroll the notes or the schedule that has focus; →, ←, PageDown, PageUp and a
      // clicker still move the talk from there.
      if ((event.key === 'ArrowUp' || event.key === 'ArrowDown') && event.target instanceof HTMLElement && event.target.matches(SCROLLED_BY_ARROWS)) return;
      if (this.drawing.handleKey(event.key)) {
        event.preventDefault();
        return;
      }
      if (event.key === 'Escape' && this.keyHelp.isOpen) {
        event.preventDefault();
        this.keyHelp.close();
        return;
      }
      const action = speakerActionOf(event);
      if (!action) return;
      event.preventDefault();
      if (action === 'help') this.keyHelp.toggle();
      else if (action === 'next' || action === 'previous') this.step(action);
      else if (action === 'black' || action === 'white') this.toggleScreen(action);
      else if (action === 'larger') this.notesFontSize.larger();
      else this.notesFontSize.smaller();
    }, options);
  }

  /** Black or whiteboard on the audience screen, or back to the slide when it is already showing. */
  private toggleScreen(screen: AudienceScreen): void {
    const { screen: shown, ...place } = this.state;
    this.moveTo(shown === screen ? place : { ...place, screen }, { announce: true });
  }

  private step(direction: 'next' | 'previous'): void {
    const reached = this.next.step(this.state, direction);
    if (reached) this.moveTo(reached, { announce: true });
    else this.showNextStep();
  }

  private moveTo(state: PresenterState, options: { announce: boolean; force?: boolean }): void {
    const deck = this.deck;
    if (!deck || (!options.force && samePresenterState(state, this.state))) return;
    // The talk starts with its first move past the title slide; the time before it is setting up,
    // a black screen or the whiteboard shown meanwhile too (they change what is seen, not where the talk is).
    const moved = state.h !== this.state.h || state.v !== this.state.v || state.f !== this.state.f;
    if (!options.force && !this.timer.started && moved && (state.h !== 0 || state.v !== 0)) this.timer.start(this.currentSegment());
    this.state = state;
    if (options.announce) this.api.sendPresenterState(state);
    this.current.goTo(state);
    this.drawing.show(state);
    this.showNextStep();

    const slide = deck.slides.find((candidate) => candidate.h === state.h && candidate.v === state.v);
    this.layout.notes.textContent = slide?.notes || 'No notes for this slide.';
    this.layout.notes.classList.toggle('empty', !slide?.notes);
    this.layout.notes.scrollTop = 0;
    const index = slide ? deck.slides.indexOf(slide) : -1;
    this.layout.position.textContent = `${index + 1} / ${deck.slides.length}`;
    this.layout.root.dataset.h = String(state.h);
    this.layout.root.dataset.v = String(state.v);
    this.layout.root.dataset.f = String(state.f);
    this.showScreen(state.screen);
    this.timer.enterSegment(slide?.segment ?? 0);
    this.recorder?.moveTo(state, this.now());
    this.refreshClocks();
  }

  private showScreen(screen: AudienceScreen | undefined): void {
    const { screenBadge, blackButton, whiteboardButton, root } = this.layout;
    root.dataset.screen = screen ?? 'slide';
    screenBadge.hidden = screen === undefined;
    screenBadge.textContent = screen === 'black' ? 'The audience sees a black screen' : screen === 'white' ? 'The audience sees the whiteboard' : '';
    blackButton.setAttribute('aria-pressed', String(screen === 'black'));
    whiteboardButton.setAttribute('aria-pressed', String(screen === 'white'));
  }

  /** The next preview shows where "next" leads: the next fragment of this slide, else the next slide. */
  private showNextStep(): void {
    const reached = this.next.step(this.state, 'next');
    const label = this.layout.nextLabel;
    this.layout.nextSlide.classList.toggle('at-end', reached === null);
    if (reached === null) label.textContent = 'End of the deck';
    else if (reached.h === this.state.h && reached.v === this.state.v) label.textContent = 'Next: fragment';
    else label.textContent = 'Next slide';
  }

  private async updateDeck(deck: Deck): Promise<void> {
    await applyDeckStylesheets(deck.settings, document);
    this.deck = deck;
    this.planned = plannedDurationsMs(deck);
    this.countdown.setDeck(deck);
    this.setSlideShape(deck);
    this.rehearsed = rehearsedPerSegmentMs(deck, this.rehearsal);
    this.timer.resize(deck.segments.length);
    this.current.update(deck);
    this.next.update(deck);
    this.moveTo(this.state, { announce: false, force: true });
  }

  /** The previews' frames are as tall as their column's width makes a slide of the deck (speaker.css). */
  private setSlideShape(deck: Deck): void {
    this.layout.root.style.setProperty('--podium-deck-aspect', String(deck.settings.width / deck.settings.height));
  }

  /** Starts recording a rehearsal run; the second press stops it and saves it beside the deck. */
  private async toggleRehearsal(): Promise<void> {
    const button = this.layout.rehearseButton;
    if (this.recorder === null) {
      if (!(await this.confirmRehearsal())) return;
      // A rehearsal is a run of the talk from 0:00, timed from where the presenter is.
      this.timer.restart(this.currentSegment());
      this.recorder = new RehearsalRecorder(this.state, this.now());
      button.textContent = 'Stop rehearsal';
      this.layout.root.classList.add('rehearsing');
      return;
    }
    const rehearsal = this.recorder.finish(this.now(), Date.now());
    this.recorder = null;
    this.layout.root.classList.remove('rehearsing');
    button.disabled = true;
    button.textContent = 'Saving…';
    try {
      await this.api.saveRehearsal(rehearsal);
      button.title = 'Record the time spent on each slide, saved beside the deck';
      button.textContent = 'Rehearse';
    } catch (error) {
      button.title = `The rehearsal was not saved: ${messageOf(error)}`;
      button.textContent = 'Rehearse (last not saved)';
    }
    button.disabled = false;
    // Shown either way: the run just recorded is what the presenter wants to compare against.
    this.setRehearsal(rehearsal);
    this.refreshClocks();
  }

  /** Asks before a rehearsal resets what the presenter would lose: the timer's run, the last rehearsal. */
  private async confirmRehearsal(): Promise<boolean> {
    const elapsed = this.timer.elapsedMs();
    const losses = [
      elapsed > 0 && `the timer goes back to 0:00 from ${formatDuration(elapsed)}, with the time spent per segment`,
      this.rehearsal !== null && `stopping it replaces the rehearsal recorded ${new Date(this.rehearsal.recordedAt).toLocaleString()}`,
    ].filter((loss): loss is string => typeof loss === 'string');
    if (losses.length === 0) return true;
    return askToConfirm(`Start a rehearsal? ${losses.join('; ').replace(/^./, (first) => first.toUpperCase())}.`, 'Start rehearsal');
  }

  private setRehearsal(rehearsal: Rehearsal | null): void {
    this.rehearsal = rehearsal;
    this.rehearsed = this.deck ? rehearsedPerSegmentMs(this.deck, rehearsal) : [];
  }

  private currentSegment(): number {
    const slide = this.deck?.slides.find((candidate) => candidate.h === this.state.h && candidate.v === this.state.v);
    return slide?.segment ?? 0;
  }

  private refreshClocks(): void {
    const deck = this.deck;
    if (!deck) return;
    const elapsedMs = this.timer.elapsedMs();
    this.layout.elapsed.textContent = formatDuration(elapsedMs);
    this.layout.wallClock.textContent = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    const current = this.currentSegment();
    const spent = this.timer.spentMs();
    renderSchedule(this.layout.schedule, deck, this.planned, this.rehearsed, spent, current, this.timer.verdict(this.planned, current));
    this.countdown.update(deck, elapsedMs, this.planned, spent, current);
    this.remotePanel?.reportClock({ elapsedMs, running: this.timer.running, lengthMs: this.countdown.lengthMs });
  }
}
