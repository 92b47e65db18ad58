// @vitest-environment happy-dom
import type { RevealApi } from 'reveal.js';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DeckApi } from '../../../src/shared/api';
import type { PresenterState } from '../../../src/shared/present/presenter-state';
import type { DrawingMessage } from '../../../src/shared/present/drawing';
import { startFollowMode, startPresentMode } from '../../../src/renderer/present/present-mode';

/** The part of reveal.js the modes use: its element, events, position, pause and key bindings. */
class FakeReveal {
  readonly listeners = new Map<string, Set<() => void>>();
  readonly keyBindings = new Map<number, () => void>();
  readonly element = document.body.appendChild(document.createElement('div'));
  readonly slides = this.element.appendChild(document.createElement('div'));
  indices = { h: 0, v: 0, f: undefined as number | undefined };
  paused = false;
  configure(): void {}
  getConfig() {
    return { width: 1920, height: 1080 };
  }
  getSlidesElement(): HTMLElement {
    return this.slides;
  }
  getRevealElement(): HTMLElement {
    return this.element;
  }
  isPaused(): boolean {
    return this.paused;
  }
  togglePause(paused: boolean): void {
    this.paused = paused;
    this.emit(paused ? 'paused' : 'resumed');
  }
  registerKeyboardShortcut(): void {}
  addKeyBinding(binding: { keyCode: number } | number, run: () => void): void {
    this.keyBindings.set(typeof binding === 'number' ? binding : binding.keyCode, run);
  }
  removeKeyBinding(keyCode: number): void {
    this.keyBindings.delete(keyCode);
  }
  on(event: string, listener: () => void): void {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(listener);
  }
  off(event: string, listener: () => void): void {
    this.listeners.get(event)?.delete(listener);
  }
  getIndices() {
    return this.indices;
  }
  slide(h: number, v: number, f?: number): void {
    this.indices = { h, v, f };
    this.emit('slidechanged');
  }
  emit(event: string): void {
    for (const listener of this.listeners.get(event) ?? []) listener();
  }
  listenerCount(): number {
    return [...this.listeners.values()].reduce((sum, set) => sum + set.size, 0);
  }
}

function fakeHost() {
  const stateListeners = new Set<(state: PresenterState) => void>();
  const sent: PresenterState[] = [];
  const drawn: DrawingMessage[] = [];
  const drawingListeners = new Set<(message: DrawingMessage) => void>();
  const api = {
    sendPresenterState: (state: PresenterState) => void sent.push(state),
    onPresenterState: (listener: (state: PresenterState) => void) => (stateListeners.add(listener), () => stateListeners.delete(listener)),
    openSpeakerView: () => undefined,
    sendDrawing: (message: DrawingMessage) => void drawn.push(message),
    onDrawing: (listener: (message: DrawingMessage) => void) => (drawingListeners.add(listener), () => drawingListeners.delete(listener)),
    saveDrawings: async () => undefined,
  } as Pick<DeckApi, 'sendPresenterState' | 'onPresenterState' | 'openSpeakerView' | 'sendDrawing' | 'onDrawing' | 'saveDrawings'> as DeckApi;
  return { api, stateListeners, sent, drawn, drawingListeners };
}

describe('present mode', () => {
  let reveal: FakeReveal;
  let host: ReturnType<typeof fakeHost>;
  beforeEach(() => {
    reveal = new FakeReveal();
    host = fakeHost();
  });

  it('announces its moves while started, and neither moves nor announces once stopped', () => {
    const stop = startPresentMode(reveal as unknown as RevealApi, host.api);
    reveal.slide(1, 0);
    expect(host.sent.at(-1)).toMatchObject({ h: 1, v: 0 });
    // S and W; D, M, A, E, Z, C, L and 1–6 for drawing; ? and F1 for the help that lists them.
    expect([...reveal.keyBindings.keys()].sort((a, b) => a - b)).toEqual([49, 50, 51, 52, 53, 54, 65, 67, 68, 69, 76, 77, 83, 87, 90, 112, 191]);
    expect(reveal.slides.querySelector('svg.podium-drawing')).not.toBeNull();
    reveal.keyBindings.get(67)!(); // C
    expect(host.drawn.at(-1)).toEqual({ kind: 'clear', page: '1/0' });
    reveal.keyBindings.get(87)!();
    expect(host.sent.at(-1)).toMatchObject({ h: 1, v: 0, screen: 'white' });
    expect(reveal.element.querySelector('.podium-whiteboard')).not.toBeNull();

    stop();
    const announced = host.sent.length;
    reveal.slide(2, 0);
    expect(host.sent).toHaveLength(announced);
    expect(host.stateListeners.size).toBe(0);
    expect(reveal.listenerCount()).toBe(0);
    expect(reveal.keyBindings.size).toBe(0);
    expect(reveal.element.querySelector('.podium-whiteboard')).toBeNull();
    expect(reveal.slides.querySelector('svg.podium-drawing')).toBeNull();
    expect(host.drawingListeners.size).toBe(0);
  });
});

describe('follow mode', () => {
  it('moves with the presenter while started, and no longer once stopped', () => {
    const reveal = new FakeReveal();
    const host = fakeHost();
    const stop = startFollowMode(reveal as unknown as RevealApi, host.api);
    for (const listener of host.stateListeners) listener({ h: 3, v: 0, f: -1 });
    expect(reveal.indices.h).toBe(3);
    expect(host.sent).toHaveLength(0);
    // It shows the presenter's drawings of its slide, and has no drawing keys of its own.
    const stroke = { id: 'p-1', tool: 'pen' as const, color: '#e8132b', f: -1, points: [[1, 2, 0.5]] as [number, number, number][] };
    for (const listener of host.drawingListeners) listener({ kind: 'stroke', page: '3/0', stroke });
    expect(reveal.slides.querySelectorAll('svg.podium-drawing path[data-stroke]')).toHaveLength(1);
    expect(reveal.keyBindings.size).toBe(0);

    stop();
    expect(host.stateListeners.size).toBe(0);
    expect(reveal.listenerCount()).toBe(0);
    expect(reveal.element.querySelector('.podium-whiteboard')).toBeNull();
  });
});
