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
import { plannedDurationsMs, TalkClock, formatDuration } from '../../shared/present/talk-clock';
import { applyDeckStylesheets } from '../deck-view/stylesheets';
import { renderSchedule } from './schedule-panel';
import { buildSpeakerLayout, type SpeakerLayout } from './speaker-layout';
import { NotesFontSize } from './notes-font-size';
import { SlidePreview } from './slide-preview';
import { messageOf } from '../../shared/errors';
import { DrawingSession } from '../present/drawing/drawing-session';
import { buildDrawingToolbar } from './drawing-toolbar';

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
  private deck: Deck | null = null;
  private clock = new TalkClock(0);
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
  ) {
    this.layout = buildSpeakerLayout();
    this.current = new SlidePreview(this.layout.currentSlide);
    this.next = new SlidePreview(this.layout.nextSlide);
    this.notesFontSize = new NotesFontSize(this.layout.notes, localStorage);
    this.drawing = new DrawingSession(api, { drives: true });
  }

  async start(root: HTMLElement): Promise<void> {
    root.replaceWith(this.layout.root);
    document.body.classList.add('podium-speaker-page');
    const deck = await this.api.loadDeck();
    this.deck = deck;
    document.title = `Speaker view · ${deck.title}`;
    this.planned = plannedDurationsMs(deck);
    this.clock = new TalkClock(deck.segments.length);
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
    this.clock.start(this.now());
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
    layout.pauseButton.addEventListener('click', () => this.togglePause(), options);
    layout.resetButton.addEventListener('click', () => {
      this.clock.reset(this.now());
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
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (this.drawing.handleKey(event.key)) {
        event.preventDefault();
        return;
      }
      const action = SPEAKER_KEYS[event.key === ' ' && event.shiftKey ? 'Shift+ ' : event.key];
      if (!action) return;
      event.preventDefault();
      if (action === 'next' || action === 'previous') this.step(action);
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
    this.clock.enterSegment(slide?.segment ?? 0, this.now());
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
    this.rehearsed = rehearsedPerSegmentMs(deck, this.rehearsal);
    this.clock.resize(deck.segments.length, this.now());
    this.current.update(deck);
    this.next.update(deck);
    this.moveTo(this.state, { announce: false, force: true });
  }

  /** Starts recording a rehearsal run; the second press stops it and saves it beside the deck. */
  private async toggleRehearsal(): Promise<void> {
    const button = this.layout.rehearseButton;
    if (this.recorder === null) {
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

  private setRehearsal(rehearsal: Rehearsal | null): void {
    this.rehearsal = rehearsal;
    this.rehearsed = this.deck ? rehearsedPerSegmentMs(this.deck, rehearsal) : [];
  }

  private togglePause(): void {
    if (this.clock.isRunning) this.clock.pause(this.now());
    else this.clock.start(this.now());
    this.layout.pauseButton.textContent = this.clock.isRunning ? 'Pause' : 'Resume';
    this.layout.root.classList.toggle('timer-paused', !this.clock.isRunning);
    this.refreshClocks();
  }

  private refreshClocks(): void {
    const deck = this.deck;
    if (!deck) return;
    const now = this.now();
    this.layout.elapsed.textContent = formatDuration(this.clock.elapsedMs(now));
    this.layout.wallClock.textContent = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    const slide = deck.slides.find((candidate) => candidate.h === this.state.h && candidate.v === this.state.v);
    renderSchedule(this.layout.schedule, deck, this.planned, this.rehearsed, this.clock.spentMs(now), slide?.segment ?? 0);
  }
}

type SpeakerAction = 'next' | 'previous' | 'larger' | 'smaller' | 'black' | 'white';

/**
 * The presentation's navigation keys, clickers' PageUp/PageDown included, B/. and W for what the
 * audience sees, and +/− for the notes.
 */
const SPEAKER_KEYS: Record<string, SpeakerAction> = {
  ArrowRight: 'next',
  ArrowDown: 'next',
  ' ': 'next',
  PageDown: 'next',
  n: 'next',
  ArrowLeft: 'previous',
  ArrowUp: 'previous',
  'Shift+ ': 'previous',
  PageUp: 'previous',
  p: 'previous',
  '+': 'larger',
  '=': 'larger',
  '-': 'smaller',
  b: 'black',
  '.': 'black',
  w: 'white',
};
