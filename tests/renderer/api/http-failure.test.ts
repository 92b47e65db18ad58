import { describe, expect, it } from 'vitest';
import { errorBody } from '../../../src/node/serve/error-body';
import { createProblem } from '../../../src/shared/deck/problems';
import { errorReportOf } from '../../../src/shared/error-report';
import { PodiumError } from '../../../src/shared/errors';
import { unwrapIpcAnswer } from '../../../src/shared/ipc-answer';
import { failureOf } from '../../../src/renderer/api/http-failure';

describe('failureOf (serve mode\'s failed response)', () => {
  it('rethrows the error the app\'s preload rethrows for the same failure: sentence, kind and problems', async () => {
    const problem = createProblem('bad-front-matter', '3-broken.md', 1, 'front matter opened with `---` is never closed');
    const refusal = new PodiumError('deck', 'the deck has errors; no PDF written:\n3-broken.md:1: error: front matter opened with `---` is never closed', [problem]);
    const overHttp = await failureOf(new Response(errorBody(errorReportOf(refusal)), { status: 400 }));
    let overIpc: unknown;
    try {
      unwrapIpcAnswer({ ok: false, error: errorReportOf(refusal) });
    } catch (error) {
      overIpc = error;
    }
    expect(overHttp).toEqual(overIpc);
    expect(overHttp).toMatchObject({ message: refusal.message, kind: 'deck', problems: [problem] });
  });

  it('quotes a plain-text answer after its status', async () => {
    const failure = await failureOf(new Response('podium: not found', { status: 404 }));
    expect(failure.message).toBe('the Podium server answered 404: podium: not found');
  });
});
