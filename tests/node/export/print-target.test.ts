import { describe, expect, it } from 'vitest';
import { DEFAULT_PRINT_LAYOUT } from '../../../src/shared/export/export-options';
import { layOutPrintPage, type PrintTarget } from '../../../src/node/export/print-target';
import { PAGE_MAP_SCRIPT } from '../../../src/node/export/page-map';

/** A target that records what it was asked, in order, and answers as a laid-out page of two slides. */
function recordingTarget(): { target: PrintTarget; calls: string[] } {
  const calls: string[] = [];
  const target: PrintTarget = {
    open: async (url, viewport) => void calls.push(`open ${url} ${viewport.width}x${viewport.height}`),
    waitUntilReady: async () => void calls.push('ready'),
    evaluate: async <T>(script: string) => {
      calls.push(script === PAGE_MAP_SCRIPT ? 'page map' : script);
      return JSON.stringify([['1.md:1'], ['1.md:5']]) as T;
    },
    pdf: async () => new Uint8Array(),
    screenshot: async () => new Uint8Array(),
  };
  return { target, calls };
}

describe('layOutPrintPage', () => {
  it("opens the print page at the layout's viewport, waits until it is ready, then reads its page map", async () => {
    const { target, calls } = recordingTarget();
    const layout = { ...DEFAULT_PRINT_LAYOUT, fragments: true };
    const laidOut = await layOutPrintPage(target, 'app://podium/index.html?', layout, 'pdf', { width: 1280, height: 720 });
    expect(calls).toEqual(['open app://podium/index.html?for=pdf&view=print&fragments=1 1280x720', 'ready', 'page map']);
    expect(laidOut).toEqual({ pageMap: '[["1.md:1"],["1.md:5"]]', pages: 2, viewport: { width: 1280, height: 720 } });
  });

  describe('for a handout', () => {
    it("opens the page at the paper's size", async () => {
      const { target, calls } = recordingTarget();
      const layout = { ...DEFAULT_PRINT_LAYOUT, notes: 'handout' as const, paper: 'letter' as const };
      await layOutPrintPage(target, 'http://127.0.0.1:1/?', layout, 'pdf', { width: 1280, height: 720 });
      expect(calls[0]).toBe('open http://127.0.0.1:1/?for=pdf&view=handout&perPage=3&paper=letter 816x1056');
    });
  });
});
