import { describe, expect, it } from 'vitest';
import { terminalProgress } from '../../src/cli/commands/export-progress';

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const stream = { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe('terminalProgress', () => {
  describe('on a terminal', () => {
    it('rewrites one line per step, naming the step and the page count, and clears it at the end', () => {
      const { stream, written } = fakeStream(true);
      const progress = terminalProgress(stream);
      progress.update({ phase: 'rendering', slides: 300 });
      progress.update({ phase: 'printing', slides: 300, pages: 320 });
      progress.done();
      progress.done();
      expect(written).toHaveLength(3);
      expect(written[0]).toMatch(/^\r\x1b\[2Kpodium: laying out 300 slides… \d+\.\d s$/);
      expect(written[1]).toMatch(/^\r\x1b\[2Kpodium: printing 300 slides \(320 pages\)… /);
      expect(written[2]).toBe('\r\x1b[2K');
    });
  });

  describe('when stderr is a pipe or a file', () => {
    it('writes nothing', () => {
      const { stream, written } = fakeStream(false);
      const progress = terminalProgress(stream);
      progress.update({ phase: 'printing', slides: 3 });
      progress.done();
      expect(written).toEqual([]);
    });
  });
});
