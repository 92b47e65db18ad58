import { describe, expect, it } from 'vitest';
import { createProblem } from '../../src/shared/deck/problems';
import { errorReportOf, ReportedError, reportedError } from '../../src/shared/error-report';
import { PodiumError } from '../../src/shared/errors';
import { unwrapIpcAnswer } from '../../src/shared/ipc-answer';

const problem = createProblem('missing-file', '1-pictures.md', 9, 'image "images/parade.jpg" not found (images/parade.jpg)');

describe('errorReportOf', () => {
  it('keeps a PodiumError\'s sentence, kind and problems', () => {
    const refusal = new PodiumError('deck', 'the deck refers to files it does not have', [problem]);
    expect(errorReportOf(refusal)).toEqual({ message: 'the deck refers to files it does not have', kind: 'deck', problems: [problem] });
  });

  it('keeps only the sentence of a plain error or a thrown value', () => {
    expect(errorReportOf(new Error('EROFS'))).toEqual({ message: 'EROFS' });
    expect(errorReportOf('gone')).toEqual({ message: 'gone' });
  });
});

describe('reportedError', () => {
  it('makes the error a report stands for', () => {
    const error = reportedError({ message: 'refused', kind: 'usage', problems: [problem] }, 'fallback');
    expect(error).toBeInstanceOf(ReportedError);
    expect(error).toMatchObject({ message: 'refused', kind: 'usage', problems: [problem] });
  });

  it('falls back to the given sentence for anything that is not a report', () => {
    for (const value of [null, 'text', { error: 'an old body' }, { message: 42 }]) {
      expect(reportedError(value, 'the Podium server answered 500')).toMatchObject({ message: 'the Podium server answered 500', kind: undefined });
    }
  });

  it('is what a failed IPC answer becomes in the page', () => {
    const refusal = new PodiumError('deck', 'the deck has errors', [problem]);
    const thrown = (() => {
      try {
        return unwrapIpcAnswer({ ok: false, error: errorReportOf(refusal) });
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(ReportedError);
    expect(thrown).toMatchObject({ message: 'the deck has errors', kind: 'deck', problems: [problem] });
  });
});
